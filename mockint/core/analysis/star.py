"""STAR cues: does the answer set a situation, name a task, tell the actions and land a result?"""

from __future__ import annotations

from mockint.core.analysis.detail import PhraseHit, StarCues
from mockint.core.analysis.languages.base import StarVocabulary
from mockint.core.analysis.phrases import PhraseMatcher, matcher_for
from mockint.core.analysis.tokens import TokenView, is_bracketed


def _phrase_hits(view: TokenView, matcher: PhraseMatcher) -> list[PhraseHit]:
    return [PhraseHit(i, rule.text, view.words[i].start) for i, rule in matcher.find(view.texts)]


def _past_tense_actions(view: TokenView, vocabulary: StarVocabulary) -> list[PhraseHit]:
    """ "i built", "we migrated": a subject followed by a verb in the past tense."""
    texts, hits = view.texts, []
    subjects, suffixes = vocabulary.action_subjects, vocabulary.past_suffixes
    irregular, excluded = vocabulary.irregular_past, vocabulary.not_actions
    for i in range(len(texts) - 1):
        if texts[i] not in subjects:
            continue
        verb = texts[i + 1]
        if verb in excluded or is_bracketed(verb):
            continue  # "[noise]" after "i" is a sound the recognizer marked, not an action
        if verb in irregular or (len(verb) > 3 and verb.endswith(suffixes)):
            hits.append(PhraseHit(i, f"{texts[i]} {verb}", view.words[i].start))
    return hits


def find_star_cues(view: TokenView, vocabulary: StarVocabulary) -> StarCues:
    if not vocabulary.known:
        return StarCues()
    actions = _phrase_hits(view, matcher_for(vocabulary.action))
    seen = {hit.index for hit in actions}
    actions += [hit for hit in _past_tense_actions(view, vocabulary) if hit.index not in seen]
    return StarCues(
        situation=tuple(_phrase_hits(view, matcher_for(vocabulary.situation))),
        task=tuple(_phrase_hits(view, matcher_for(vocabulary.task))),
        action=tuple(sorted(actions, key=lambda hit: hit.index)),
        result=tuple(_phrase_hits(view, matcher_for(vocabulary.result))),
    )
