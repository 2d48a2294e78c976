"""The widgets of the model setup dialog, laid out; `setup_dialog` drives them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mockint.speech.model_catalog import DownloadSource
from mockint.ui.icons import app_icon, themed_icon
from mockint.ui.model_setup.setup_state import model_description, size_text
from mockint.ui.theme import Theme
from mockint.ui.widgets.labels import named

FIRST_RUN_TITLE = "Set up speech recognition"
DOWNLOAD_TITLE = "Download a speech model"
FIRST_RUN_INTRO = (
    "MockInt turns your spoken answers into text on this computer. For that it needs a speech model, downloaded once."
)
DOWNLOAD_INTRO = "Speech models are downloaded once and then work without a connection."
ADD_TITLE = "Add a speech model"
ADD_INTRO = "Install a Vosk model that is already on this computer."
OFFLINE_NOTE = "After this, everything works offline: your answers never leave this computer."
PROGRESS_STEPS = 1000  # the bar counts thousandths: QProgressBar's int would overflow on bytes


def progress_bar_style(theme: Theme, *, done: bool = False) -> str:
    """A slim bar in the theme's accent, green once done (the app style sheet leaves progress
    bars to Fusion)."""
    return (
        f"QProgressBar {{ background: {theme.color('border')}; border: none; border-radius: 4px; }}"
        f"QProgressBar::chunk {{ background: {theme.color('ok' if done else 'accent')}; border-radius: 4px; }}"
    )


class SetupView(QWidget):
    """Header, the model card, progress, the problem box and the buttons; no behaviour."""

    def __init__(
        self, source: DownloadSource, models_dir: Path, theme: Theme, *, first_run: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.first_run = first_run
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 22, 24, 20)
        layout.setSpacing(14)
        layout.addLayout(self._header(first_run))
        layout.addWidget(self._card(source, models_dir))
        layout.addWidget(self._progress_area())
        layout.addWidget(self._problem_box())
        layout.addStretch(1)
        layout.addLayout(self._buttons(first_run))

    def _header(self, first_run: bool) -> QHBoxLayout:
        icon = QLabel()
        icon.setPixmap(app_icon().pixmap(QSize(40, 40)))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.title = named(QLabel(FIRST_RUN_TITLE if first_run else DOWNLOAD_TITLE), "pageTitle")
        self.intro = named(QLabel(FIRST_RUN_INTRO if first_run else DOWNLOAD_INTRO), "pageSubtitle")
        self.intro.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.title)
        texts.addWidget(self.intro)
        row = QHBoxLayout()
        row.setSpacing(14)
        row.addWidget(icon)
        row.addLayout(texts, 1)
        return row

    def _card(self, source: DownloadSource, models_dir: Path) -> QFrame:
        card = named(QFrame(), "card")
        card.setAccessibleName("The speech model")
        self.model_title = named(QLabel(), "sectionTitle")
        self.model_name = named(QLabel(), "hint")
        self.model_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.size_label = named(QLabel(), "sectionTitle")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        where = named(QLabel("Saved in"), "fieldLabel")
        self.folder_label = named(QLabel(str(models_dir)), "pathLabel")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setToolTip("The models folder: each model is one folder in here")
        offline_icon = QLabel()
        offline_icon.setPixmap(themed_icon("ready", self.theme, role="ok").pixmap(QSize(16, 16)))
        self.offline_label = named(QLabel(), "hint")
        self.offline_label.setWordWrap(True)
        self.show_download_source(source)

        grid = QGridLayout(card)
        grid.setContentsMargins(18, 14, 18, 16)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.model_title, 0, 0, 1, 2)
        grid.addWidget(self.size_label, 0, 2)
        grid.addWidget(self.model_name, 1, 0, 1, 3)
        grid.setRowMinimumHeight(2, 8)
        grid.addWidget(where, 3, 0, 1, 3)
        grid.addWidget(self.folder_label, 4, 0, 1, 3)
        grid.setRowMinimumHeight(5, 8)
        grid.addWidget(offline_icon, 6, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.offline_label, 6, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        return card

    def _progress_area(self) -> QWidget:
        self.progress_area = QWidget()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)
        self.progress_bar.setAccessibleName("Download progress")
        self.progress_bar.setStyleSheet(progress_bar_style(self.theme))
        self.status_icon = QLabel()
        self.status_icon.setFixedSize(18, 18)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleDescription("Progress")
        status_row = QHBoxLayout()
        status_row.setSpacing(8)
        status_row.addWidget(self.status_icon, 0, Qt.AlignmentFlag.AlignTop)
        status_row.addWidget(self.status_label, 1)
        column = QVBoxLayout(self.progress_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(8)
        column.addWidget(self.progress_bar)
        column.addLayout(status_row)
        return self.progress_area

    def _problem_box(self) -> QFrame:
        self.problem_box = named(QFrame(), "problemBox")
        self.problem_box.setAccessibleName("What went wrong")
        self.problem_headline = QLabel()
        self.problem_headline.setWordWrap(True)
        self.problem_headline.setStyleSheet("font-weight: 600; background: transparent;")
        self.problem_advice = QLabel()
        self.problem_advice.setWordWrap(True)
        self.problem_advice.setStyleSheet("background: transparent;")
        self.problem_details = named(QLabel(), "hint")
        self.problem_details.setWordWrap(True)
        self.problem_details.setStyleSheet("background: transparent; font-size: 11px;")
        self.problem_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(self.problem_box)
        column.setContentsMargins(4, 2, 4, 2)  # the style sheet pads #problemBox already
        column.setSpacing(4)
        column.addWidget(self.problem_headline)
        column.addWidget(self.problem_advice)
        column.addSpacing(2)
        column.addWidget(self.problem_details)
        return self.problem_box

    def _buttons(self, first_run: bool) -> QHBoxLayout:
        self.use_own_button = QPushButton("Use a model I have…")
        self.use_own_button.setToolTip("Install a Vosk model folder or zip that is already on this computer")
        self.own_menu = QMenu(self.use_own_button)
        self.choose_folder_action = self.own_menu.addAction("A model folder…")
        self.choose_zip_action = self.own_menu.addAction("A model zip file…")
        self.use_own_button.setMenu(self.own_menu)
        self.close_button = QPushButton("Not now" if first_run else "Close")
        self.close_button.setToolTip("Close this window; MockInt keeps working without speech recognition")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop; what has been downloaded is kept for later")
        self.download_button = named(QPushButton("Download"), "primary")
        self.resume_button = named(QPushButton("Resume download"), "primary")
        self.retry_button = named(QPushButton("Retry"), "primary")
        self.use_now_button = named(QPushButton("Use it now"), "primary")
        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.use_own_button)
        row.addStretch(1)
        for button in (
            self.close_button,
            self.cancel_button,
            self.download_button,
            self.resume_button,
            self.retry_button,
            self.use_now_button,
        ):
            row.addWidget(button)
        return row

    def show_download_source(self, source: DownloadSource) -> None:
        self.title.setText(FIRST_RUN_TITLE if self.first_run else DOWNLOAD_TITLE)
        self.intro.setText(FIRST_RUN_INTRO if self.first_run else DOWNLOAD_INTRO)
        self.model_title.setText(model_description(source))
        self.model_name.setText(source.name)
        self.size_label.setText(size_text(source))
        self.offline_label.setText(OFFLINE_NOTE)

    def show_local_source(self, path: Path) -> None:
        """The card describes the folder or zip being installed instead of the download."""
        if not self.first_run:
            self.title.setText(ADD_TITLE)
            self.intro.setText(ADD_INTRO)
        self.model_title.setText("A model from this computer")
        self.model_name.setText(str(path))
        self.size_label.setText("")
        self.offline_label.setText("It is copied into the models folder; your original stays where it is.")

    def primary_buttons(self) -> list[QPushButton]:
        return [self.download_button, self.resume_button, self.retry_button, self.use_now_button]
