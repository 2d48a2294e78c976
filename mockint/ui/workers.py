"""Background work for the GUI: workers are QObjects moved onto their own QThread.

A `Worker` wraps plain-Python work (loading a model, reading decks, deleting files) and talks
to widgets only through signals. `WorkerPool` owns the threads: it wires started -> run and
finished/failed/cancelled -> quit + deleteLater (the worker hands itself back to the GUI thread
before it ends, so it is destroyed there), keeps every thread referenced until it has
really stopped (a QThread destroyed while running aborts the process), and on `shutdown`
cancels everything and waits, so a window can close while work is in flight.

Callbacks passed to `WorkerPool.start` always run on the GUI thread, even lambdas: Qt would
call a lambda connected straight to a worker signal on the worker's thread.
"""

from __future__ import annotations

import atexit
import functools
import logging
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QDeadlineTimer, QObject, QThread, Signal, SignalInstance, Slot

from mockint.core.cancel import Cancelled, CancelToken

log = logging.getLogger(__name__)

T = TypeVar("T")


class Worker(QObject, Generic[T]):
    """Subclass and implement `work()`; call `check_cancelled()` between steps.

    The worker's `cancel_token` is the one cancellation flag: pass it to the plain-Python work
    (speech and app functions take a CancelToken), which raises `Cancelled` (or a subclass)
    when it is set. Either way the worker ends with `cancelled`, not `failed`.
    """

    finished = Signal(object)  # the value work() returned (a T)
    failed = Signal(object)  # the exception work() raised (UserFacingError carries user_message)
    progress = Signal(object)  # worker-specific progress payload (a fraction, a count, a message)
    cancelled = Signal()  # work() stopped early because cancel() was called

    def __init__(self, *, cancel: CancelToken | None = None) -> None:
        super().__init__()
        # A token (a threading.Event), not a signal: the worker's thread is busy in work() and
        # would not see a queued call until it was done.
        self.cancel_token = cancel if cancel is not None else CancelToken()

    def work(self) -> T:
        raise NotImplementedError

    def cancel(self) -> None:
        """Safe from any thread, and after the worker has been deleted."""
        self.cancel_token.cancel()

    @property
    def is_cancelled(self) -> bool:
        return self.cancel_token.cancelled

    def check_cancelled(self) -> None:
        self.cancel_token.raise_if_cancelled()

    @Slot()
    def run(self) -> None:
        ended: SignalInstance
        payload: tuple[Any, ...]
        try:
            result = self.work()
            self.check_cancelled()
        except Cancelled:
            ended, payload = self.cancelled, ()
        except BaseException as error:  # noqa: BLE001 - every failure goes back to the GUI
            ended, payload = (self.cancelled, ()) if self.is_cancelled else (self.failed, (error,))
        else:
            ended, payload = self.finished, (result,)
        self._return_to_gui_thread()
        ended.emit(*payload)

    def _return_to_gui_thread(self) -> None:
        """Hands the worker back to the GUI thread, so deleteLater destroys it there.

        A QObject made in Python must not be destroyed on a worker thread: its destructor calls
        into Python (for the GIL) while holding Qt's connection lock, and deadlocks against the
        GUI thread, which holds the GIL and wants that lock (seen with PySide6 6.11).
        """
        app = QCoreApplication.instance()
        if app is not None:
            self.moveToThread(app.thread())


