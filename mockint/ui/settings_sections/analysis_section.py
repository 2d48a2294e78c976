"""Settings: how long a pause must be to count, and what pace is slow or fast."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QPushButton, QSpinBox, QVBoxLayout, QWidget

from mockint.settings import Setting
from mockint.ui.context import AppContext

SECTION_KEY = "analysis"
SECTION_TITLE = "Pauses and pace"
SECTION_HINT = "When a silence counts as a pause, and which speaking pace is flagged as slow or fast."
SECTION_ORDER = 40

_KEYS = (Setting.HESITATION_PAUSE_S, Setting.LONG_PAUSE_S, Setting.PACE_SLOW_WPM, Setting.PACE_FAST_WPM)


def create_section(context: AppContext) -> QWidget:
    return AnalysisSection(context)


def _seconds_box(low: float, high: float, step: float, name: str, tip: str) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(low, high)
    box.setSingleStep(step)
    box.setDecimals(1)
    box.setSuffix(" s")
    box.setAccessibleName(name)
    box.setToolTip(tip)
    return box


def _pace_box(low: int, high: int, name: str, tip: str) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setSingleStep(5)
    box.setSuffix(" words/min")
    box.setAccessibleName(name)
    box.setToolTip(tip)
    return box


class AnalysisSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.hesitation = _seconds_box(
            0.3, 10.0, 0.1, "Hesitation pause", "A silence at least this long between words counts as a hesitation"
        )
        self.long_pause = _seconds_box(
            0.5,
            30.0,
            0.5,
            "Long pause",
            "A silence at least this long counts as a long pause, where you may have gone blank",
        )
        self.slow = _pace_box(40, 250, "Slow pace below", "Below this many words a minute, the pace is flagged as slow")
        self.fast = _pace_box(60, 320, "Fast pace above", "Above this many words a minute, the pace is flagged as fast")
        self.restore = QPushButton("Restore defaults")
        self.restore.setToolTip("Put the four values back to MockInt's defaults (1 s, 3 s, 100 and 170 words a minute)")
        self.restore.clicked.connect(self.restore_defaults)

        for box in (self.hesitation, self.long_pause, self.slow, self.fast):
            box.setMinimumWidth(150)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        form.setHorizontalSpacing(18)
        form.setVerticalSpacing(10)
        form.addRow("A pause counts as a &hesitation from", self.hesitation)
        form.addRow("A &long pause (went blank) from", self.long_pause)
        form.addRow("Pace is &slow below", self.slow)
        form.addRow("Pace is &fast above", self.fast)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)

        self._show_saved()
        self.hesitation.valueChanged.connect(self._hesitation_changed)
        self.long_pause.valueChanged.connect(lambda value: self._save(Setting.LONG_PAUSE_S, round(value, 1)))
        self.slow.valueChanged.connect(self._slow_changed)
        self.fast.valueChanged.connect(lambda value: self._save(Setting.PACE_FAST_WPM, value))

    def _show_saved(self) -> None:
        settings = self.context.settings
        for box in (self.hesitation, self.long_pause, self.slow, self.fast):
            box.blockSignals(True)
        self.hesitation.setValue(float(settings.get(Setting.HESITATION_PAUSE_S)))
        self.long_pause.setMinimum(self.hesitation.value())
        self.long_pause.setValue(float(settings.get(Setting.LONG_PAUSE_S)))
        self.slow.setValue(int(settings.get(Setting.PACE_SLOW_WPM)))
        self.fast.setMinimum(self.slow.value() + 5)
        self.fast.setValue(int(settings.get(Setting.PACE_FAST_WPM)))
        for box in (self.hesitation, self.long_pause, self.slow, self.fast):
            box.blockSignals(False)

    def _hesitation_changed(self, value: float) -> None:
        # The analysis refuses a hesitation longer than a long pause; raising the floor keeps
        # the pair valid instead of saving something it would reject.
        self.long_pause.setMinimum(value)
        self._save(Setting.HESITATION_PAUSE_S, round(value, 1))

    def _slow_changed(self, value: int) -> None:
        self.fast.setMinimum(value + 5)
        self._save(Setting.PACE_SLOW_WPM, value)

    def _save(self, key: Setting, value: float) -> None:
        self.context.set_setting(key, value)

    def restore_defaults(self) -> None:
        for key in _KEYS:
            self.context.reset_setting(key)
        self.long_pause.setMinimum(0.5)
        self.fast.setMinimum(60)
        self._show_saved()
