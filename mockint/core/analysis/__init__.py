"""The analysis engine: a transcript and a target length in, an answer report out.

Pure Python, one metric per function (see the modules); `analyze_answer` puts them together
by the policy in DESIGN.md, "Analysis policy".
"""

from mockint.core.analysis.analyze import analyze_answer
from mockint.core.analysis.detail import (
    EvidenceHit,
    EvidenceKind,
    LowConfidenceStretch,
    PhraseHit,
    RepeatHit,
    StarCues,
    StarPart,
)
from mockint.core.analysis.findings import (
    FeedbackItem,
    FillerHit,
    FillerKind,
    HedgeHit,
    LengthResult,
    LengthVerdict,
    Metrics,
    Pause,
    PauseKind,
    Severity,
)
from mockint.core.analysis.lexicon import Lexicon
from mockint.core.analysis.report import SCHEMA, AnswerReport
from mockint.core.analysis.serial import ReportFormatError
from mockint.core.analysis.thresholds import Thresholds

__all__ = [
    "SCHEMA",
    "AnswerReport",
    "EvidenceHit",
    "EvidenceKind",
    "FeedbackItem",
    "FillerHit",
    "FillerKind",
    "HedgeHit",
    "LengthResult",
    "LengthVerdict",
    "Lexicon",
    "LowConfidenceStretch",
    "Metrics",
    "Pause",
    "PauseKind",
    "PhraseHit",
    "RepeatHit",
    "ReportFormatError",
    "Severity",
    "StarCues",
    "StarPart",
    "Thresholds",
    "analyze_answer",
]
