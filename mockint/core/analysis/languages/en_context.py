"""English discourse fillers that count only in context (DESIGN.md, "Analysis policy").

Vosk writes lowercase words without punctuation, so each rule reads only the neighbouring words,
the pauses between them, and whether the words before were fillers. Where a phrase reads both
ways the rules lean to not counting it: a missed filler costs the speaker less than a wrong one.
"""

from __future__ import annotations

from collections.abc import Callable

from mockint.core.analysis.context import ContextRule, FillerContext
from mockint.core.analysis.filler_model import learned

_CONJUNCTIONS = frozenset({"and", "but", "or", "because", "cause", "so", "then", "plus"})
_BE = frozenset(
    {
        "is",
        "was",
        "were",
        "are",
        "am",
        "be",
        "been",
        "it's",
        "that's",
        "he's",
        "she's",
        "i'm",
        "we're",
        "they're",
        "you're",
    }
)
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion "
    "half several couple few dozen dozens hundreds thousands millions".split()
)
_DETERMINERS = frozenset("the my our his her their your any some every other".split())

# --- like -----------------------------------------------------------------------------------
# "i like testing", "we'd like to", "would you like": like is a verb after a subject or a modal.
_LIKE_VERB_BEFORE = frozenset(
    "i we you they people who would i'd we'd you'd they'd he'd she'd to don't didn't doesn't do does did not "
    "will i'll we'll you'll they'll might may could should can can't cannot won't wouldn't".split()
)
# Adverbs that can sit between the subject and the verb ("i really like", "we also like").
_LIKE_ADVERBS = frozenset(
    "really also always still just generally usually personally genuinely especially never actually honestly totally".split()
)
# "sounds like", "something like", "felt like": like compares.
_LIKE_COMPARE_BEFORE = frozenset(
    "sounds sound sounded sounding looks look looked looking seems seem seemed feel feels felt feeling act acted acting "
    "something anything nothing everything someone somebody anyone things stuff much more most less exactly "
    "behave behaves behaved treat treated smell smells taste tastes".split()
)
# "like a", "like that", "like to": a comparison or an object follows.
_LIKE_OBJECT_AFTER = frozenset(
    "to a an that this these those it them him her me us mine yours ours theirs crazy hell so usual clockwork magic before".split()
)
_LIKE_QUANTITY = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years hundred thousand million dozen couple few bit lot ton bunch half quarter".split()
)
_LIKE_REPORTED = frozenset("said say mentioned told explained suggested did do".split())
# Words ending in s that are not plural nouns, so "was like" is not "tools like".
_NOT_PLURAL = frozenset("is was has does its this his us yes thus plus as always perhaps sometimes whereas".split())


def _like(ctx: FillerContext, i: int) -> bool:
    before, after = ctx.word(i - 1), ctx.word(i + 1)
    subject = before
    if before in _LIKE_ADVERBS:
        subject = ctx.word(i - 2)
    elif before is not None and ctx.is_filler[i - 1]:
        subject = ctx.anchor(i)  # "i um like testing": the verb hangs on the word before the filler
    if subject in _LIKE_VERB_BEFORE or before in _LIKE_VERB_BEFORE:
        return False
    if before in _LIKE_COMPARE_BEFORE:
        return False
    if after is None:
        return before not in _BE  # "what the culture is like" compares; "i don't know like" trails off
    if after in _NUMBER_WORDS or after[:1].isdigit():
        return True  # an approximation: "like ten minutes"
    if after in ("a", "an"):
        return ctx.word(i + 2) in _LIKE_QUANTITY  # "like a week" approximates; "like a puzzle" compares
    if after in _LIKE_OBJECT_AFTER:
        return False
    if after in ("i", "you", "we", "they") and ctx.word(i + 2) in _LIKE_REPORTED:
        return False  # "like i said", "like we did"
    if after in _DETERMINERS:
        return ctx.opens(i) or before in _CONJUNCTIONS  # "and like the server died" vs "it's like the old one"
    if ctx.opens(i) or before in _CONJUNCTIONS or before in _BE:
        return True
    if before is not None and before.endswith("s") and before not in _NOT_PLURAL and "'" not in before:
        return False  # "tools like jenkins": like means "such as"
    return True


