"""A fresh MockInt data folder for a benchmark that runs the app inside its own process.

The app finds its folders through MOCKINT_HOME, so a benchmark sets it for the measurement and
puts back what was there before: no figure reads or writes the user's own history.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def fresh_home(prefix: str) -> Iterator[Path]:
    """Yields a scratch folder; MOCKINT_HOME points at its `home` subfolder meanwhile."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    previous = os.environ.get("MOCKINT_HOME")
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        os.environ["MOCKINT_HOME"] = str(Path(folder) / "home")
        try:
            yield Path(folder)
        finally:
            if previous is None:
                os.environ.pop("MOCKINT_HOME", None)
            else:
                os.environ["MOCKINT_HOME"] = previous
