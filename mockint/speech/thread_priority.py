"""Background work yields to the window: recognition, the hesitation scan and analysis run at a
lower scheduling priority than the GUI thread, so a saturated computer slows the report, not the
window.

On Linux a thread has its own nice value (setpriority on its native thread id), raised here by
BACKGROUND_NICENESS for the calling thread only; threads it starts inherit it. Elsewhere this is
a no-op: macOS and Windows have no per-thread nice through os, and their schedulers already
favour the foreground window. Raising one's own niceness needs no privilege; lowering it again
would, so it is done once per thread and never undone.
"""

from __future__ import annotations

import logging
import os
import sys
import threading

log = logging.getLogger(__name__)

# Of 0..19. Under the kernel's fair scheduler a nice-5 thread gets about a third of the CPU an
# equal nice-0 thread gets when they compete, and the GUI thread preempts it on waking. Nice 10
# (a tenth) starved recognition on a machine saturated by other work: the report came more than
# 30 s after Stop.
BACKGROUND_NICENESS = 5


def lower_this_thread_priority(niceness: int = BACKGROUND_NICENESS) -> bool:
    """Makes the calling thread at least `niceness` nice; True if it took effect."""
    if not sys.platform.startswith("linux"):
        return False
    thread_id = threading.get_native_id()
    try:
        current = os.getpriority(os.PRIO_PROCESS, thread_id)
        if current < niceness:
            os.setpriority(os.PRIO_PROCESS, thread_id, niceness)
        return True
    except OSError:  # a sandbox without the call: run at normal priority rather than fail
        log.debug("could not lower the priority of thread %d", thread_id, exc_info=True)
        return False


def thread_niceness() -> int | None:
    """The calling thread's nice value (Linux), None where threads have none."""
    if not sys.platform.startswith("linux"):
        return None
    return os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