# --- you know -------------------------------------------------------------------------------
_YOU_KNOW_NOT_AFTER = frozenset(
    "do does did don't didn't doesn't if as would could can will should might whether how what whatever which who whom "
    "when once unless until before after everyone everybody anyone someone somebody people all".split()
)
_YOU_KNOW_OBJECT = frozenset(
    "how what when where who why whether if that it him her them me us this these those your my his their our "
    "everything anything something nothing someone somebody everyone anyone exactly more better about a an each both "
    "any some enough yourself".split()
)


def _you_know(ctx: FillerContext, i: int) -> bool:
    before, after = ctx.word(i - 1), ctx.word(i + 2)
    if before in _YOU_KNOW_NOT_AFTER:
        return False  # "do you know", "as you know"
    if after is None:
        return True  # a tag at the end: "it was hard you know"
    if after in ("it", "this", "that"):
        return _new_clause(after, ctx.word(i + 3))  # "you know it was hard" vs "you know it when you see it"
    if after in _YOU_KNOW_OBJECT:
        return False  # "you know how", "you know what"
    if after == "the":
        return ctx.opens(i) or before in _CONJUNCTIONS or before in _BE  # "and you know the deadline slipped"
    return True


# --- i mean ---------------------------------------------------------------------------------
_I_MEAN_NOT_AFTER = frozenset("what which whatever how do did does".split())
# "i mean that was fine": after "that", only a verb shows a new clause ("i mean that we..." is the verb).
_CLAUSE_VERBS = frozenset(
    "was is wasn't isn't did didn't does doesn't had has hadn't hasn't worked went could would can will won't "
    "couldn't wouldn't should might may must took made got felt seemed looked turned ended came became still just "
    "wasnt isnt".split()
)


# "i mean it seriously", "you know it when you see it": words that keep "it" the verb's object.
_OBJECT_QUALIFIERS = frozenset(
    "when whenever seriously sincerely honestly really literally genuinely completely truly as in and but too every "
    "with from because well better by already yourself".split()
)


def _new_clause(pronoun: str, following: str | None) -> bool:
    """Whether "it/this/that" after a verb of saying or knowing starts a new clause ("i mean it was fine")."""
    if pronoun == "that":
        return following in _CLAUSE_VERBS
    return following is not None and following not in _OBJECT_QUALIFIERS


def _i_mean(ctx: FillerContext, i: int) -> bool:
    before, after, after2 = ctx.word(i - 1), ctx.word(i + 2), ctx.word(i + 3)
    if before in _I_MEAN_NOT_AFTER:
        return False  # "what i mean", "what do i mean"
    if after in ("it", "that", "this"):
        return _new_clause(after, after2)  # "i mean it was fine" repairs; "i mean it" means it
    if after in ("to", "every", "business"):
        return False  # "i mean to", "i mean every word"
    if after == "what" and after2 == "i":
        return False  # "i mean what i say"
    if after == "well" and after2 is None:
        return False
    return True


# --- so, well, okay so ----------------------------------------------------------------------
_SO_NOT_BEFORE = frozenset(
    "that much many far long few little often bad good great hard easy big important happy proud excited nervous "
    "stressful difficult busy quickly fast slow well sure glad tired late early".split()
)
_SO_NOT_AFTER = frozenset("even if not think hope guess said say believe suppose do did doing or just".split())
_WELL_NOT_BEFORE = frozenset(
    "known as done enough paid documented defined established received written tested suited organized organised "
    "understood thought designed structured run managed prepared respected liked regarded".split()
)
# "did well", "as well", "pretty well": well is an adverb after these, even across a pause or filler.
_WELL_NOT_AFTER = frozenset(
    "as very pretty quite really so too did went worked done do does doing go goes going play played perform "
    "performed pay paid fairly extremely reasonably equally went sleep slept work works get got getting just".split()
)


