"""Background workers: results reach the GUI thread, failures are typed, closing cancels and waits."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread

from mockint.core.cancel import Cancelled, CancelToken
from mockint.core.errors import BadInputError
from mockint.speech.errors import DownloadCancelled
from mockint.speech.transcribe import TranscriptionCancelled
from mockint.speech.tts import RenderCancelled
from mockint.ui.workers import FunctionWorker, Worker, WorkerPool, wait_for_stragglers


class WaitsForCancel(Worker):
    """Busy until cancelled, like a recording or a long recognition."""

    def __init__(self) -> None:
        super().__init__()
        self.started = threading.Event()

    def work(self) -> str:
        self.started.set()
        self.cancel_token.wait()
        self.check_cancelled()
        return "never"


def test_result_and_callbacks_arrive_on_the_gui_thread(qtbot):
    pool = WorkerPool()
    seen: dict[str, object] = {}

    def on_finished(value: object) -> None:
        seen["value"] = value
        seen["gui_thread"] = QThread.currentThread() is pool.thread()

    def compute() -> tuple[int, bool]:
        return 6 * 7, threading.current_thread() is threading.main_thread()

    pool.start(FunctionWorker(compute), on_finished=on_finished)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == (42, False)  # computed off the GUI thread...
    assert seen["gui_thread"] is True  # ...delivered on it, even to a plain function
    qtbot.waitUntil(lambda: not pool.busy)


def test_a_failure_arrives_as_the_typed_exception(qtbot):
    pool = WorkerPool()
    errors: list[BaseException] = []

    def broken() -> None:
        raise BadInputError("that file is not a deck")

    pool.start(FunctionWorker(broken), on_failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], BadInputError)
    assert errors[0].user_message == "that file is not a deck"
    qtbot.waitUntil(lambda: not pool.busy)


def test_progress_reaches_the_gui(qtbot):
    class Counts(Worker):
        def work(self) -> int:
            for step in range(3):
                self.progress.emit(step)
            return 3

    pool = WorkerPool()
    steps: list[object] = []
    done: list[object] = []
    pool.start(Counts(), on_progress=steps.append, on_finished=done.append)
    qtbot.waitUntil(lambda: bool(done))
    assert steps == [0, 1, 2] and done == [3]


def test_cancel_stops_a_worker_and_reports_it(qtbot):
    pool = WorkerPool()
    cancelled: list[bool] = []
    finished: list[object] = []
    worker = WaitsForCancel()
    pool.start(worker, on_cancelled=lambda: cancelled.append(True), on_finished=finished.append)
    assert worker.started.wait(5)
    worker.cancel()
    qtbot.waitUntil(lambda: bool(cancelled))
    assert finished == []
    qtbot.waitUntil(lambda: not pool.busy)


def test_shutdown_cancels_running_work_and_waits(qtbot, capfd):
    pool = WorkerPool()
    workers = [WaitsForCancel() for _ in range(3)]
    for worker in workers:
        pool.start(worker)
    assert all(worker.started.wait(5) for worker in workers)
    assert pool.shutdown(timeout_ms=5000) is True
    assert all(worker.is_cancelled for worker in workers)
    assert not pool.busy
    del pool
    wait_for_stragglers()
    assert "Destroyed while thread" not in capfd.readouterr().err


def test_work_that_ignores_cancel_is_waited_for_at_exit(qtbot, capfd):
    release = threading.Event()

    def stubborn() -> str:
        release.wait(10)  # like vosk reading a model: cannot be interrupted
        return "done"

    pool = WorkerPool()
    pool.start(FunctionWorker(stubborn))
    assert pool.shutdown(timeout_ms=50) is False  # still running: kept, not destroyed
    release.set()
    del pool
    wait_for_stragglers()
    assert "Destroyed while thread" not in capfd.readouterr().err


def test_worker_without_work_fails_loudly(qtbot):
    pool = WorkerPool()
    errors: list[BaseException] = []
    pool.start(Worker(), on_failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors))
    assert isinstance(errors[0], NotImplementedError)
    qtbot.waitUntil(lambda: not pool.busy)


@pytest.mark.parametrize("count", [8])
def test_many_short_workers_all_finish(qtbot, count):
    pool = WorkerPool()
    results: list[int] = []
    for number in range(count):
        pool.start(FunctionWorker(lambda n=number: n * n), on_finished=results.append)
    qtbot.waitUntil(lambda: len(results) == count and not pool.busy)
    assert sorted(results) == [n * n for n in range(count)]


def test_workers_are_destroyed_on_the_gui_thread(qtbot):
    # Destroying a Python-made QObject on a worker thread can deadlock PySide against the GUI
    # thread; the pool hands every worker back before deleting it.
    pool = WorkerPool()
    destroyed_on_main: list[bool] = []
    for number in range(4):
        worker = FunctionWorker(lambda n=number: n)
        worker.destroyed.connect(
            lambda *_: destroyed_on_main.append(threading.current_thread() is threading.main_thread())
        )
        pool.start(worker)
    qtbot.waitUntil(lambda: len(destroyed_on_main) == 4)
    assert all(destroyed_on_main)
    qtbot.waitUntil(lambda: not pool.busy)


class _CancelledBy(Worker[None]):
    """Work that the speech layer stops with its own kind of cancelled error."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self._error = error

    def work(self) -> None:
        raise self._error


@pytest.mark.parametrize(
    "error",
    [RenderCancelled(), TranscriptionCancelled(), DownloadCancelled("the download was cancelled"), Cancelled()],
    ids=["render", "transcription", "download", "plain"],
)
def test_every_kind_of_cancelled_work_ends_as_cancelled_never_as_a_failure(qtbot, error):
    """One mechanism: each layer's cancelled error is a Cancelled, which a worker reports as cancelled."""
    pool = WorkerPool()
    ended: list[str] = []
    pool.start(
        _CancelledBy(error), on_failed=lambda _e: ended.append("failed"), on_cancelled=lambda: ended.append("cancelled")
    )
    qtbot.waitUntil(lambda: bool(ended))
    assert ended == ["cancelled"]
    qtbot.waitUntil(lambda: not pool.busy)


def test_the_workers_token_is_the_one_flag_the_work_it_wraps_honours(qtbot):
    """The token wakes what waits on it, runs its callbacks once, and stops speech work between steps."""
    token = CancelToken()
    woken: list[str] = []
    token.on_cancel(lambda: woken.append("woken"))
    worker = WaitsForCancel()
    worker.cancel_token = token  # a worker built around work that already has its token
    pool = WorkerPool()
    cancelled: list[bool] = []
    pool.start(worker, on_cancelled=lambda: cancelled.append(True))
    assert worker.started.wait(5)
    token.cancel()
    token.cancel()  # twice is once
    qtbot.waitUntil(lambda: bool(cancelled))
    assert woken == ["woken"] and worker.is_cancelled
    token.on_cancel(lambda: woken.append("late"))  # already cancelled: called at once
    assert woken == ["woken", "late"]
    with pytest.raises(Cancelled):
        token.raise_if_cancelled()
