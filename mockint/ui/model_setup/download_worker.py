"""Downloading a model on a worker thread, with progress the dialog can show.

`download_model` reports every 64 kB chunk; the GUI only needs about ten updates a second, so
progress is thinned out here, on the worker's thread, before it crosses to the GUI. The last
figure before the download ends (done, cancelled or failed) is always sent, so the bar and the
"kept" amount match what is on disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from mockint.app.transfer_rate import TransferEstimate, TransferRate
from mockint.speech.model_catalog import DownloadSource
from mockint.speech.model_download import download_model
from mockint.speech.model_install import FreeBytes, disk_free_bytes
from mockint.ui.workers import Worker

PROGRESS_INTERVAL_S = 0.1
Clock = Callable[[], float]


class DownloadStage(Enum):
    TRANSFERRING = "transferring"
    INSTALLING = "installing"  # every byte is here: checking the checksum and unpacking


@dataclass(frozen=True)
class DownloadProgress:
    stage: DownloadStage
    estimate: TransferEstimate


class DownloadWorker(Worker):
    """finished(Path of the installed model), failed(DownloadError and kin), cancelled().

    progress(DownloadProgress), at most every PROGRESS_INTERVAL_S, plus stage changes.
    """

    def __init__(
        self,
        source: DownloadSource,
        models_dir: Path,
        downloads_dir: Path,
        *,
        free_bytes: FreeBytes = disk_free_bytes,
        clock: Clock = time.monotonic,
        interval_s: float = PROGRESS_INTERVAL_S,
    ) -> None:
        super().__init__()
        self.source = source
        self._models_dir = models_dir
        self._downloads_dir = downloads_dir
        self._free_bytes = free_bytes
        self._clock = clock
        self._interval_s = interval_s
        self._rate = TransferRate()
        self._last_sent_at: float | None = None
        self._unsent: DownloadProgress | None = None
        self._stage = DownloadStage.TRANSFERRING

    def work(self) -> Path:
        try:
            return download_model(
                self.source.url,
                self._models_dir,
                self._downloads_dir,
                name=self.source.name,
                expected_size=self.source.size_bytes,
                sha256=self.source.sha256,
                progress=self._on_bytes,
                # The worker's own flag: Worker.cancel() sets it, download_model watches it.
                cancel=self.cancel_token,
                free_bytes=self._free_bytes,
            )
        finally:
            self._flush()

    def _on_bytes(self, done: int, total: int | None) -> None:
        now = self._clock()
        estimate = self._rate.add(now, done, total)
        stage = DownloadStage.INSTALLING if total is not None and done >= total else DownloadStage.TRANSFERRING
        update = DownloadProgress(stage, estimate)
        due = self._last_sent_at is None or now - self._last_sent_at >= self._interval_s
        if due or stage is not self._stage:
            self._stage = stage
            self._send(update, now)
        else:
            self._unsent = update

    def _send(self, update: DownloadProgress, now: float) -> None:
        self._last_sent_at = now
        self._unsent = None
        self.progress.emit(update)

    def _flush(self) -> None:
        if self._unsent is not None:
            self._send(self._unsent, self._clock())