class FunctionWorker(Worker[T]):
    """Runs `function(*args, **kwargs)`; for work that needs no progress or cancel points."""

    def __init__(self, function: Callable[..., T], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self._call = (function, args, kwargs)

    def work(self) -> T:
        function, args, kwargs = self._call
        return function(*args, **kwargs)


class _Job(QObject):
    """Lives on the GUI thread, so the worker's signals reach the callbacks through the queue."""

    def __init__(
        self,
        pool: WorkerPool,
        worker: Worker[Any],
        thread: QThread,
        on_finished: Callable[[Any], object] | None,
        on_failed: Callable[[BaseException], object] | None,
        on_progress: Callable[[Any], object] | None,
        on_cancelled: Callable[[], object] | None,
    ) -> None:
        super().__init__()
        self.pool = pool
        self.worker = worker
        self.qthread = thread  # not `thread`: QObject.thread() is Qt's
        self._callbacks = (on_finished, on_failed, on_progress, on_cancelled)

    @Slot(object)
    def relay_finished(self, result: Any) -> None:
        if self._callbacks[0] is not None:
            self._callbacks[0](result)

    @Slot(object)
    def relay_failed(self, error: BaseException) -> None:
        if self._callbacks[1] is not None:
            self._callbacks[1](error)
        else:
            log.error("background work failed", exc_info=(type(error), error, error.__traceback__))

    @Slot(object)
    def relay_progress(self, value: Any) -> None:
        if self._callbacks[2] is not None:
            self._callbacks[2](value)

    @Slot()
    def relay_cancelled(self) -> None:
        if self._callbacks[3] is not None:
            self._callbacks[3]()

    @Slot()
    def thread_stopped(self) -> None:
        # finished() is emitted just before the thread ends; wait() makes "ended" certain before
        # the last reference to the QThread goes away.
        self.qthread.wait()
        self.pool._forget(self)


class WorkerPool(QObject):
    """Starts workers on their own threads and stops them all on `shutdown`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[_Job] = []
        _wait_at_exit()

    def start(
        self,
        worker: Worker[T],
        *,
        on_finished: Callable[[T], object] | None = None,
        on_failed: Callable[[BaseException], object] | None = None,
        on_progress: Callable[[Any], object] | None = None,
        on_cancelled: Callable[[], object] | None = None,
    ) -> Worker[T]:
        """Runs `worker.work()` on a new thread; callbacks run on the GUI thread.

        A failure with no `on_failed` goes to the log. Returns the worker (to cancel it).
        """
        thread = QThread()
        thread.setObjectName(type(worker).__name__)
        worker.moveToThread(thread)
        job = _Job(self, worker, thread, on_finished, on_failed, on_progress, on_cancelled)

        thread.started.connect(worker.run)
        worker.finished.connect(job.relay_finished)
        worker.failed.connect(job.relay_failed)
        worker.progress.connect(job.relay_progress)
        worker.cancelled.connect(job.relay_cancelled)
        for ended in (worker.finished, worker.failed, worker.cancelled):
            ended.connect(thread.quit)
            ended.connect(worker.deleteLater)
        thread.finished.connect(job.thread_stopped)
        thread.finished.connect(thread.deleteLater)

        self._jobs.append(job)
        _LIVE_JOBS.add(job)
        thread.start()
        return worker

    @property
    def busy(self) -> bool:
        return bool(self._jobs)

    def shutdown(self, timeout_ms: int = 5000) -> bool:
        """Cancels every worker, quits and waits for its thread; True when all have stopped.

        Threads still busy after `timeout_ms` (work that cannot be interrupted, such as a
        model being read) stay referenced; `wait_for_stragglers` waits for them at exit.
        """
        jobs = list(self._jobs)
        for job in jobs:
            job.worker.cancel()
            job.qthread.quit()
        deadline = QDeadlineTimer(timeout_ms)
        all_stopped = True
        for job in jobs:
            if job.qthread.wait(deadline):
                self._forget(job)
            else:
                all_stopped = False
                log.warning("%s did not stop within %d ms", job.qthread.objectName(), timeout_ms)
        return all_stopped

    def _forget(self, job: _Job) -> None:
        if job in self._jobs:
            self._jobs.remove(job)
        _LIVE_JOBS.discard(job)


# Every job whose thread may still run, across all pools: a pool (or the window owning it) can
# be deleted while a stubborn thread finishes, and the QThread must outlive that.
_LIVE_JOBS: set[_Job] = set()


def wait_for_stragglers() -> None:
    """Blocks until every worker thread has ended; called once the event loop has returned."""
    for job in list(_LIVE_JOBS):
        job.worker.cancel()
        job.qthread.quit()
        job.qthread.wait()
        _LIVE_JOBS.discard(job)


@functools.cache
def _wait_at_exit() -> None:
    """Registered once, when the first pool is made: a QThread still running when the
    interpreter tears down aborts the process, so exit waits for (cancelled) workers."""
    atexit.register(wait_for_stragglers)
