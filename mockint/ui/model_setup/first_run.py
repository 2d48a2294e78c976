"""Offering the model setup dialog when the app finds no usable speech model.

The main window comes up and works without a model (decks, history, settings); when the model
cannot be had because none is installed (NoModelError, which a broken model also is), the
setup dialog opens once by itself, and a status-bar button reopens it whenever the user wants.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QMainWindow, QPushButton

from mockint.core.errors import NoModelError
from mockint.ui.context import AppContext
from mockint.ui.icons import themed_icon
from mockint.ui.widget_policy import apply_widget_policy

if TYPE_CHECKING:  # the dialog (and the downloader) load when it is first opened, not with the window
    from mockint.ui.model_setup.setup_dialog import ModelSetupDialog

# The Practice page offers the setup beside its Start button; the status bar does elsewhere, so
# "Set up speech model" is on screen once.
PAGE_WITH_OWN_SETUP_BUTTON = "practice"

SETUP_BUTTON_TEXT = "Set up speech model…"


class ModelSetupLauncher(QObject):
    """Owns the one setup dialog of a main window, and the status-bar button that opens it."""

    def __init__(self, window: QMainWindow, context: AppContext, *, open_automatically: bool = True) -> None:
        super().__init__(window)
        self.window = window
        self.context = context
        self.dialog: ModelSetupDialog | None = None
        self._open_automatically = open_automatically
        self._opened_once = False
        self._needed = False  # no usable model: the button is offered (where the page does not)
        self.button = QPushButton(themed_icon("warning", context.theme, role="warning"), SETUP_BUTTON_TEXT)
        self.button.setObjectName("modelSetupButton")
        self.button.setIconSize(QSize(14, 14))
        self.button.setFlat(True)
        self.button.setToolTip("Download a speech model, or install one you have, to practise out loud")
        self.button.setAccessibleName("Set up the speech model")
        self.button.clicked.connect(self.open_dialog)
        self.button.hide()
        window.statusBar().addPermanentWidget(self.button)
        context.model.unavailable.connect(self._model_unavailable)
        context.model.ready.connect(self._model_ready)
        page_changed = getattr(window, "page_changed", None)
        if page_changed is not None:
            page_changed.connect(self._update_button)

    def open_dialog(self) -> ModelSetupDialog:
        """Shows the setup dialog (the same one, with its state, if it was opened before)."""
        self._opened_once = True
        if self.dialog is None:
            from mockint.ui.model_setup.setup_dialog import ModelSetupDialog

            self.dialog = ModelSetupDialog(self.context, first_run=True, parent=self.window)
            self.dialog.installed.connect(lambda _path: self._set_needed(False))
            apply_widget_policy(self.dialog)
        self.dialog.start_over_if_finished()
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _model_unavailable(self, error: BaseException) -> None:
        if not isinstance(error, NoModelError):
            return
        self._set_needed(True)
        if self._open_automatically and not self._opened_once:
            self.open_dialog()

    def _model_ready(self, _model: object) -> None:
        self._set_needed(False)

    def _set_needed(self, needed: bool) -> None:
        self._needed = needed
        self._update_button()

    def _update_button(self, *_: object) -> None:
        current = getattr(self.window, "current_page_key", None)
        on_page_with_own = current is not None and current() == PAGE_WITH_OWN_SETUP_BUTTON
        self.button.setVisible(self._needed and not on_page_with_own)


def install_model_setup(window: QMainWindow, context: AppContext | None = None) -> ModelSetupLauncher:
    """Hook for the main window: `install_model_setup(window)` once it is built."""
    return ModelSetupLauncher(window, context if context is not None else window.context)  # type: ignore[attr-defined]
