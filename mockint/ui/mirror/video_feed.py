"""The mirror's video: one capture session that shows the picture and records it to a file.

Frames come from the camera (QCamera) or, for tests, screenshots and machines without a camera,
from any other source through QVideoFrameInput (`use_frame_input`): both feed the SAME
QMediaCaptureSession, whose QVideoSink gives the view its frames and whose QMediaRecorder writes
the answer's video. Nothing here blocks: Qt Multimedia captures and encodes on its own threads.

Faults end the video, never the answer: a camera that is unplugged or stops sending pictures
(`source_lost`), or a recorder error or a nearly full disk (`recording_failed`) stop the
recorder, keep what was written, and say why in one line.
"""

from __future__ import annotations

import logging
import shutil
import time
from collections.abc import Callable
from enum import Enum
from pathlib import Path

from PySide6.QtCore import QObject, QSize, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtMultimedia import (
    QCamera,
    QCameraDevice,
    QMediaCaptureSession,
    QMediaDevices,
    QMediaFormat,
    QMediaRecorder,
    QVideoFrame,
    QVideoFrameInput,
    QVideoSink,
)

from mockint.app.mirror import may_keep_recording_video

log = logging.getLogger(__name__)

FRAME_STALL_S = 2.5  # no picture for this long from a source that was sending: it is gone
WATCH_MS = 500
DISK_CHECK_MS = 1000
VIDEO_SIZE = QSize(640, 480)
VIDEO_FPS = 30


class CameraProblem(Enum):
    """Why there is no picture; the page says it in one line and becomes the voice mirror."""

    NONE_CONNECTED = "No camera is connected: this is a voice mirror."
    NOT_FOUND = "The camera chosen in Settings is not connected: this is a voice mirror."
    BUSY = "The camera is in use by another program: this is a voice mirror."
    REFUSED = "The system refused access to the camera: this is a voice mirror."
    LOST = "The camera stopped sending pictures (unplugged?): the audio goes on, this is now a voice mirror."


def chosen_camera(camera_id: str | None) -> tuple[QCameraDevice | None, CameraProblem | None]:
    """The camera from Settings (hex id; None for the default) or why there is none."""
    cameras = QMediaDevices.videoInputs()
    if not cameras:
        return None, CameraProblem.NONE_CONNECTED
    if camera_id:
        for device in cameras:
            if bytes(device.id().data()).hex() == camera_id:
                return device, None
        return None, CameraProblem.NOT_FOUND
    default = QMediaDevices.defaultVideoInput()
    return (default if not default.isNull() else cameras[0]), None


def camera_id_of(device: QCameraDevice) -> str:
    return bytes(device.id().data()).hex()