def _opening(ctx: FillerContext, i: int, not_after: frozenset[str]) -> bool:
    if not ctx.opens(i):
        return False
    return ctx.word(i - 1) not in not_after and ctx.anchor(i) not in not_after


def _so_opens(ctx: FillerContext, i: int, after: int) -> bool:
    """The "so" at i with its next word at `after`: "so that we could" is a conjunction, "so that was it" is not."""
    following = ctx.word(after)
    if following in _SO_NOT_BEFORE and not (following == "that" and ctx.word(after + 1) in _CLAUSE_VERBS):
        return False
    return _opening(ctx, i, _SO_NOT_AFTER)


# Switchboard's annotators (the development split) mark "so" as a filler when it leads nowhere:
# "so um", "so / where was i", "so how do you...", a trailing "so". A "so" that opens a clause
# ("so we rolled back", "so i joined in may") is a conjunction to them, even after a pause.
_LEADS_NOWHERE = frozenset(
    "um umm uh uhh uhm er erm ah hmm mm yeah anyway basically like well okay ok right i'm how what why where "
    "who which".split()
)


def _so(ctx: FillerContext, i: int) -> bool:
    if not _so_opens(ctx, i, i + 1):
        return False
    after = ctx.word(i + 1)
    if after is None or ctx.pause_before(i + 1) or after in _LEADS_NOWHERE:
        return True
    return (after, ctx.word(i + 2)) in _FILLER_PAIRS  # "so you know we...", "so i mean..."


_FILLER_PAIRS = frozenset({("you", "know"), ("i", "mean")})


def _okay_so(ctx: FillerContext, i: int) -> bool:
    return _so_opens(ctx, i, i + 2)


def _well(ctx: FillerContext, i: int) -> bool:
    after = ctx.word(i + 1)
    if after in _WELL_NOT_BEFORE or (after is not None and len(after) > 4 and after.endswith("ed") and after != "need"):
        return False  # "well known", "well documented"
    return _opening(ctx, i, _WELL_NOT_AFTER)


# --- right ----------------------------------------------------------------------------------
_RIGHT_NOT_AFTER = frozenset(
    "the a an that's that this is was were are be been being am i'm you're we're they're he's she's it's isn't wasn't "
    "aren't weren't all exactly quite just absolutely completely it them things everything turn turned left very most "
    "my your our their his her its do did done doing get got getting gets go went goes going not feel feels felt seems "
    "seemed sounds sounded looks looked human civil equal between".split()
)
_RIGHT_NOT_BEFORE = frozenset(
    "away now after afterwards before there here then when at into in from up off out on back next through under over "
    "behind down to along around across about as where until beside below above outside inside thing things way answer "
    "answers person people time choice choices decision decisions call place tool tools question questions fit side "
    "track direction moment approach hand angle balance move one ones team job role stuff level amount order idea "
    "words solution priorities priority fix".split()
)
_TAG_FOLLOWERS = frozenset(
    "and so but because cause or i we you they he she it um uh like okay yeah anyway basically well".split()
)


def _right(ctx: FillerContext, i: int) -> bool:
    before, after = ctx.word(i - 1), ctx.word(i + 1)
    if before in _RIGHT_NOT_AFTER or after in _RIGHT_NOT_BEFORE:
        return False  # "the right call", "right away", "you're right"
    if after is None or after in _TAG_FOLLOWERS or ctx.pause_before(i + 1):
        return True  # "we lost the data right and then"
    return ctx.opens(i)


# --- okay, actually ---------------------------------------------------------------------------
def _okay(ctx: FillerContext, i: int) -> bool:
    """A lone "okay" counts only as a stall before another filler or a pause ("okay um let me think")."""
    after = ctx.word(i + 1)
    return _opening(ctx, i, _BE) and (ctx.pause_before(i + 1) or after in _LEADS_NOWHERE)


