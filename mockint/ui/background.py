"""Something the app loads once in the background and many widgets use (the model, the store).

`BackgroundResource` holds the result on the GUI thread and tells every interested widget,
through signals, when it starts loading, when it is ready, and when it cannot be had.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import Generic, TypeVar

from PySide6.QtCore import QObject, Signal

from mockint.ui.workers import Worker, WorkerPool

T = TypeVar("T")


class ResourceState(Enum):
    IDLE = "idle"
    LOADING = "loading"
    READY = "ready"
    UNAVAILABLE = "unavailable"


class BackgroundResource(QObject, Generic[T]):
    """A value of type T, loaded by the worker `make_worker()` returns."""

    loading = Signal()  # a load has started
    ready = Signal(object)  # the loaded value (a T)
    unavailable = Signal(object)  # the exception that stopped it (UserFacingError for known causes)

    def __init__(self, pool: WorkerPool, make_worker: Callable[[], Worker[T]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool
        self._make_worker = make_worker
        self._state = ResourceState.IDLE
        self._value: T | None = None
        self._error: BaseException | None = None
        self._worker: Worker[T] | None = None

    @property
    def state(self) -> ResourceState:
        return self._state

    @property
    def value(self) -> T | None:
        """The loaded value, or None while loading or when it could not be loaded."""
        return self._value

    @property
    def error(self) -> BaseException | None:
        return self._error

    def load(self) -> None:
        """Starts (or restarts, e.g. after the user chose another model) loading in the background."""
        if self._worker is not None:
            # Loads cannot always be interrupted; the stale one finishes and is ignored.
            self._worker.cancel()
        self._state = ResourceState.LOADING
        self._error = None
        worker = self._make_worker()
        self._worker = worker
        self.loading.emit()
        self._pool.start(
            worker,
            on_finished=lambda value: self._finish(worker, value, None),
            on_failed=lambda error: self._finish(worker, None, error),
        )

    def load_once(self) -> None:
        """Starts loading unless a load has already run or is running: for every page that shows it."""
        if self._state is ResourceState.IDLE:
            self.load()

    def _finish(self, worker: Worker[T], value: T | None, error: BaseException | None) -> None:
        if worker is not self._worker:
            return
        self._worker = None
        if error is not None:
            self._state, self._value, self._error = ResourceState.UNAVAILABLE, None, error
            self.unavailable.emit(error)
            return
        self._state, self._value = ResourceState.READY, value
        self.ready.emit(value)
