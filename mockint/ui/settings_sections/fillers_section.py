"""Settings: which words count as fillers, per language (built-in list plus the user's own)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mockint.analysis_options import analysis_language
from mockint.core.analysis.languages import language_name
from mockint.core.analysis.lexicon import Lexicon, normalise_phrase
from mockint.settings import Setting
from mockint.ui.context import AppContext

SECTION_KEY = "fillers"
SECTION_TITLE = "Filler words"
SECTION_HINT = (
    "Answers are analysed in the speech model's language unless you choose one. Untick a word MockInt "
    "should not count. Words you add count wherever they appear."
)
SECTION_ORDER = 50

WORD_ROLE = Qt.ItemDataRole.UserRole
CUSTOM_ROLE = Qt.ItemDataRole.UserRole + 1
AUTOMATIC = ""  # the analysis-language choice that follows the speech model


def create_section(context: AppContext) -> QWidget:
    return FillersSection(context)


def _language_map(value: Any) -> dict[str, list[str]]:
    """A settings value of shape {language: [words]}; anything else is treated as empty."""
    if not isinstance(value, dict):
        return {}
    return {str(k): [w for w in v if isinstance(w, str)] for k, v in value.items() if isinstance(v, list)}


class FillersSection(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.analysis_language = QComboBox()
        self.analysis_language.setAccessibleName("Language answers are analysed in")
        self.analysis_language.setToolTip("Automatic follows the language of the speech model in use")
        self.analysis_language.addItem("Automatic (the speech model's language)", AUTOMATIC)
        for code in Lexicon.supported_languages():
            self.analysis_language.addItem(f"{language_name(code)} ({code})", code)
        chosen = context.settings.get(Setting.ANALYSIS_LANGUAGE)
        found = self.analysis_language.findData(chosen) if isinstance(chosen, str) else -1
        self.analysis_language.setCurrentIndex(max(0, found))
        self.analysis_language.currentIndexChanged.connect(self._analysis_language_chosen)
        self.language = QComboBox()
        self.language.setAccessibleName("Language of the filler list")
        self.language.setToolTip("Each language has its own filler list; any language can be edited")
        for code in self._languages():
            self.language.addItem(f"{language_name(code)} ({code})", code)
        in_use = self.language.findData(analysis_language(context.settings))
        self.language.setCurrentIndex(max(0, in_use))
        self.language.currentIndexChanged.connect(lambda _: self.refresh())
        self.words = QListWidget()
        self.words.setObjectName("fillerWords")
        # A wrapping grid: thirty short words read better as rows of chips than as a tall column.
        self.words.setFlow(QListView.Flow.LeftToRight)
        self.words.setWrapping(True)
        self.words.setResizeMode(QListView.ResizeMode.Adjust)
        self.words.setGridSize(QSize(150, 30))
        self.words.setAccessibleName("Filler words")
        self.words.setToolTip("Ticked words are counted as fillers; press Space to tick or untick")
        self.words.setMinimumHeight(160)
        self.words.itemChanged.connect(self._item_toggled)
        self.new_word = QLineEdit()
        self.new_word.setPlaceholderText("Add a word or phrase, such as “you see”")
        self.new_word.setAccessibleName("New filler word")
        self.new_word.setToolTip("Type a word or phrase and press Enter to count it as a filler")
        self.new_word.returnPressed.connect(self.add_current_word)
        self.add_button = QPushButton("&Add")
        self.add_button.setToolTip("Count this word or phrase as a filler")
        self.add_button.clicked.connect(self.add_current_word)
        self.remove_button = QPushButton("Re&move")
        self.remove_button.setToolTip("Stop counting the selected word")
        self.remove_button.clicked.connect(self.remove_selected)
        self.restore_button = QPushButton("Restore built-in list")
        self.restore_button.setToolTip("Forget the words you added and removed for this language")
        self.restore_button.clicked.connect(self.restore_builtin)

        language_row = QHBoxLayout()
        analysis_label = QLabel("Anal&yse answers in")
        analysis_label.setBuddy(self.analysis_language)
        language_row.addWidget(analysis_label)
        language_row.addWidget(self.analysis_language)
        language_label = QLabel("Filler &list for")
        language_label.setBuddy(self.language)
        language_row.addWidget(language_label)
        language_row.addWidget(self.language)
        language_row.addStretch(1)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_word, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        add_row.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(language_row)
        layout.addWidget(self.words)
        layout.addLayout(add_row)
        self.refresh()

    def _analysis_language_chosen(self, _index: int) -> None:
        code = self.analysis_language.currentData()
        self.context.set_setting(Setting.ANALYSIS_LANGUAGE, code or None)
        shown = self.language.findData(analysis_language(self.context.settings))
        if shown >= 0:
            self.language.setCurrentIndex(shown)  # show the list that will now be used

    def _languages(self) -> list[str]:
        # Every built-in language, any the user has lists for, and the one in use (even one
        # MockInt has no lists for, such as a custom model's): each can be edited.
        codes = set(Lexicon.supported_languages()) | {analysis_language(self.context.settings)}
        for key in (Setting.CUSTOM_FILLERS, Setting.REMOVED_FILLERS):
            codes |= set(_language_map(self.context.settings.get(key)))
        return sorted(codes, key=lambda code: (code != "en", code))

    @property
    def current_language(self) -> str:
        return self.language.currentData() or "en"

    def builtin_words(self) -> tuple[str, ...]:
        return Lexicon.for_language(self.current_language).filler_phrases()

    def _words_in(self, key: Setting) -> list[str]:
        return _language_map(self.context.settings.get(key)).get(self.current_language, [])

    def _store_words(self, key: Setting, words: list[str]) -> None:
        mapping = _language_map(self.context.settings.get(key))
        if words:
            mapping[self.current_language] = sorted(set(words))
        else:
            mapping.pop(self.current_language, None)
        self.context.set_setting(key, mapping)

    def refresh(self) -> None:
        removed = set(self._words_in(Setting.REMOVED_FILLERS))
        self.words.blockSignals(True)
        self.words.clear()
        for word in self.builtin_words():
            item = QListWidgetItem(word)
            item.setData(WORD_ROLE, word)
            item.setData(CUSTOM_ROLE, False)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if word in removed else Qt.CheckState.Checked)
            self.words.addItem(item)
        for word in sorted(set(self._words_in(Setting.CUSTOM_FILLERS))):
            item = QListWidgetItem(f"{word}   (added by you)")
            item.setData(WORD_ROLE, word)
            item.setData(CUSTOM_ROLE, True)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.words.addItem(item)
        self.words.blockSignals(False)

    def counted_words(self) -> list[str]:
        """The words that count as fillers now, as the list shows them."""
        counted = []
        for row in range(self.words.count()):
            item = self.words.item(row)
            if item.data(CUSTOM_ROLE) or item.checkState() == Qt.CheckState.Checked:
                counted.append(item.data(WORD_ROLE))
        return counted

    def _item_toggled(self, item: QListWidgetItem) -> None:
        if item.data(CUSTOM_ROLE):
            return
        word = item.data(WORD_ROLE)
        removed = set(self._words_in(Setting.REMOVED_FILLERS))
        if item.checkState() == Qt.CheckState.Checked:
            removed.discard(word)
        else:
            removed.add(word)
        self._store_words(Setting.REMOVED_FILLERS, list(removed))

    def add_word(self, text: str) -> bool:
        word = normalise_phrase(text)
        if not word:
            return False
        if word in self.builtin_words():
            self._store_words(
                Setting.REMOVED_FILLERS, [w for w in self._words_in(Setting.REMOVED_FILLERS) if w != word]
            )
        else:
            self._store_words(Setting.CUSTOM_FILLERS, [*self._words_in(Setting.CUSTOM_FILLERS), word])
        self.refresh()
        return True

    def add_current_word(self) -> None:
        if self.add_word(self.new_word.text()):
            self.new_word.clear()

    def remove_word(self, word: str) -> None:
        if word in self._words_in(Setting.CUSTOM_FILLERS):
            self._store_words(Setting.CUSTOM_FILLERS, [w for w in self._words_in(Setting.CUSTOM_FILLERS) if w != word])
        elif word in self.builtin_words():
            self._store_words(Setting.REMOVED_FILLERS, [*self._words_in(Setting.REMOVED_FILLERS), word])
        self.refresh()

    def remove_selected(self) -> None:
        item = self.words.currentItem()
        if item is not None:
            self.remove_word(item.data(WORD_ROLE))

    def restore_builtin(self) -> None:
        self._store_words(Setting.CUSTOM_FILLERS, [])
        self._store_words(Setting.REMOVED_FILLERS, [])
        self.refresh()
