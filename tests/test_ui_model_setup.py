"""The model setup dialog, driven for real: a local HTTP server, real files, real workers.

The fake model (tests/test_model_support) passes every check MockInt makes but Vosk cannot
load it, so those downloads end with the load failing; one test installs the real Korean
model from its folder and sees the dialog reach "Ready".
"""

from __future__ import annotations

import itertools
import socket
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from mockint.core.errors import BadInputError, DiskFullError, StorageError
from mockint.settings import Setting
from mockint.speech.errors import (
    BrokenModelError,
    ChecksumMismatchError,
    DownloadCancelled,
    DownloadError,
    UnsafeArchiveError,
)
from mockint.speech.model_catalog import DEFAULT_MODEL_NAME, DownloadSource
from mockint.speech.model_check import check_model_dir
from mockint.speech.model_download import partial_download_path
from mockint.speech.model_fetch import partial_size
from mockint.ui.background import ResourceState
from mockint.ui.context import AppContext
from mockint.ui.model_setup.download_worker import DownloadProgress, DownloadStage, DownloadWorker
from mockint.ui.model_setup.failure import Step, describe_failure
from mockint.ui.model_setup.first_run import SETUP_BUTTON_TEXT, install_model_setup
from mockint.ui.model_setup.setup_dialog import ModelSetupDialog
from mockint.ui.model_setup.setup_state import SetupState, setting_to_save
from mockint.ui.model_setup.setup_view import PROGRESS_STEPS
from mockint.ui.theme import theme_for
from tests.test_model_support import (
    NAME,
    ModelServer,
    Route,
    assert_nothing_installed,
    make_fake_model,
    model_server,  # noqa: F401 - fixture
    sha256_hex,
    zip_folder,
)

CHUNK = 64 * 1024  # model_fetch reads this much at a time


@pytest.fixture
def context(qapp) -> Iterator[AppContext]:
    made = AppContext.create(None, theme_for(Qt.ColorScheme.Light))
    yield made
    assert made.workers.shutdown(5000)


@pytest.fixture
def padded_zip(tmp_path: Path) -> bytes:
    """A complete fake model zip of about 1 MB (stored), so it arrives in many chunks."""
    model = make_fake_model(tmp_path / "padded-src")
    (model / "am" / "final.mdl").write_bytes(b"\x00B<TransitionModel> " + bytes(range(256)) * 4096)
    return zip_folder(model, tmp_path / f"{NAME}.zip", top=NAME, compression=zipfile.ZIP_STORED).read_bytes()


@pytest.fixture
def make_dialog(qtbot, context: AppContext) -> Callable[..., ModelSetupDialog]:
    def make(source: DownloadSource | None = None, **options: object) -> ModelSetupDialog:
        dialog = ModelSetupDialog(context, source, **options)  # type: ignore[arg-type]
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        return dialog

    return make


def source_for(url: str, data: bytes, *, sha256: str | None = None) -> DownloadSource:
    return DownloadSource(url, NAME, len(data), sha256 if sha256 is not None else sha256_hex(data))


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), f"{button.text()!r} cannot be clicked"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def wait_for_state(qtbot, dialog: ModelSetupDialog, *states: SetupState, timeout: int = 10000) -> None:
    qtbot.waitUntil(lambda: dialog.state in states, timeout=timeout)


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_first_view_says_what_the_model_is_and_where_it_goes(make_dialog, context):
    dialog = make_dialog()
    view = dialog.view
    assert dialog.state is SetupState.CHOOSE and not dialog.isModal()
    assert view.model_name.text() == DEFAULT_MODEL_NAME
    assert view.size_label.text() == "41.2 MB download"
    assert view.folder_label.text() == str(context.paths.models_dir)
    assert "offline" in view.offline_label.text()
    assert view.download_button.isVisible() and view.download_button.isDefault()
    assert view.use_own_button.isVisible() and not view.progress_area.isVisible()


