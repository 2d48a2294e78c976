"""Which model is used (--model, MOCKINT_MODEL, `model use`, default) and the catalogue."""

from __future__ import annotations

from pathlib import Path

import pytest

from mockint.core.errors import BadInputError, NoModelError
from mockint.paths import app_paths
from mockint.settings import Setting, Settings
from mockint.speech.errors import BrokenModelError
from mockint.speech.model_catalog import (
    CATALOG,
    DEFAULT_MODEL_NAME,
    default_model,
    download_source,
    model_name_from_url,
)
from mockint.speech.model_check import write_install_record
from mockint.speech.model_install import STAGING_PREFIX
from mockint.speech.model_select import ModelSource, choose_model, installed_models, model_in_use, resolve_model
from tests.test_model_support import make_fake_model


@pytest.fixture
def paths():
    return app_paths()


@pytest.fixture
def settings(paths) -> Settings:
    return Settings(paths.settings_file)


def test_selection_order_option_then_environment_then_setting_then_default(paths, settings, tmp_path: Path) -> None:
    models = paths.models_dir
    for name in (DEFAULT_MODEL_NAME, "chosen", "from-env"):
        make_fake_model(models / name)
    outside = make_fake_model(tmp_path / "elsewhere" / "my-model")

    assert choose_model(None, settings, paths, environ={}).source is ModelSource.DEFAULT
    assert resolve_model(None, settings, paths, environ={}) == models / DEFAULT_MODEL_NAME

    settings.set(Setting.MODEL, "chosen")
    assert resolve_model(None, settings, paths, environ={}) == models / "chosen"

    environ = {"MOCKINT_MODEL": "from-env"}
    assert choose_model(None, settings, paths, environ=environ).source is ModelSource.ENVIRONMENT
    assert resolve_model(None, settings, paths, environ=environ) == models / "from-env"

    choice = choose_model(str(outside), settings, paths, environ=environ)
    assert (choice.path, choice.source, choice.name) == (outside.resolve(), ModelSource.OPTION, None)


def test_setting_may_hold_an_absolute_path(paths, settings, tmp_path: Path) -> None:
    outside = make_fake_model(tmp_path / "elsewhere")
    settings.set(Setting.MODEL, str(outside))
    assert resolve_model(None, settings, paths, environ={}) == outside.resolve()


def test_environment_variable_is_read_from_the_process_by_default(paths, settings, monkeypatch, tmp_path: Path) -> None:
    model = make_fake_model(tmp_path / "env-model")
    monkeypatch.setenv("MOCKINT_MODEL", str(model))
    assert resolve_model(None, settings, paths) == model.resolve()


def test_nothing_installed_names_the_download_command(paths, settings) -> None:
    with pytest.raises(NoModelError) as missing:
        resolve_model(None, settings, paths, environ={})
    assert "run `mockint model download`" in missing.value.user_message
    assert missing.value.exit_code == 3
    assert model_in_use(settings, paths, environ={}) is None


def test_chosen_model_that_is_missing_is_an_error_not_a_fallback(paths, settings) -> None:
    make_fake_model(paths.models_dir / DEFAULT_MODEL_NAME)
    settings.set(Setting.MODEL, "vosk-model-small-de-0.15")
    with pytest.raises(NoModelError) as missing:
        resolve_model(None, settings, paths, environ={})
    assert "`mockint model download vosk-model-small-de-0.15`" in missing.value.user_message
    with pytest.raises(NoModelError):
        resolve_model("/no/such/model", settings, paths, environ={})


def test_broken_chosen_model_raises_with_the_fix(paths, settings) -> None:
    broken = make_fake_model(paths.models_dir / "vosk-model-small-fr-0.22")
    (broken / "am" / "final.mdl").write_bytes(b"")
    make_fake_model(paths.models_dir / DEFAULT_MODEL_NAME)
    settings.set(Setting.MODEL, "vosk-model-small-fr-0.22")
    with pytest.raises(BrokenModelError) as failed:
        resolve_model(None, settings, paths, environ={})
    assert "am/final.mdl is empty" in failed.value.user_message
    assert "`mockint model download vosk-model-small-fr-0.22`" in failed.value.user_message


def test_broken_model_from_an_address_names_that_address(paths, settings) -> None:
    model = make_fake_model(paths.models_dir / "custom-model")
    write_install_record(model, name="custom-model", source="http://models.example/custom-model.zip", sha256=None)
    (model / "graph" / "Gr.fst").unlink()
    with pytest.raises(BrokenModelError) as failed:
        resolve_model("custom-model", settings, paths, environ={})
    assert "`mockint model download http://models.example/custom-model.zip`" in failed.value.user_message


def test_broken_default_model_is_reported(paths, settings) -> None:
    model = make_fake_model(paths.models_dir / DEFAULT_MODEL_NAME)
    (model / "conf" / "mfcc.conf").unlink()
    with pytest.raises(BrokenModelError) as failed:
        resolve_model(None, settings, paths, environ={})
    assert f"`mockint model download {DEFAULT_MODEL_NAME}`" in failed.value.user_message


def test_installed_models_are_listed_with_their_state_and_staging_is_hidden(paths) -> None:
    make_fake_model(paths.models_dir / "good")
    bad = make_fake_model(paths.models_dir / "bad")
    (bad / "graph" / "HCLr.fst").unlink()
    make_fake_model(paths.models_dir / f"{STAGING_PREFIX}half-done-1234")
    listed = installed_models(paths.models_dir)
    assert [(m.name, m.usable) for m in listed] == [("bad", False), ("good", True)]
    assert listed[0].problems == ("graph/HCLr.fst is missing",)


def test_catalogue_default_and_languages() -> None:
    model = default_model()
    assert (model.name, model.size_bytes, model.sha256) == (
        "vosk-model-small-en-us-0.15",
        41_205_931,
        "30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
    )
    assert model.url == "https://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip"
    languages = {m.language for m in CATALOG}
    assert {"de", "fr", "es", "it", "pt", "ru", "zh", "ja", "hi", "ko"} <= languages
    assert any(m.name == "vosk-model-en-us-0.22-lgraph" for m in CATALOG)
    assert len({m.name for m in CATALOG}) == len(CATALOG)
    assert all(m.url.endswith(f"/{m.name}.zip") for m in CATALOG)


def test_download_sources() -> None:
    assert download_source(None).sha256 == default_model().sha256
    german = download_source("vosk-model-small-de-0.15")
    assert (german.name, german.sha256) == ("vosk-model-small-de-0.15", None)
    other = download_source("vosk-model-small-pl-0.22")
    assert other.url == "https://alphacephei.com/vosk/models/vosk-model-small-pl-0.22.zip"
    same_file = download_source("http://alphacephei.com/vosk/models/vosk-model-small-en-us-0.15.zip")
    assert same_file.sha256 == default_model().sha256  # the catalogue's check still applies
    local = download_source("http://127.0.0.1:8000/files/my%20model.zip?x=1", name="mine")
    assert (local.name, local.size_bytes, local.sha256) == ("mine", None, None)
    with pytest.raises(BadInputError):
        download_source("not-a-model")
    with pytest.raises(BadInputError):
        download_source("http://127.0.0.1:8000/")


@pytest.mark.parametrize(
    "url, name",
    [
        ("https://host/a/vosk-model-x-0.1.zip", "vosk-model-x-0.1"),
        ("http://127.0.0.1:5/m.zip?download=1", "m"),
        ("https://host/..", None),
        ("https://host/.hidden.zip", None),
    ],
)
def test_model_name_from_url(url: str, name: str | None) -> None:
    assert model_name_from_url(url) == name
