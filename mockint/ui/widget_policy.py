"""Rules every widget of the window follows, applied to a whole page (or dialog) at once.

- Labels show text literally: a QLabel left on Qt's default (AutoText) guesses rich text, so a
  deck someone shares could show fake links, tables or local images. Every label still on
  AutoText is switched to PlainText; the few that mean markup set RichText themselves.
- Spin boxes and combo boxes take the mouse wheel only when they have focus: scrolling a page
  over them scrolls the page, never changes (and saves) a setting by accident.

The main window applies this to every page when it is built and again whenever it is shown (so
widgets a page added since are covered), and the model setup to its dialog. Labels made later
while a page is on screen should come from `widgets.labels.text_label`, which is plain text.

Why not one application-wide event filter: it would run Python for every event of the app, and
each of those calls needs the GIL, which a busy worker thread holds for up to 5 ms at a time;
the window would stall exactly when recognition and analysis are running.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QLabel, QWidget

_GUARDED = "mockint_wheel_guarded"  # a property on boxes that already have the guard


class WheelGuard(QObject):
    """Installed on a spin or combo box: without focus, its wheel scrolls the page instead."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not _focused(watched):
            _scroll_page_instead(watched, event)
            return True
        return False


def _focused(widget: QWidget) -> bool:
    proxy = widget.focusProxy()
    return widget.hasFocus() or (proxy is not None and proxy.hasFocus())


def _scroll_page_instead(box: QWidget, event: QEvent) -> None:
    """Gives the wheel to the scroll area the box sits in, so the page scrolls under the mouse."""
    area = box.parentWidget()
    while area is not None and not isinstance(area, QAbstractScrollArea):
        area = area.parentWidget()
    if area is None or not isinstance(event, QWheelEvent):
        event.ignore()  # no page to scroll: Qt offers the (ignored) wheel to the parents
        return
    delta = event.angleDelta()
    bar = area.horizontalScrollBar() if abs(delta.x()) > abs(delta.y()) else area.verticalScrollBar()
    QApplication.sendEvent(bar, event.clone())
    event.accept()


_guard: WheelGuard | None = None


def _wheel_guard() -> WheelGuard:
    global _guard
    if _guard is None:
        _guard = WheelGuard(QApplication.instance())
    return _guard


def apply_widget_policy(root: QWidget) -> None:
    """Applies the rules to `root` and every widget under it (cheap: call it again freely)."""
    labels = root.findChildren(QLabel)
    if isinstance(root, QLabel):
        labels.append(root)
    for label in labels:
        if label.textFormat() == Qt.TextFormat.AutoText:
            label.setTextFormat(Qt.TextFormat.PlainText)
    boxes: list[QWidget] = [*root.findChildren(QAbstractSpinBox), *root.findChildren(QComboBox)]
    if isinstance(root, QAbstractSpinBox | QComboBox):
        boxes.append(root)
    for box in boxes:
        if box.property(_GUARDED):
            continue
        box.setProperty(_GUARDED, True)
        # WheelFocus would hand focus to the box under a scrolling mouse, and then let it turn.
        if box.focusPolicy() == Qt.FocusPolicy.WheelFocus:
            box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(_wheel_guard())
