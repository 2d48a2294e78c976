"""Settings > Speech models, driven for real: model folders on disk, the real settings file,
real background scans and loads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mockint.app.installed_models import folder_size, remove_model
from mockint.app.transfer_rate import format_bytes
from mockint.core.errors import StorageError
from mockint.settings import Setting, Settings
from mockint.speech.model_catalog import CATALOG
from mockint.speech.model_install import install_model_from
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.model_setup.catalog_dialog import CatalogDialog
from mockint.ui.model_setup.models_list import DAMAGED, IN_USE
from mockint.ui.model_setup.setup_state import SetupState
from mockint.ui.settings_sections.models_section import ModelsSection
from mockint.ui.theme import theme_for
from tests.test_model_support import make_fake_model, zip_folder

GERMAN = "vosk-model-small-de-0.15"
ENGLISH = "vosk-model-small-en-us-0.15"


@pytest.fixture
def context(qapp) -> Iterator[AppContext]:
    made = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    yield made
    assert made.workers.shutdown(10000)


@pytest.fixture
def make_section(qtbot, context: AppContext) -> Callable[[], ModelsSection]:
    def make() -> ModelsSection:
        section = ModelsSection(context)
        qtbot.addWidget(section)
        # The constructor's scan reports through the event loop, which only runs from here on.
        with qtbot.waitSignal(section.refreshed, timeout=10000):
            section.show()
        return section

    return make


def install_fake(context: AppContext, name: str) -> Path:
    return make_fake_model(context.paths.models_dir / name)


def wait_refreshed(qtbot, section: ModelsSection, condition: Callable[[], bool]) -> None:
    qtbot.waitUntil(condition, timeout=10000)


def status(section: ModelsSection, name: str) -> str | None:
    shown = section.row_text(name)
    return shown[3] if shown else None


def test_settings_page_has_the_models_section(make_window):
    window = make_window(load_in_background=False)
    assert isinstance(window.page("settings").section("models"), ModelsSection)


def test_lists_installed_models_with_size_and_marks_the_one_in_use(qtbot, make_section, context):
    german = install_fake(context, GERMAN)
    install_fake(context, ENGLISH)
    broken = install_fake(context, "my-own-model")
    (broken / "am" / "final.mdl").unlink()
    context.settings.set(Setting.MODEL, GERMAN)

    section = make_section()
    wait_refreshed(qtbot, section, lambda: len(section.names()) == 3)
    assert section.names() == ["my-own-model", GERMAN, ENGLISH]
    name, about, size, shown_status = section.row_text(GERMAN)
    assert name == GERMAN and about == "German, small (de)"
    assert size == format_bytes(folder_size(german)) and shown_status == IN_USE
    assert status(section, ENGLISH) == ""
    assert status(section, "my-own-model") == DAMAGED

    section.select("my-own-model")
    assert not section.use_button.isEnabled()  # a damaged model cannot be chosen
    section.select(GERMAN)
    assert not section.use_button.isEnabled()  # already in use
    section.select(ENGLISH)
    assert section.use_button.isEnabled() and section.remove_button.isEnabled()


def test_empty_models_folder_says_so(qtbot, make_section):
    section = make_section()
    assert section.empty_label.isVisible() and not section.model_list.isVisible()
    assert "No speech model is installed yet" in section.empty_label.text()
    assert not section.use_button.isEnabled() and not section.remove_button.isEnabled()


def test_use_this_model_saves_the_setting_and_reloads(qtbot, make_section, context):
    install_fake(context, GERMAN)
    install_fake(context, "vosk-model-mine-2")
    context.settings.set(Setting.MODEL, GERMAN)
    section = make_section()
    wait_refreshed(qtbot, section, lambda: status(section, GERMAN) == IN_USE)
    changed: list[str] = []
    context.events.settings_changed.connect(changed.append)

    section.select("vosk-model-mine-2")
    with qtbot.waitSignal(context.model.loading, timeout=5000):
        qtbot.mouseClick(section.use_button, Qt.MouseButton.LeftButton)

    assert changed == [Setting.MODEL.value]
    context.settings.flush()  # the file is written in the background; wait for it
    assert Settings(context.paths.settings_file).get(Setting.MODEL) == "vosk-model-mine-2"  # saved on disk
    qtbot.waitUntil(lambda: context.model.state is ResourceState.UNAVAILABLE, timeout=10000)  # Vosk rejects the fake
    wait_refreshed(qtbot, section, lambda: status(section, "vosk-model-mine-2") == IN_USE)
    assert status(section, GERMAN) == ""


def test_remove_asks_first_then_deletes_the_folder(qtbot, make_section, context):
    install_fake(context, GERMAN)
    english = install_fake(context, ENGLISH)
    context.settings.set(Setting.MODEL, GERMAN)
    section = make_section()
    wait_refreshed(qtbot, section, lambda: len(section.names()) == 2)

    section.select(ENGLISH)
    box = section.remove_selected()
    assert box is not None and ENGLISH in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert english.is_dir()

    section.select(ENGLISH)
    box = section.remove_selected()
    remove = next(button for button in box.buttons() if button.text() == "Remove")
    with qtbot.waitSignal(section.removed, timeout=10000):
        remove.click()
    assert not english.exists()
    wait_refreshed(qtbot, section, lambda: section.names() == [GERMAN])
    assert context.settings.get(Setting.MODEL) == GERMAN
    assert sorted(p.name for p in context.paths.models_dir.iterdir()) == [GERMAN]  # nothing hidden left over


def test_removing_the_model_in_use_resets_the_choice_and_reloads(qtbot, make_section, context):
    install_fake(context, GERMAN)
    context.settings.set(Setting.MODEL, GERMAN)
    section = make_section()
    wait_refreshed(qtbot, section, lambda: status(section, GERMAN) == IN_USE)

    section.select(GERMAN)
    box = section.remove_selected()
    assert "MockInt is using this model" in box.text()
    remove = next(button for button in box.buttons() if button.text() == "Remove")
    with qtbot.waitSignal(context.model.unavailable, timeout=10000) as unavailable:
        remove.click()
    assert "no speech model is installed" in unavailable.args[0].user_message
    assert context.settings.get(Setting.MODEL) is None
    wait_refreshed(qtbot, section, lambda: section.empty_label.isVisible())


def test_the_model_in_use_cannot_be_removed_while_it_loads(qtbot, make_section, context, korean_model_path: Path):
    korean = install_model_from(korean_model_path, context.paths.models_dir, name="vosk-model-small-ko-0.22")
    context.settings.set(Setting.MODEL, korean.name)
    section = make_section()
    wait_refreshed(qtbot, section, lambda: status(section, korean.name) == IN_USE)
    section.select(korean.name)
    assert section.remove_button.isEnabled()

    with qtbot.waitSignal(context.model.ready, timeout=60000):
        context.model.load()
        assert not section.remove_button.isEnabled()
        assert "loading" in section.remove_button.toolTip()
    wait_refreshed(qtbot, section, lambda: section.remove_button.isEnabled())
    assert section.in_use_path() == korean and status(section, korean.name) == IN_USE


def test_download_another_lists_the_catalogue_and_opens_the_download(qtbot, make_section, context):
    install_fake(context, ENGLISH)
    section = make_section()
    wait_refreshed(qtbot, section, lambda: section.names() == [ENGLISH])

    qtbot.mouseClick(section.download_button, Qt.MouseButton.LeftButton)
    catalog = section.catalog_dialog
    assert isinstance(catalog, CatalogDialog) and catalog.isVisible()
    assert catalog.names() == [model.name for model in CATALOG]
    assert not catalog.select(ENGLISH)  # installed already: not offered again
    assert catalog.model_list.topLevelItem(0).text(2) == "installed"
    french = catalog.names().index("vosk-model-small-fr-0.22")
    assert catalog.model_list.topLevelItem(french).text(1) == "fr"
    assert catalog.model_list.topLevelItem(french).text(2) == "about 41 MB"

    assert catalog.select("vosk-model-small-fr-0.22")
    qtbot.mouseClick(catalog.download_button, Qt.MouseButton.LeftButton)
    dialog = section.setup_dialog
    assert dialog is not None and dialog.isVisible() and not catalog.isVisible()
    assert dialog.source.name == "vosk-model-small-fr-0.22"
    assert dialog.source.url.endswith("/vosk-model-small-fr-0.22.zip")
    assert dialog.view.size_label.text() == "about 41 MB download"
    assert dialog.view.title.text() == "Download a speech model"
    assert dialog.state is SetupState.CHOOSE and dialog.view.download_button.isVisible()
    dialog.close()


def test_add_from_a_zip_installs_lists_and_offers_to_use_it(qtbot, make_section, context, tmp_path: Path):
    install_fake(context, GERMAN)
    context.settings.set(Setting.MODEL, GERMAN)
    archive = zip_folder(make_fake_model(tmp_path / "src"), tmp_path / "vosk-model-mine-3.zip", top="vosk-model-mine-3")
    section = make_section()

    dialog = section.add_from(archive)
    qtbot.waitUntil(lambda: dialog.state is SetupState.INSTALLED, timeout=10000)
    assert dialog.view.title.text() == "Add a speech model"
    assert context.settings.get(Setting.MODEL) == GERMAN  # not switched behind the user's back
    wait_refreshed(qtbot, section, lambda: "vosk-model-mine-3" in section.names())

    with qtbot.waitSignal(context.model.loading, timeout=5000):
        qtbot.mouseClick(dialog.view.use_now_button, Qt.MouseButton.LeftButton)
    assert context.settings.get(Setting.MODEL) == "vosk-model-mine-3"
    qtbot.waitUntil(lambda: dialog.state is SetupState.FAILED, timeout=10000)  # the fake cannot load


def test_remove_model_only_touches_the_models_folder(tmp_path: Path):
    models_dir = tmp_path / "models"
    elsewhere = make_fake_model(tmp_path / "elsewhere" / GERMAN)
    with pytest.raises(StorageError) as refused:
        remove_model(elsewhere, models_dir)
    assert "only removes models it installed" in refused.value.user_message
    assert elsewhere.is_dir()


def test_a_model_chosen_by_the_environment_is_explained(qtbot, make_section, context, monkeypatch, tmp_path: Path):
    install_fake(context, GERMAN)
    outside = make_fake_model(tmp_path / "elsewhere" / "team-model")
    monkeypatch.setenv("MOCKINT_MODEL", str(outside))
    section = make_section()
    assert "MOCKINT_MODEL" in section.note_label.text() and str(outside) in section.note_label.text()
    assert section.note_label.isVisible()
    assert status(section, GERMAN) == ""