class MirrorVideo(QObject):
    frame = Signal(QImage)  # the latest picture, as captured (the view mirrors it)
    source_lost = Signal(str)  # one line: the camera or frame source ended
    camera_refused = Signal(object)  # CameraProblem, when the camera cannot be opened at all
    recording_started = Signal()
    recording_failed = Signal(str)  # one line: the video stopped early; what was written is kept
    recording_stopped = Signal(object)  # Path of the finished video, or None when nothing was written

    def __init__(self, parent: QObject | None = None, *, free_bytes: Callable[[Path], int] | None = None) -> None:
        super().__init__(parent)
        self.session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame_arrived)
        self.recorder = QMediaRecorder(self)
        self.session.setRecorder(self.recorder)
        video_format = QMediaFormat(QMediaFormat.FileFormat.MPEG4)
        video_format.setVideoCodec(QMediaFormat.VideoCodec.MPEG4)
        self.recorder.setMediaFormat(video_format)
        self.recorder.setVideoResolution(VIDEO_SIZE)
        self.recorder.setVideoFrameRate(VIDEO_FPS)
        self.recorder.setQuality(QMediaRecorder.Quality.NormalQuality)
        self.recorder.recorderStateChanged.connect(self._recorder_state)
        self.recorder.errorOccurred.connect(self._recorder_error)
        self.camera: QCamera | None = None
        self.frame_input: QVideoFrameInput | None = None
        self.frames_seen = 0
        self.latest: QImage | None = None
        self._last_frame_at: float | None = None
        self._lost = False
        self._target: Path | None = None
        self._free_bytes = free_bytes or (lambda path: shutil.disk_usage(path).free)
        self._watch = QTimer(self)
        self._watch.setInterval(WATCH_MS)
        self._watch.timeout.connect(self._check_frames)
        self._disk = QTimer(self)
        self._disk.setInterval(DISK_CHECK_MS)
        self._disk.timeout.connect(self._check_disk)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self._cameras_changed)

    # ----- sources

    @property
    def has_source(self) -> bool:
        return (self.camera is not None or self.frame_input is not None) and not self._lost

    def use_camera(self, device: QCameraDevice) -> None:
        """Opens the camera; `camera_refused` or `source_lost` follow if it cannot deliver."""
        self.close_source()
        self.camera = QCamera(device, self)
        self.camera.errorOccurred.connect(self._camera_error)
        self.session.setCamera(self.camera)
        self._lost = False
        self.camera.start()
        self._watch.start()

    def use_frame_input(self) -> QVideoFrameInput:
        """The seam for frames from elsewhere (generated pictures): same session, same recorder."""
        self.close_source()
        self.frame_input = QVideoFrameInput(self)
        self.session.setVideoFrameInput(self.frame_input)
        self._lost = False
        self._watch.start()
        return self.frame_input

    def end_source(self, reason: CameraProblem = CameraProblem.LOST) -> None:
        """The source has ended (camera unplugged, frame source gone): the video so far is kept."""
        if self._lost:
            return
        self._lost = True
        self._watch.stop()
        self.stop_recording()
        self.source_lost.emit(reason.value)

    def close_source(self) -> None:
        """Closes the camera (leaving the page): the light goes off."""
        self._watch.stop()
        if self.camera is not None:
            self.camera.stop()
            self.session.setCamera(None)  # type: ignore[arg-type]
            self.camera.deleteLater()
            self.camera = None
        if self.frame_input is not None:
            self.session.setVideoFrameInput(None)  # type: ignore[arg-type]
            self.frame_input.deleteLater()
            self.frame_input = None
        self._last_frame_at = None

    # ----- recording

    @property
    def is_recording(self) -> bool:
        return self.recorder.recorderState() is QMediaRecorder.RecorderState.RecordingState

    def start_recording(self, path: Path) -> bool:
        """Records the picture to `path`; False (with `recording_failed`) when the disk is nearly full."""
        if not self.has_source:
            return False
        if not may_keep_recording_video(self._free_space(path.parent)):
            self.recording_failed.emit("The disk is nearly full: no video is recorded, the audio is.")
            return False
        self._target = path
        self.recorder.setOutputLocation(QUrl.fromLocalFile(str(path)))
        self.recorder.record()
        self._disk.start()
        return True

    def stop_recording(self) -> None:
        self._disk.stop()
        if self.recorder.recorderState() is not QMediaRecorder.RecorderState.StoppedState:
            self.recorder.stop()

    def _recorder_state(self, state: QMediaRecorder.RecorderState) -> None:
        if state is QMediaRecorder.RecorderState.RecordingState:
            self.recording_started.emit()
        elif state is QMediaRecorder.RecorderState.StoppedState and self._target is not None:
            target, self._target = self._target, None
            self._disk.stop()
            self.recording_stopped.emit(target if target.is_file() and target.stat().st_size > 0 else None)

    def _recorder_error(self, error: QMediaRecorder.Error, text: str) -> None:
        log.warning("the mirror's video recorder failed: %s (%s)", text, error)
        if error is QMediaRecorder.Error.OutOfSpaceError:
            message = "The disk is full: the video stopped, the audio goes on."
        else:
            message = f"The video stopped ({text or 'the recorder failed'}); the audio goes on."
        self.stop_recording()
        self.recording_failed.emit(message)

    def _free_space(self, folder: Path) -> int:
        try:
            return self._free_bytes(folder)
        except OSError:
            return 0

    def _check_disk(self) -> None:
        target = self._target
        if target is not None and not may_keep_recording_video(self._free_space(target.parent)):
            self.stop_recording()
            self.recording_failed.emit("The disk is nearly full: the video stopped, the audio goes on.")

    # ----- frames and faults

    def _frame_arrived(self, frame: QVideoFrame) -> None:
        if self._lost or not frame.isValid():
            return
        self.frames_seen += 1
        self._last_frame_at = time.monotonic()
        image = frame.toImage()
        self.latest = image
        self.frame.emit(image)

    def _check_frames(self) -> None:
        # A camera that vanished often says nothing: pictures that stop are the sign.
        if self._last_frame_at is not None and time.monotonic() - self._last_frame_at > FRAME_STALL_S:
            self.end_source()

    def _camera_error(self, error: QCamera.Error, text: str) -> None:
        log.warning("the camera failed: %s (%s)", text, error)
        if self._last_frame_at is None:
            busy = "busy" in text.lower() or "in use" in text.lower()
            self._lost = True
            self._watch.stop()
            self.camera_refused.emit(CameraProblem.BUSY if busy else CameraProblem.REFUSED)
        else:
            self.end_source()

    def _cameras_changed(self) -> None:
        camera = self.camera
        if camera is None or self._lost:
            return
        present = {bytes(d.id().data()) for d in QMediaDevices.videoInputs()}
        if bytes(camera.cameraDevice().id().data()) not in present:
            self.end_source()
