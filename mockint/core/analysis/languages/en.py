"""English: the filler, hedge, evidence and STAR vocabulary (lowercase, as Vosk writes words)."""

from __future__ import annotations

from mockint.core.analysis.languages.base import EvidenceVocabulary, LanguageData, StarVocabulary
from mockint.core.analysis.languages.en_context import CONTEXT_RULES
from mockint.core.analysis.phrases import PhraseRule


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(*phrases: str) -> tuple[PhraseRule, ...]:
    return tuple(PhraseRule.of(p) for p in phrases)


# "what kind of", "this sort of problem": the noun, not the hedge.
_KIND_NOUN_BEFORE = _words(
    "what this that the a any some every which same one these those all my our your their his her its different other each no new right"
)

_HEDGES = (
    PhraseRule.of(
        "i think", not_before=_words("about of through back ahead differently deeply hard carefully outside big")
    ),
    PhraseRule.of("i guess"),
    PhraseRule.of("maybe"),
    PhraseRule.of("probably"),
    PhraseRule.of("perhaps"),
    PhraseRule.of("kind of", not_after=_KIND_NOUN_BEFORE),
    PhraseRule.of("sort of", not_after=_KIND_NOUN_BEFORE),
    PhraseRule.of("kinda", not_after=_KIND_NOUN_BEFORE),
    PhraseRule.of("sorta", not_after=_KIND_NOUN_BEFORE),
    PhraseRule.of("i feel like"),
    PhraseRule.of("i'm not sure"),
    PhraseRule.of("i am not sure"),
    PhraseRule.of("hopefully"),
    PhraseRule.of("a little bit"),
)

_SELF_TALK = (
    PhraseRule.of("sorry", not_after=_words("felt feel feels feeling said say saying")),
    PhraseRule.of("i'm sorry", not_after=_words("said say saying")),
    *_phrases(
        "i'm bad at",
        "i am bad at",
        "i'm bad with",
        "i'm not good at",
        "i am not good at",
        "i'm not very good at",
        "i'm not great at",
        "i'm terrible at",
        "i'm awful at",
        "i'm hopeless at",
        "i suck at",
        "i'm not the best at",
        "i'm not an expert",
        "i'm no expert",
        "i'm not really an expert",
        "i'm not qualified",
        "i'm not smart",
        "i'm stupid",
        "i'm so stupid",
        "that was stupid",
        "this is probably wrong",
        "this is probably a bad answer",
        "that was a bad answer",
        "bad answer",
        "i'm rambling",
        "i'm just rambling",
        "i'm only a",
        "i'm just a",
        "i don't know what i'm doing",
        "let me start again",
        "let me start over",
        "i messed that up",
        "i'm not a natural",
    ),
)

_NUMBER_WORDS = _words(
    "zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "dozen half twice double triple hundreds thousands millions"
)
_RESULT_WORDS = _words(
    "increased reduced decreased improved saved grew doubled tripled halved boosted cut launched shipped delivered "
    "achieved exceeded won succeeded promoted result results resulted outcome outcomes impact metric metrics revenue "
    "growth improvement reduction faster successfully"
)

_EVIDENCE = EvidenceVocabulary(
    number_words=_NUMBER_WORDS,
    number_units=_words("percent per cent percentage points times fold dollars euros pounds k"),
    result_words=_RESULT_WORDS,
    example_phrases=_phrases(
        "for example",
        "for instance",
        "such as",
        "to give you an example",
        "one example",
        "a good example",
        "specifically",
        "in one case",
    ),
)

_STAR = StarVocabulary(
    situation=_phrases(
        "when i was",
        "while i was",
        "at my last job",
        "at my previous job",
        "at my last company",
        "at my previous company",
        "in my last role",
        "in my previous role",
        "in my first",
        "at the time",
        "the situation",
        "last year",
        "a few years ago",
        "years ago",
        "we were working on",
        "i was working",
        "our team was",
        "the project was",
        "the context",
        "back when",
        "there was a time",
        "one time",
    ),
    task=_phrases(
        "my role",
        "my job was",
        "my task",
        "it was my job",
        "i was responsible",
        "i was in charge",
        "i was asked",
        "i was tasked",
        "asked me to",
        "i had to",
        "i needed to",
        "we needed to",
        "we had to",
        "the goal",
        "our goal",
        "my goal",
        "the aim",
        "the challenge",
        "the problem was",
        "the task",
        "the deadline",
    ),
    action=_phrases(
        "so i",
        "first i",
        "then i",
        "what i did",
        "i made sure",
        "i reached out",
        "i set up",
        "i worked with",
        "i talked to",
        "i spoke with",
    ),
    result=_phrases(
        "as a result",
        "in the end",
        "the result",
        "the outcome",
        "resulted in",
        "ended up",
        "which meant",
        "which led to",
        "we managed to",
        "i managed to",
        "i learned",
        "i learnt",
        "we learned",
        "the impact",
        "thanks to that",
        "because of that",
        "eventually",
        "finally",
        "successfully",
        "on time",
        "reduced",
        "increased",
        "improved",
        "saved",
        "delivered",
        "launched",
        "shipped",
        "achieved",
        "doubled",
        "tripled",
        "halved",
        "grew",
        "won",
        "promoted",
        "exceeded",
    ),
    action_subjects=_words("i we"),
    past_suffixes=("ed",),
    irregular_past=_words(
        "built wrote led made took set ran met got found brought spoke told gave went chose began did sent spent put "
        "kept held bought drove taught caught fought rewrote rebuilt sat stood broke paid"
    ),
    not_actions=_words(
        "was were had needed wanted liked loved hated realized realised noticed wondered hoped assumed guessed seemed "
        "supposed expected worried learned learnt used"
    ),
)

ENGLISH = LanguageData(
    code="en",
    name="English",
    filled_pauses=_words("um umm ummm uh uhh uhhh uhm er erm ah ahh hmm hmmm hm mm mmm"),
    bracketed_fillers=_words("[hesitation] [filler] [fp]"),
    always_fillers=_words("basically literally totally"),
    context_rules=CONTEXT_RULES,
    hedges=_HEDGES,
    self_talk=_SELF_TALK,
    artifacts=_words("huh the"),
    deliberate_repeats=_words(
        "very really no yes yeah bye ha hey okay that had is many much far more so now again well there go"
    ),
    evidence=_EVIDENCE,
    star=_STAR,
)
