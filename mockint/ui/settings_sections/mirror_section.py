"""Settings: the camera for mirror practice (with a preview), and whether and how long videos are kept.

The camera opens only for the preview (the user asks for it) and closes when the preview is
turned off or the Settings page is left.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QHideEvent
from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mockint.settings import Setting
from mockint.ui.context import AppContext
from mockint.ui.mirror.mirror_view import MirrorView
from mockint.ui.mirror.video_feed import MirrorVideo, camera_id_of, chosen_camera
from mockint.ui.widgets.labels import text_label

SECTION_KEY = "mirror"
SECTION_TITLE = "Mirror practice"
SECTION_HINT = "The camera you answer to, and the videos of your answers (kept only on this computer)."
SECTION_ORDER = 15  # with the devices, after the microphone


def create_section(context: AppContext) -> QWidget:
    return MirrorSection(context)


class MirrorSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        settings = context.settings
        self.camera = QComboBox()
        self.camera.setAccessibleName("Camera for mirror practice")
        self.camera.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.preview_button = QPushButton("Show preview")
        self.preview_button.setAccessibleName("Show camera preview")
        self.preview_button.setCheckable(True)
        self.preview_button.toggled.connect(self.set_preview)
        self.preview = MirrorView()
        self.preview.setAccessibleName("Camera preview")
        self.preview.setMinimumSize(320, 240)
        self.preview.setMaximumHeight(260)
        self.preview.hide()
        self.camera_note = text_label("", name="hint", role="Camera", wrap=True)
        self.keep_video = QCheckBox("Record a video of each mirror answer")
        self.keep_video.setAccessibleName("Record a video of each mirror answer")
        self.keep_video.setChecked(bool(settings.get(Setting.MIRROR_KEEP_VIDEO)))
        self.keep_video.toggled.connect(lambda on: context.set_setting(Setting.MIRROR_KEEP_VIDEO, on))
        self.video_days = QSpinBox()
        self.video_days.setRange(0, 3650)
        self.video_days.setSpecialValueText("never")
        self.video_days.setSuffix(" days")
        self.video_days.setValue(int(settings.get(Setting.MIRROR_VIDEO_DAYS) or 0))
        self.video_days.setAccessibleName("Delete videos older than")
        self.video_days.setAccessibleDescription("Videos older than this are deleted; the answers and audio stay")
        self.video_days.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.video_days.valueChanged.connect(lambda days: context.set_setting(Setting.MIRROR_VIDEO_DAYS, days))
        self.cues = QCheckBox("Calm cues while answering")
        self.cues.setAccessibleName("Calm cues while answering")
        self.cues.setChecked(bool(settings.get(Setting.MIRROR_CUES)))
        self.cues.toggled.connect(lambda on: context.set_setting(Setting.MIRROR_CUES, on))
        self.video: MirrorVideo | None = None

        camera_row = QHBoxLayout()
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(self.preview_button)
        form = QFormLayout()
        camera_label = text_label("&Camera:")
        camera_label.setBuddy(self.camera)
        form.addRow(camera_label, camera_row)
        form.addRow("", self.camera_note)
        form.addRow("", self.preview)
        form.addRow("", self.keep_video)
        days_label = text_label("&Delete videos after:")
        days_label.setBuddy(self.video_days)
        days_row = QHBoxLayout()  # sized like the other spin boxes, not stretched across the page
        days_row.addWidget(self.video_days)
        days_row.addStretch(1)
        form.addRow(days_label, days_row)
        form.addRow("", self.cues)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        self._devices = QMediaDevices(self)
        self._devices.videoInputsChanged.connect(self.fill_cameras)
        self.fill_cameras()
        self.camera.currentIndexChanged.connect(self._camera_chosen)

    def fill_cameras(self) -> None:
        chosen = self.context.settings.get(Setting.MIRROR_CAMERA)
        self.camera.blockSignals(True)
        self.camera.clear()
        cameras = QMediaDevices.videoInputs()
        if cameras:
            self.camera.addItem("System default", None)
            for device in cameras:
                self.camera.addItem(device.description(), camera_id_of(device))
                if camera_id_of(device) == chosen:
                    self.camera.setCurrentIndex(self.camera.count() - 1)
            self.camera_note.setText("")
        else:
            self.camera.addItem("No camera connected", None)
            self.camera_note.setText(
                "No camera is connected: mirror practice is a voice mirror (waveform, timer, cues)."
            )
        self.camera.setEnabled(bool(cameras))
        self.preview_button.setEnabled(bool(cameras))
        self.camera.blockSignals(False)

    def _camera_chosen(self, _index: int) -> None:
        self.context.set_setting(Setting.MIRROR_CAMERA, self.camera.currentData())
        if self.preview_button.isChecked():
            self.set_preview(False)
            self.set_preview(True)

    def set_preview(self, on: bool) -> None:
        if not on:
            if self.video is not None:
                self.video.close_source()
                self.video.deleteLater()
                self.video = None
            self.preview.hide()
            self.preview_button.setText("Show preview")
            return
        device, problem = chosen_camera(self.camera.currentData())
        if device is None:
            self.camera_note.setText(problem.value if problem is not None else "")
            self.preview_button.setChecked(False)
            return
        self.video = MirrorVideo(self)
        self.video.frame.connect(self.preview.show_frame)
        self.video.source_lost.connect(self.camera_note.setText)
        self.video.camera_refused.connect(lambda p: self.camera_note.setText(p.value))
        self.video.use_camera(device)
        self.preview.show()
        self.preview_button.setText("Hide preview")

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        self.preview_button.setChecked(False)  # leaving Settings closes the camera
