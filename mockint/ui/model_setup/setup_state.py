"""The setup dialog's states, and which buttons each one offers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mockint.app.transfer_rate import format_bytes
from mockint.speech.model_catalog import DEFAULT_MODEL_NAME, DownloadSource, find_catalog_model


class SetupState(Enum):
    CHOOSE = "choose"  # nothing started: Download, or Use a model I have
    DOWNLOADING = "downloading"
    INSTALLING = "installing"  # checking and unpacking a download, or copying the user's model
    CANCELLED = "cancelled"  # paused by the user: the partial download is kept
    FAILED = "failed"
    INSTALLED = "installed"  # in place, not switched to (the user is asked)
    LOADING = "loading"  # in place and chosen: the app is loading it
    READY = "ready"


BUSY_STATES = frozenset({SetupState.DOWNLOADING, SetupState.INSTALLING})


@dataclass(frozen=True)
class Buttons:
    """Which actions a state offers; the primary one is the default (Enter)."""

    download: bool = False
    retry: bool = False
    resume: bool = False
    use_own: bool = False
    use_now: bool = False
    cancel: bool = False


BUTTONS: dict[SetupState, Buttons] = {
    SetupState.CHOOSE: Buttons(download=True, use_own=True),
    SetupState.DOWNLOADING: Buttons(cancel=True),
    SetupState.INSTALLING: Buttons(cancel=True),
    SetupState.CANCELLED: Buttons(resume=True, use_own=True),
    SetupState.FAILED: Buttons(retry=True, use_own=True),
    SetupState.INSTALLED: Buttons(use_now=True),
    SetupState.LOADING: Buttons(),
    SetupState.READY: Buttons(),
}


def size_text(source: DownloadSource) -> str:
    """`41.2 MB download`, or the catalogue's rough figure when the exact size is not pinned."""
    if source.size_bytes is not None:
        return f"{format_bytes(source.size_bytes)} download"
    known = find_catalog_model(source.name)
    if known is not None:
        return f"about {known.approx_mb} MB download"
    return "size shown once the download starts"


def model_description(source: DownloadSource) -> str:
    known = find_catalog_model(source.name)
    return known.description if known is not None else "Vosk speech model"


def setting_to_save(installed_name: str, current: object) -> str | None:
    """The Setting.MODEL value that makes `installed_name` the model in use; None: no change.

    With nothing chosen MockInt uses the default model by its folder name, so installing that
    one needs no setting: the user keeps following the default.
    """
    if current == installed_name:
        return None
    if current in (None, "") and installed_name == DEFAULT_MODEL_NAME:
        return None
    return installed_name