# "actually" as a discourse marker opens a clause ("actually i think", "and actually we"); inside
# one ("it was actually a lesson", "we actually shipped") it is an adverb of contrast.
_ACTUALLY_OPENERS = frozenset("well oh yeah no now see".split())


def _actually(ctx: FillerContext, i: int) -> bool:
    before = ctx.word(i - 1)
    return ctx.opens(i) or before in _CONJUNCTIONS or before in _ACTUALLY_OPENERS


# Where grammar rules a filler out whatever the habit of the speaker ("i like", "do you know",
# "what i mean", "as well", "well known", "the right", "so much"): the model is not asked there.
def _like_veto(ctx: FillerContext, i: int) -> bool:
    before, after = ctx.word(i - 1), ctx.word(i + 1)
    subject = ctx.word(i - 2) if before in _LIKE_ADVERBS else before
    if subject in _LIKE_VERB_BEFORE or before in _LIKE_VERB_BEFORE or before in _LIKE_COMPARE_BEFORE:
        return True
    if after in ("a", "an"):
        return ctx.word(i + 2) not in _LIKE_QUANTITY and not ctx.pause_before(i + 1)  # "like a puzzle" compares
    return after in _LIKE_COMPARED  # "like that", "like them"


_LIKE_COMPARED = frozenset("that this it them him me us those these mine yours".split())


def _you_know_veto(ctx: FillerContext, i: int) -> bool:
    return ctx.word(i - 1) in _YOU_KNOW_NOT_AFTER


def _i_mean_veto(ctx: FillerContext, i: int) -> bool:
    after = ctx.word(i + 2)
    return (
        ctx.word(i - 1) in _I_MEAN_NOT_AFTER
        or after in ("to", "every", "business")
        or (after == "it" and ctx.word(i + 3) in (None, *_OBJECT_QUALIFIERS))
    )


def _well_veto(ctx: FillerContext, i: int) -> bool:
    after = ctx.word(i + 1)
    if after in _WELL_NOT_BEFORE or (after is not None and len(after) > 4 and after.endswith("ed") and after != "need"):
        return True
    return ctx.word(i - 1) in _WELL_NOT_AFTER


def _so_veto(ctx: FillerContext, i: int) -> bool:
    following = ctx.word(i + 1)
    return (following in _SO_NOT_BEFORE and following != "that") or ctx.word(i - 1) in _SO_NOT_AFTER


def _right_veto(ctx: FillerContext, i: int) -> bool:
    return ctx.word(i - 1) in _RIGHT_NOT_AFTER or ctx.word(i + 1) in _RIGHT_NOT_BEFORE


def _never(ctx: FillerContext, i: int) -> bool:
    return False


# The hand-written rules, by the name the learned model knows them by (filler_model.py), each with
# its phrase, the rule, and its veto. The model reads the rule's answer as one of its features and
# weighs it with the context; it is never asked where the veto holds.
Rule = Callable[[FillerContext, int], bool]
HAND_RULES: dict[str, tuple[tuple[str, ...], Rule, Rule]] = {
    "like": (("like",), _like, _like_veto),
    "you_know": (("you", "know"), _you_know, _you_know_veto),
    "i_mean": (("i", "mean"), _i_mean, _i_mean_veto),
    "okay_so": (("okay", "so"), _okay_so, _never),
    "ok_so": (("ok", "so"), _okay_so, _never),
    "so": (("so",), _so, _so_veto),
    "well": (("well",), _well, _well_veto),
    "right": (("right",), _right, _right_veto),
    "okay": (("okay",), _okay, _never),
    "actually": (("actually",), _actually, _never),
}

CONTEXT_RULES: tuple[ContextRule, ...] = tuple(
    ContextRule(phrase, learned(name, len(phrase), rule, veto)) for name, (phrase, rule, veto) in HAND_RULES.items()
)
