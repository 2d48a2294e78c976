"""Installing a model folder or zip the user already has: checked, all or nothing."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from mockint.core.errors import BadInputError, DiskFullError
from mockint.speech.errors import BrokenModelError, UnsafeArchiveError
from mockint.speech.model_check import INSTALL_RECORD, find_model_problems, read_install_record
from mockint.speech.model_install import install_model_from
from tests.test_model_support import SYMLINK_MODE, add_raw_member, make_fake_model, zip_folder


def test_folder_is_copied_checked_and_recorded(tmp_path: Path) -> None:
    source = make_fake_model(tmp_path / "my-model")
    models_dir = tmp_path / "models"
    installed = install_model_from(source, models_dir)
    assert installed == models_dir / "my-model"
    assert find_model_problems(installed) == []
    record = read_install_record(installed)
    assert record is not None and record["source"] == str(source.resolve())
    assert not (source / INSTALL_RECORD).exists()  # the user's own folder is left as it was


def test_zip_with_files_at_the_top_level_installs_under_the_given_name(tmp_path: Path) -> None:
    archive = zip_folder(make_fake_model(tmp_path / "src"), tmp_path / "flat.zip")
    installed = install_model_from(archive, tmp_path / "models", name="english")
    assert installed.name == "english" and find_model_problems(installed) == []


def test_zip_with_one_top_folder_installs_by_the_zip_name(tmp_path: Path) -> None:
    archive = zip_folder(make_fake_model(tmp_path / "src"), tmp_path / "vosk-model-x-1.zip", top="inner-name")
    installed = install_model_from(archive, tmp_path / "models")
    assert installed == tmp_path / "models" / "vosk-model-x-1"
    assert (installed / "am" / "final.mdl").is_file()


def test_installing_again_replaces_the_old_copy(tmp_path: Path) -> None:
    models_dir = tmp_path / "models"
    source = make_fake_model(tmp_path / "m")
    install_model_from(source, models_dir)
    (source / "extra.txt").write_text("new in this version")
    installed = install_model_from(source, models_dir)
    assert (installed / "extra.txt").is_file()
    assert sorted(p.name for p in models_dir.iterdir()) == ["m"]


def test_broken_folder_is_refused(tmp_path: Path) -> None:
    source = make_fake_model(tmp_path / "m")
    (source / "graph" / "Gr.fst").unlink()
    with pytest.raises(BrokenModelError) as refused:
        install_model_from(source, tmp_path / "models")
    assert "graph/Gr.fst is missing" in refused.value.user_message
    assert not (tmp_path / "models").exists() or list((tmp_path / "models").iterdir()) == []


def test_zip_without_a_model_and_other_files_are_refused(tmp_path: Path) -> None:
    archive = tmp_path / "notes.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("notes/todo.txt", "practise")
    with pytest.raises(BadInputError) as refused:
        install_model_from(archive, tmp_path / "models")
    assert "does not hold a complete Vosk model" in refused.value.user_message
    text = tmp_path / "model.txt"
    text.write_text("not a zip")
    with pytest.raises(BadInputError):
        install_model_from(text, tmp_path / "models")
    with pytest.raises(BadInputError):
        install_model_from(tmp_path / "missing", tmp_path / "models")
    assert list((tmp_path / "models").iterdir()) == []


def test_zip_with_a_link_is_refused(tmp_path: Path) -> None:
    archive = zip_folder(make_fake_model(tmp_path / "src"), tmp_path / "m.zip", top="m")
    with zipfile.ZipFile(archive, "a") as z:
        add_raw_member(z, "m/am/link", b"/etc/shadow", mode=SYMLINK_MODE)
    with pytest.raises(UnsafeArchiveError):
        install_model_from(archive, tmp_path / "models")
    assert not (tmp_path / "models").exists() or list((tmp_path / "models").iterdir()) == []


def test_disk_too_small_for_the_extracted_model_is_refused_before_writing(tmp_path: Path) -> None:
    archive = zip_folder(make_fake_model(tmp_path / "src"), tmp_path / "m.zip")
    with pytest.raises(DiskFullError) as full:
        install_model_from(archive, tmp_path / "models", free_bytes=lambda path: 4096)
    assert "Free some space" in full.value.user_message
    assert list((tmp_path / "models").iterdir()) == []


@pytest.mark.parametrize("name", ["../escape", ".hidden", "a/b", "-x"])
def test_unsafe_names_are_refused(tmp_path: Path, name: str) -> None:
    source = make_fake_model(tmp_path / "m")
    with pytest.raises(BadInputError):
        install_model_from(source, tmp_path / "models", name=name)


@pytest.mark.parametrize("link_to", ["outside", "inside"])
def test_a_folder_holding_a_link_is_refused_and_nothing_is_read_through_it(tmp_path: Path, link_to: str) -> None:
    """A folder install used to follow links: graph/x -> /etc/shadow was copied in with its contents."""
    secret = tmp_path / "secret.txt"
    secret.write_text("hunter2")
    source = make_fake_model(tmp_path / "m")
    target = secret if link_to == "outside" else source / "README"
    (source / "graph" / "x").symlink_to(target)
    models_dir = tmp_path / "models"
    with pytest.raises(UnsafeArchiveError) as refused:
        install_model_from(source, models_dir)
    assert "graph/x is a link" in refused.value.user_message and refused.value.exit_code == 2
    assert not models_dir.exists() or list(models_dir.iterdir()) == []
    copied = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_symlink() and p.read_bytes() == b"hunter2"]
    assert copied == [secret]


def test_a_folder_holding_a_fifo_is_refused_without_hanging(tmp_path: Path) -> None:
    import os

    source = make_fake_model(tmp_path / "m")
    os.mkfifo(source / "graph" / "pipe")
    with pytest.raises(UnsafeArchiveError, match="graph/pipe is a special file"):
        install_model_from(source, tmp_path / "models")


def test_a_model_folder_reached_through_a_link_installs(tmp_path: Path) -> None:
    real = make_fake_model(tmp_path / "real-model")
    (tmp_path / "shortcut").symlink_to(real)
    installed = install_model_from(tmp_path / "shortcut", tmp_path / "models", name="linked")
    assert find_model_problems(installed) == [] and not any(p.is_symlink() for p in installed.rglob("*"))
