"""The Vosk models MockInt knows by name, and how a name or URL becomes a folder name.

Names and download addresses are those of the Vosk models page (alphacephei.com/vosk/models).
Only the default model has a published size and SHA-256 we pin; the others are verified by
size when known, by the CRC of every zip member while extracting, and by the files a Vosk model
must have (see model_check).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from mockint.core.errors import BadInputError

VOSK_MODELS_BASE_URL = "https://alphacephei.com/vosk/models"
DEFAULT_MODEL_NAME = "vosk-model-small-en-us-0.15"

# Folder names we create under models_dir; nothing that could climb out of it or hide.
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,127}$")
_VOSK_NAME = re.compile(r"^vosk-model-[a-z0-9][a-z0-9._-]*$")


@dataclass(frozen=True)
class CatalogModel:
    name: str
    url: str
    size_bytes: int | None  # exact size of the zip, when published
    sha256: str | None  # lowercase hex of the zip, when published
    language: str  # BCP-47-ish tag as the Vosk page groups them
    description: str
    approx_mb: int  # the size the Vosk page shows, for people choosing a model


def _vosk(name: str, language: str, approx_mb: int, description: str) -> CatalogModel:
    return CatalogModel(name, f"{VOSK_MODELS_BASE_URL}/{name}.zip", None, None, language, description, approx_mb)


CATALOG: tuple[CatalogModel, ...] = (
    CatalogModel(
        name=DEFAULT_MODEL_NAME,
        url=f"{VOSK_MODELS_BASE_URL}/{DEFAULT_MODEL_NAME}.zip",
        size_bytes=41_205_931,
        sha256="30f26242c4eb449f948e42cb302dd7a686cb29a3423a8367f99ff41780942498",
        language="en-us",
        description="US English, small and fast",
        approx_mb=40,
    ),
    _vosk("vosk-model-en-us-0.22-lgraph", "en-us", 128, "US English, larger and more accurate"),
    _vosk("vosk-model-small-en-in-0.4", "en-in", 36, "Indian English, small"),
    _vosk("vosk-model-small-de-0.15", "de", 45, "German, small"),
    _vosk("vosk-model-small-fr-0.22", "fr", 41, "French, small"),
    _vosk("vosk-model-small-es-0.42", "es", 39, "Spanish, small"),
    _vosk("vosk-model-small-it-0.22", "it", 48, "Italian, small"),
    _vosk("vosk-model-small-pt-0.3", "pt", 31, "Portuguese / Brazilian Portuguese, small"),
    _vosk("vosk-model-small-nl-0.22", "nl", 39, "Dutch, small"),
    _vosk("vosk-model-small-pl-0.22", "pl", 50, "Polish, small"),
    _vosk("vosk-model-small-ru-0.22", "ru", 45, "Russian, small"),
    _vosk("vosk-model-small-uk-v3-nano", "uk", 73, "Ukrainian, small"),
    _vosk("vosk-model-small-tr-0.3", "tr", 35, "Turkish, small"),
    _vosk("vosk-model-small-cn-0.22", "zh", 42, "Chinese, small"),
    _vosk("vosk-model-small-ja-0.22", "ja", 48, "Japanese, small"),
    _vosk("vosk-model-small-ko-0.22", "ko", 82, "Korean, small"),
    _vosk("vosk-model-small-hi-0.22", "hi", 42, "Hindi, small"),
    _vosk("vosk-model-small-vn-0.4", "vi", 32, "Vietnamese, small"),
)


def default_model() -> CatalogModel:
    return CATALOG[0]


def find_catalog_model(name: str) -> CatalogModel | None:
    return next((model for model in CATALOG if model.name == name), None)


def is_safe_model_name(name: str) -> bool:
    """A name usable as one folder under models_dir (no separators, no leading dot)."""
    return bool(_SAFE_NAME.match(name)) and name not in {".", ".."}


def looks_like_vosk_name(name: str) -> bool:
    """Names like `vosk-model-small-pl-0.22`: models the Vosk site has beyond our catalogue."""
    return bool(_VOSK_NAME.match(name))


def vosk_url_for(name: str) -> str:
    return f"{VOSK_MODELS_BASE_URL}/{name}.zip"


def is_web_url(text: str) -> bool:
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def model_name_from_url(url: str) -> str | None:
    """`https://host/path/vosk-model-x-0.1.zip?dl=1` -> `vosk-model-x-0.1`; None if unusable."""
    last = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1])
    for suffix in (".zip", ".ZIP"):
        if last.endswith(suffix):
            last = last[: -len(suffix)]
    return last if is_safe_model_name(last) else None


@dataclass(frozen=True)
class DownloadSource:
    """What `mockint model download [NAME | URL]` fetches, and what it is checked against."""

    url: str
    name: str
    size_bytes: int | None
    sha256: str | None


def download_source(name_or_url: str | None, *, name: str | None = None) -> DownloadSource:
    """The default model, a catalogue name, another Vosk model name, or any http(s) URL."""
    if not name_or_url:
        model = default_model()
        return DownloadSource(model.url, name or model.name, model.size_bytes, model.sha256)
    if is_web_url(name_or_url):
        known = next((m for m in CATALOG if _same_address(m.url, name_or_url)), None)
        folder = name or model_name_from_url(name_or_url)
        if not folder:
            raise BadInputError(f"cannot tell a model name from {name_or_url}; add --name NAME")
        if known is not None:
            return DownloadSource(name_or_url, folder, known.size_bytes, known.sha256)
        return DownloadSource(name_or_url, folder, None, None)
    known = find_catalog_model(name_or_url)
    if known is not None:
        return DownloadSource(known.url, name or known.name, known.size_bytes, known.sha256)
    if looks_like_vosk_name(name_or_url):
        return DownloadSource(vosk_url_for(name_or_url), name or name_or_url, None, None)
    raise BadInputError(
        f"unknown model {name_or_url!r}: `mockint model list` shows the known ones; "
        "you can also give a Vosk model name (vosk-model-...) or the model zip's web address"
    )


def _same_address(a: str, b: str) -> bool:
    """The Vosk page links some models over http and others over https: same file either way."""
    return a.split("://", 1)[-1] == b.split("://", 1)[-1]