def test_download_shows_progress_installs_and_loads_the_model(
    qtbot, make_dialog, context, model_server: ModelServer, padded_zip
):
    url = model_server.serve(f"/{NAME}.zip", Route(padded_zip))
    dialog = make_dialog(source_for(url, padded_zip))
    bar_values: list[int] = []
    texts: list[str] = []
    dialog.view.progress_bar.valueChanged.connect(
        lambda value: (bar_values.append(value), texts.append(dialog.status_text()))
    )
    load_started: list[bool] = []
    context.model.loading.connect(lambda: load_started.append(True))

    with qtbot.waitSignal(dialog.installed, timeout=10000) as installed:
        click(qtbot, dialog.view.download_button)
        assert dialog.state is SetupState.DOWNLOADING  # the GUI thread is not held up meanwhile

    path = installed.args[0]
    assert path == context.paths.models_dir / NAME
    check_model_dir(path)
    assert PROGRESS_STEPS in bar_values
    assert any("of 1.1 MB" in text for text in texts)
    assert load_started and context.settings.get(Setting.MODEL) == NAME
    # Vosk cannot load the fake model: the dialog says so and offers to try again.
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert "could not be loaded" in dialog.status_text()
    assert dialog.view.retry_button.isVisible()
    assert not partial_download_path(context.paths.downloads_dir, NAME).exists()


def test_cancel_keeps_the_partial_and_resume_continues_with_a_range_request(
    qtbot, make_dialog, context, model_server: ModelServer, padded_zip
):
    kept = 4 * CHUNK
    route = Route(padded_zip, stall_after=kept)
    url = model_server.serve(f"/{NAME}.zip", route)
    dialog = make_dialog(source_for(url, padded_zip))

    part = partial_download_path(context.paths.downloads_dir, NAME)
    click(qtbot, dialog.view.download_button)
    qtbot.waitUntil(lambda: partial_size(part) == kept)  # everything before the stall is on disk
    click(qtbot, dialog.view.cancel_button)
    wait_for_state(qtbot, dialog, SetupState.CANCELLED)

    assert part.stat().st_size == kept
    assert "262 kB downloaded so far is kept" in dialog.status_text()
    assert dialog.view.progress_bar.value() == round(kept / len(padded_zip) * PROGRESS_STEPS)
    assert dialog.view.resume_button.isVisible() and dialog.view.resume_button.isDefault()
    assert_nothing_installed(context.paths.models_dir)

    route.stall_after = None
    model_server.release.set()
    with qtbot.waitSignal(dialog.installed, timeout=10000):
        click(qtbot, dialog.view.resume_button)
    resumed = model_server.requests[-1]
    assert resumed.range == f"bytes={kept}-" and resumed.status == 206
    assert resumed.body_bytes == len(padded_zip) - kept
    check_model_dir(context.paths.models_dir / NAME)
    wait_for_state(qtbot, dialog, SetupState.FAILED, SetupState.READY)  # the fake model's load ends


def test_checksum_failure_is_explained_and_retry_downloads_again(
    qtbot, make_dialog, context, model_server: ModelServer, padded_zip
):
    url = model_server.serve(f"/{NAME}.zip", Route(padded_zip))
    dialog = make_dialog(source_for(url, padded_zip, sha256=sha256_hex(b"another file")))

    click(qtbot, dialog.view.download_button)
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert "checksum" in dialog.view.problem_headline.text()
    assert "nothing was installed" in dialog.view.problem_advice.text()
    assert dialog.view.retry_button.isVisible() and dialog.view.problem_box.isVisible()
    assert_nothing_installed(context.paths.models_dir)

    click(qtbot, dialog.view.retry_button)
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert len(model_server.requests) == 2  # the damaged file was deleted: downloaded again, whole
    assert model_server.requests[-1].range is None


def test_missing_file_on_the_server_offers_retry_which_works_once_it_is_there(
    qtbot, make_dialog, context, model_server: ModelServer, padded_zip
):
    url = model_server.url(f"/{NAME}.zip")  # nothing served there yet: 404
    dialog = make_dialog(source_for(url, padded_zip))

    click(qtbot, dialog.view.download_button)
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert "could not be downloaded" in dialog.view.problem_headline.text()
    assert "HTTP 404" in dialog.view.problem_details.text()

    model_server.serve(f"/{NAME}.zip", Route(padded_zip))
    with qtbot.waitSignal(dialog.installed, timeout=10000):
        click(qtbot, dialog.view.retry_button)
    wait_for_state(qtbot, dialog, SetupState.FAILED, SetupState.READY)


def test_offline_download_says_so_in_plain_words(qtbot, make_dialog, context, padded_zip):
    url = f"http://127.0.0.1:{closed_port()}/{NAME}.zip"
    dialog = make_dialog(source_for(url, padded_zip))

    click(qtbot, dialog.view.download_button)
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert "could not be downloaded" in dialog.view.problem_headline.text()
    assert "online" in dialog.view.problem_advice.text()
    assert "refused the connection" in dialog.view.problem_details.text()
    assert dialog.view.retry_button.isVisible()
    assert "Traceback" not in dialog.status_text()


