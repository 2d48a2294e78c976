"""Choosing a model to download from the catalogue: language, size and what it is good for."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mockint.app.transfer_rate import format_bytes
from mockint.speech.model_catalog import CATALOG, CatalogModel, DownloadSource, download_source
from mockint.ui.widgets.labels import named
from mockint.ui.widgets.layouts import top_level_items

NAME_ROLE = Qt.ItemDataRole.UserRole


def catalog_size_text(model: CatalogModel) -> str:
    return format_bytes(model.size_bytes) if model.size_bytes is not None else f"about {model.approx_mb} MB"


class CatalogDialog(QDialog):
    chosen = Signal(object)  # the DownloadSource the user picked

    def __init__(self, installed_names: Iterable[str] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Download a speech model · MockInt")
        self.setMinimumSize(620, 440)
        installed = set(installed_names)
        intro = named(
            QLabel(
                "Pick the language you will answer in. Small models are quick to download and run well on "
                "any computer; they are downloaded from alphacephei.com, the home of Vosk.",
            ),
            "hint",
        )
        intro.setWordWrap(True)
        self.model_list = QTreeWidget()
        self.model_list.setAccessibleName("Speech models you can download")
        self.model_list.setHeaderLabels(["Model", "Language", "Download"])
        self.model_list.setRootIsDecorated(False)
        self.model_list.setAlternatingRowColors(True)
        self.model_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.model_list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        for model in CATALOG:
            item = QTreeWidgetItem([f"{model.description}\n{model.name}", model.language, catalog_size_text(model)])
            item.setData(0, NAME_ROLE, model.name)
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if model.name in installed:
                item.setDisabled(True)
                item.setText(2, "installed")
                item.setToolTip(0, "Already installed: choose it in Settings > Speech models")
            self.model_list.addTopLevelItem(item)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.download_button = self.buttons.addButton("Download…", QDialogButtonBox.ButtonRole.AcceptRole)
        self.download_button.setObjectName("primary")
        self.download_button.setEnabled(False)
        self.buttons.accepted.connect(self._accept_selected)
        self.buttons.rejected.connect(self.reject)
        self.model_list.itemSelectionChanged.connect(self._selection_changed)
        self.model_list.itemDoubleClicked.connect(lambda _item, _column: self._accept_selected())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(named(QLabel("Download a speech model"), "sectionTitle"))
        layout.addWidget(intro)
        layout.addWidget(self.model_list, 1)
        layout.addWidget(self.buttons)

    def names(self) -> list[str]:
        return [item.data(0, NAME_ROLE) for item in top_level_items(self.model_list)]

    def select(self, name: str) -> bool:
        for item in top_level_items(self.model_list):
            if item.data(0, NAME_ROLE) == name and not item.isDisabled():
                self.model_list.setCurrentItem(item)
                return True
        return False

    def selected_source(self) -> DownloadSource | None:
        item = self.model_list.currentItem()
        if item is None or item.isDisabled():
            return None
        return download_source(item.data(0, NAME_ROLE))

    def _selection_changed(self) -> None:
        self.download_button.setEnabled(self.selected_source() is not None)

    def _accept_selected(self) -> None:
        source = self.selected_source()
        if source is None:
            return
        self.chosen.emit(source)
        self.accept()
