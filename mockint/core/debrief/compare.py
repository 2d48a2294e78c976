"""What changed in evidence and STAR structure between a first and a latest attempt (the rest of
the comparison, fillers, length and pace, is app/attempt_changes.py's)."""

from __future__ import annotations

from mockint.core.analysis import AnswerReport, StarPart


def structure_changes(first: AnswerReport, latest: AnswerReport) -> list[str]:
    """Plain sentences on evidence and STAR parts; better news first."""
    better: list[str] = []
    other: list[str] = []
    before, after = len(first.evidence), len(latest.evidence)
    if after > before:
        better.append(f"More evidence: {before} \u2192 {after} numbers, results or examples")
    elif after < before:
        other.append(f"Less evidence: {before} \u2192 {after} numbers, results or examples")
    else:
        other.append(f"Evidence about the same: {after}")
    had, has = set(first.star.parts_present), set(latest.star.parts_present)
    gained = [p.value for p in StarPart if p in has - had]
    lost = [p.value for p in StarPart if p in had - has]
    if gained:
        better.append("Now heard: " + ", ".join(gained))
    if lost:
        other.append("No longer heard: " + ", ".join(lost))
    if not gained and not lost:
        other.append(f"STAR parts heard: {len(has)} of 4, as before")
    return better + other


def star_parts_heard(report: AnswerReport) -> str:
    """For the report of a story practised: which STAR parts were heard, which were not."""
    heard = [p.value for p in report.star.parts_present]
    missing = [p.value for p in StarPart if p not in report.star.parts_present]
    if not missing:
        return "All four STAR parts were heard: situation, task, action and result."
    if not heard:
        return "No STAR part was heard clearly; the missing ones: " + ", ".join(missing) + "."
    return f"Heard: {', '.join(heard)}. Not heard: {', '.join(missing)}."