def test_full_disk_is_refused_before_downloading_and_retry_is_offered(
    qtbot, make_dialog, context, model_server: ModelServer, padded_zip
):
    url = model_server.serve(f"/{NAME}.zip", Route(padded_zip))
    asked: list[Path] = []

    def almost_full(path: Path) -> int:
        asked.append(path)
        return 1000

    dialog = make_dialog(source_for(url, padded_zip), free_bytes=almost_full)
    click(qtbot, dialog.view.download_button)
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert "not enough free disk space" in dialog.view.problem_headline.text()
    assert "Free some space" in dialog.view.problem_advice.text()
    assert dialog.view.retry_button.isVisible()
    assert asked and model_server.requests == []  # the real space check, before any byte moved
    assert_nothing_installed(context.paths.models_dir)


def test_use_a_model_zip_i_have(qtbot, make_dialog, context, tmp_path: Path):
    model = make_fake_model(tmp_path / "src")
    archive = zip_folder(model, tmp_path / "vosk-model-mine-1.0.zip", top="vosk-model-mine-1.0")
    dialog = make_dialog()
    load_started: list[bool] = []
    context.model.loading.connect(lambda: load_started.append(True))

    with qtbot.waitSignal(dialog.installed, timeout=10000) as installed:
        dialog.install_from(archive)
        assert dialog.state is SetupState.INSTALLING
    assert installed.args[0] == context.paths.models_dir / "vosk-model-mine-1.0"
    check_model_dir(installed.args[0])
    assert archive.exists()  # the user's own file is left alone
    assert context.settings.get(Setting.MODEL) == "vosk-model-mine-1.0" and load_started
    wait_for_state(qtbot, dialog, SetupState.FAILED, SetupState.READY)


def test_a_file_that_is_not_a_model_is_refused_with_advice(qtbot, make_dialog, context, tmp_path: Path):
    not_a_model = tmp_path / "holiday-photos.zip"
    with zipfile.ZipFile(not_a_model, "w") as archive:
        archive.writestr("beach.jpg", b"\xff\xd8not really a photo")
    dialog = make_dialog()

    dialog.install_from(not_a_model)
    wait_for_state(qtbot, dialog, SetupState.FAILED)
    assert "not a speech model" in dialog.view.problem_headline.text()
    assert "holiday-photos.zip" in dialog.view.problem_details.text()
    assert dialog.view.use_own_button.isVisible()
    assert_nothing_installed(context.paths.models_dir)


def test_real_model_folder_is_installed_loaded_and_the_dialog_closes(
    qtbot, make_dialog, context, korean_model_path: Path
):
    dialog = make_dialog()
    with qtbot.waitSignal(context.model.ready, timeout=60000):
        dialog.install_from(korean_model_path)
    assert dialog.state is SetupState.READY
    assert "Ready" in dialog.status_text()
    assert context.model.state is ResourceState.READY
    assert context.model.value.path == context.paths.models_dir / korean_model_path.name
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)


def test_closing_during_a_download_cancels_it_cleanly_and_keeps_the_partial(
    qtbot, qtlog, make_dialog, context, model_server: ModelServer, padded_zip, capfd
):
    url = model_server.serve(f"/{NAME}.zip", Route(padded_zip, stall_after=2 * CHUNK))
    dialog = make_dialog(source_for(url, padded_zip))

    part = partial_download_path(context.paths.downloads_dir, NAME)
    click(qtbot, dialog.view.download_button)
    qtbot.waitUntil(lambda: partial_size(part) == 2 * CHUNK)
    assert context.workers.busy
    dialog.close()
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: not context.workers.busy, timeout=5000)
    assert dialog.state is SetupState.CANCELLED
    assert part.stat().st_size == 2 * CHUNK
    assert not model_server.release.is_set()  # stopped by the cancel, not by the server ending

    dialog.show()  # reopened: it offers to resume
    assert dialog.view.resume_button.isVisible()
    assert "Destroyed while thread" not in capfd.readouterr().err
    assert not [record.message for record in qtlog.records if "QThread" in record.message]


def test_a_partial_from_an_earlier_session_is_offered_for_resuming(qtbot, make_dialog, context, padded_zip):
    part = partial_download_path(context.paths.downloads_dir, DEFAULT_MODEL_NAME)
    part.parent.mkdir(parents=True)
    part.write_bytes(padded_zip[:300_000])
    dialog = make_dialog()
    assert dialog.view.download_button.text() == "Resume download (300 kB kept)"


