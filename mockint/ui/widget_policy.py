"""Rules every widget of the app follows, applied once for the whole application.

- Labels show text literally: a QLabel left on Qt's default (AutoText) guesses rich text, so a
  deck someone shares could show fake links, tables or local images. Every label is switched to
  PlainText when it is first polished; the few that mean markup set RichText themselves.
- Spin boxes and combo boxes take the mouse wheel only when they have focus: scrolling a page
  over them must scroll the page, never change (and save) a setting by accident.

One application-wide event filter does both, so pages added later follow the rules too.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSpinBox, QApplication, QComboBox, QLabel, QWidget

_POLISH = QEvent.Type.Polish
_WHEEL = QEvent.Type.Wheel


class WidgetPolicy(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind == _POLISH:
            if isinstance(watched, QLabel):
                if watched.textFormat() == Qt.TextFormat.AutoText:
                    watched.setTextFormat(Qt.TextFormat.PlainText)
            elif isinstance(watched, QAbstractSpinBox | QComboBox):
                # WheelFocus would hand focus to the box under a scrolling mouse, then let it turn.
                if watched.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                    watched.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        elif kind == _WHEEL and isinstance(watched, QAbstractSpinBox | QComboBox) and not _focused(watched):
            _scroll_page_instead(watched, event)
            return True
        return False


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


def _focused(widget: QWidget) -> bool:
    proxy = widget.focusProxy()
    return widget.hasFocus() or (proxy is not None and proxy.hasFocus())


_installed: dict[int, WidgetPolicy] = {}


def install_widget_policy(app: QApplication | None = None) -> WidgetPolicy:
    """Installs the policy on the application once (later calls return the same filter)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    if not isinstance(app, QApplication):
        raise RuntimeError("the widget policy needs a QApplication")
    policy = _installed.get(id(app))
    if policy is None:
        policy = WidgetPolicy(app)
        app.installEventFilter(policy)
        _installed[id(app)] = policy
    return policy
