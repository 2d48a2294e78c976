"""When a session happened, as the Review page writes it ("Today 14:05").

Durations, ranges and verdicts are core/formatting's job: one wording for the whole app.
"""

from __future__ import annotations

from datetime import datetime

from mockint.core.formatting import DASH


def when(moment: datetime | None, now: datetime | None = None) -> str:
    """Today 14:05 / Yesterday 09:30 / Tue 12 Mar 14:05 / 12 Mar 2023 — in local time."""
    if moment is None:
        return DASH
    local = moment.astimezone()
    now = (now or datetime.now().astimezone()).astimezone()
    days = (now.date() - local.date()).days
    time_of_day = f"{local:%H:%M}"
    if days == 0:
        return f"Today {time_of_day}"
    if days == 1:
        return f"Yesterday {time_of_day}"
    if local.year == now.year:
        return f"{local:%a} {local.day} {local:%b} {time_of_day}"
    return f"{local.day} {local:%b %Y}"