def test_progress_reaches_the_gui_about_ten_times_a_second(qtbot, context, model_server: ModelServer, padded_zip):
    url = model_server.serve(f"/{NAME}.zip", Route(padded_zip))
    ticks = itertools.count()
    worker = DownloadWorker(
        source_for(url, padded_zip),
        context.paths.models_dir,
        context.paths.downloads_dir,
        clock=lambda: next(ticks) * 0.05,  # each 64 kB chunk "takes" 50 ms
    )
    updates: list[DownloadProgress] = []
    done: list[Path] = []
    context.workers.start(worker, on_progress=updates.append, on_finished=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10000)

    chunks = -(-len(padded_zip) // CHUNK)
    transferring = [u for u in updates if u.stage is DownloadStage.TRANSFERRING]
    assert len(transferring) <= chunks * 0.05 / 0.1 + 1 < chunks  # thinned out, not one per chunk
    assert [u.estimate.done for u in transferring] == sorted(u.estimate.done for u in transferring)
    assert updates[-1].stage is DownloadStage.INSTALLING and updates[-1].estimate.done == len(padded_zip)
    assert updates[-1].estimate.bytes_per_s == pytest.approx(CHUNK / 0.05, rel=0.2)


def test_first_run_opens_the_dialog_once_and_the_status_bar_reopens_it(qtbot, make_window):
    window = make_window(load_in_background=False)
    launcher = install_model_setup(window)
    window.context.model.load()  # nothing installed in this MOCKINT_HOME: NoModelError

    qtbot.waitUntil(lambda: launcher.dialog is not None and launcher.dialog.isVisible(), timeout=10000)
    dialog = launcher.dialog
    assert not dialog.isModal() and window.isEnabled()
    assert launcher.button.text() == SETUP_BUTTON_TEXT
    assert not launcher.button.isVisible()  # Practice offers the setup beside Start: shown once, not twice
    dialog.close()
    window.show_page("settings")  # the app stays usable without a model
    assert window.current_page_key() == "settings"
    assert launcher.button.isVisible()

    window.context.model.load()  # failing again does not pop the dialog up a second time
    qtbot.waitUntil(lambda: window.context.model.state is ResourceState.UNAVAILABLE)
    assert not dialog.isVisible()
    click(qtbot, launcher.button)
    assert launcher.dialog is dialog and dialog.isVisible()


@pytest.mark.parametrize(
    ("installed", "current", "saved"),
    [
        (DEFAULT_MODEL_NAME, None, None),  # following the default already
        (DEFAULT_MODEL_NAME, "vosk-model-small-de-0.15", DEFAULT_MODEL_NAME),
        ("vosk-model-small-de-0.15", None, "vosk-model-small-de-0.15"),
        ("vosk-model-small-de-0.15", "vosk-model-small-de-0.15", None),
    ],
)
def test_the_setting_is_saved_only_when_needed(installed, current, saved):
    assert setting_to_save(installed, current) == saved


@pytest.mark.parametrize(
    ("error", "step", "headline"),
    [
        (DownloadCancelled("download of x cancelled"), Step.DOWNLOAD, "paused"),
        (ChecksumMismatchError("sha differs"), Step.DOWNLOAD, "checksum"),
        (UnsafeArchiveError("../evil"), Step.DOWNLOAD, "outside the models folder"),
        (DownloadError("the server refused the connection"), Step.DOWNLOAD, "could not be downloaded"),
        (DiskFullError("needs 80 MB"), Step.DOWNLOAD, "not enough free disk space"),
        (StorageError("permission denied"), Step.INSTALL, "could not write to the models folder"),
        (BrokenModelError("not a complete model"), Step.INSTALL, "not a speech model"),
        (BadInputError("not a zip"), Step.INSTALL, "not a speech model"),
        (BrokenModelError("Vosk could not load it"), Step.LOAD, "could not be loaded"),
    ],
)
def test_each_failure_is_told_in_plain_words_with_its_details(error, step, headline):
    text = describe_failure(error, step)
    assert headline in text.headline
    assert text.advice
    assert text.details == error.user_message


def test_a_bug_is_logged_not_shown_as_a_traceback():
    text = describe_failure(KeyError("internal"), Step.DOWNLOAD)
    assert "Something went wrong inside MockInt" in text.headline
    assert "Traceback" not in text.details and "KeyError" not in text.details
