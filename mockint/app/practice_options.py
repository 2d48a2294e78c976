"""How a practice session runs, as chosen on the setup panel and remembered in the settings."""

from __future__ import annotations

from dataclasses import dataclass

from mockint.settings import Setting, Settings


@dataclass(frozen=True)
class PracticeOptions:
    deck_ids: tuple[str, ...]
    question_count: int
    shuffle: bool
    think_time_s: float
    report_after_each: bool
    read_aloud: bool
    live_transcript: bool
    silence_stop_s: float  # 0: never stop on silence

    @classmethod
    def from_settings(cls, settings: Settings) -> PracticeOptions:
        decks = settings.get(Setting.SELECTED_DECKS)
        return cls(
            deck_ids=tuple(str(d) for d in decks) if isinstance(decks, list) else (),
            question_count=max(1, _int(settings.get(Setting.QUESTION_COUNT), 5)),
            shuffle=bool(settings.get(Setting.SHUFFLE)),
            think_time_s=max(0.0, float(_int(settings.get(Setting.THINK_TIME_S), 5))),
            report_after_each=bool(settings.get(Setting.REPORT_AFTER_EACH)),
            read_aloud=bool(settings.get(Setting.READ_ALOUD)),
            live_transcript=bool(settings.get(Setting.LIVE_TRANSCRIPT)),
            silence_stop_s=max(0.0, float(_int(settings.get(Setting.SILENCE_STOP_S), 0))),
        )


def _int(value: object, fallback: int) -> int:
    # A hand-edited settings file may hold anything; a preference falls back, it never crashes.
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return fallback
