"""Another MockInt holding a data folder: a second process that takes the folder's instance lock
and keeps it until the test is done with it, then is killed (so its lock file still names it, as
a crash leaves it)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.conftest import REPO_ROOT

_HOLD_THE_LOCK = """
import sys
from pathlib import Path
from mockint.app import instance_lock
instance_lock.acquire(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()
"""


@contextmanager
def another_mockint_holding(data_dir: Path) -> Iterator[subprocess.Popen[str]]:
    """Yields the holder once it has the lock; kills it when the block ends."""
    owner = subprocess.Popen(
        [sys.executable, "-c", _HOLD_THE_LOCK, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
    )
    try:
        assert owner.stdout is not None and owner.stdout.readline() == "locked\n"
        yield owner
    finally:
        owner.kill()
        owner.wait(timeout=10)
