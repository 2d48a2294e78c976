"""Is this folder a complete Vosk model? Answered before Vosk sees it.

Vosk (Kaldi underneath) aborts the whole process, or hangs, on some damaged or partial model
folders, so a folder is checked here first. The rules follow how libvosk's Model reads a
folder: the "v2" layout (am/, conf/, graph/, ivector/) and the older flat one; the optional
parts (ivector, rescore, rnnlm) must be whole when present. Files Kaldi reads in binary are
checked for their magic bytes, so an HTML error page saved under a model's name is caught.

An install made by MockInt also carries a record of every file and its size; a folder that
has lost or truncated files since is caught by that record.
"""

from __future__ import annotations

import json
import struct
from dataclasses import dataclass
from pathlib import Path

from mockint.speech.errors import BrokenModelError, UnreadableModelError
from mockint.speech.model_options import model_option_problems, option_files

INSTALL_RECORD = ".mockint-model.json"

_FST_MAGIC = struct.pack("<i", 2125659606)
_FST_HAS_OUTPUT_SYMBOLS = 0x2
_KALDI_BINARY = b"\x00B"
_IVECTOR_FILES = ("final.ie", "final.dubm", "final.mat", "global_cmvn.stats", "online_cmvn.conf", "splice.conf")
_RNNLM_FILES = ("feat_embedding.final.mat", "special_symbol_opts.conf", "word_feats.txt")

# How a problem says that a part of the folder could not be read (rather than is missing or wrong).
_UNREADABLE = "cannot be read"


@dataclass(frozen=True)
class _Layout:
    """Where libvosk looks for each part, relative to the model folder."""

    acoustic: str
    model_conf: str | None
    mfcc_conf: str
    fbank_conf: str
    hclg: str
    hcl: str
    g: str
    disambig: str
    words: str


_V2 = _Layout(
    "am/final.mdl",
    "conf/model.conf",
    "conf/mfcc.conf",
    "conf/fbank.conf",
    "graph/HCLG.fst",
    "graph/HCLr.fst",
    "graph/Gr.fst",
    "graph/disambig_tid.int",
    "graph/words.txt",
)
_V1 = _Layout(
    "final.mdl", None, "mfcc.conf", "fbank.conf", "HCLG.fst", "HCLr.fst", "Gr.fst", "disambig_tid.int", "words.txt"
)


def find_model_problems(path: Path) -> list[str]:
    """Plain-language problems with the model folder at `path`; empty when it looks usable."""
    path = Path(path)
    try:
        return _folder_problems(path)
    except OSError as error:  # a folder this user may not enter: a problem to name, not a crash
        where = Path(error.filename) if error.filename else path
        try:
            shown = where.relative_to(path).as_posix() or str(path)
        except ValueError:
            shown = str(where)
        reason = "permission denied" if isinstance(error, PermissionError) else (error.strerror or str(error))
        return [f"{shown} {_UNREADABLE} ({reason})"]


def _folder_problems(path: Path) -> list[str]:
    if not path.exists():
        return [f"{path} does not exist"]
    if not path.is_dir():
        return [f"{path} is not a folder"]
    layout = _V2 if (path / _V2.acoustic).exists() or not (path / _V1.acoustic).exists() else _V1
    if not (path / layout.acoustic).exists():
        return [f"there is no {layout.acoustic}, so this is not a Vosk model folder"]
    problems: list[str] = []
    _check_binary(path, layout.acoustic, _KALDI_BINARY, problems)
    if layout.model_conf is not None:
        _check_readable(path, layout.model_conf, problems, may_be_empty=True)
    if not (path / layout.mfcc_conf).exists() and (path / layout.fbank_conf).exists():
        _check_readable(path, layout.fbank_conf, problems)
    else:
        _check_readable(path, layout.mfcc_conf, problems)
    _check_graph(path, layout, problems)
    _check_optional_parts(path, problems)
    problems.extend(model_option_problems(path, option_files(path, flat_layout=layout is _V1)))
    problems.extend(_record_problems(path))
    return problems


def check_model_dir(path: Path, *, name: str | None = None) -> None:
    """Raise BrokenModelError naming what is wrong and the command that fixes it.

    `name` is what `mockint model download` needs to fetch this model again (a catalogue
    name, or the address it came from), when the caller knows it.
    """
    problems = find_model_problems(path)
    if not problems:
        return
    raise model_problem_error(problems, broken_model_message(Path(path), problems, name=name))


def model_problem_error(problems: list[str], message: str) -> BrokenModelError:
    """The error for a model folder with `problems`: unreadable when that is all that is wrong."""
    unreadable = all(_UNREADABLE in problem for problem in problems)
    return (UnreadableModelError if unreadable else BrokenModelError)(message)


def broken_model_message(path: Path, problems: list[str], *, name: str | None = None) -> str:
    shown = "; ".join(problems[:3]) + (f"; and {len(problems) - 3} more" if len(problems) > 3 else "")
    if name:
        fix = f"run `mockint model download {name}` to fetch it again, then `mockint model verify {path.name}`"
    else:
        fix = "point MockInt at a complete Vosk model folder, or run `mockint model download` to get the default model"
    return f"the speech model at {path} is not usable: {shown}. To fix it, {fix}."


def read_install_record(path: Path) -> dict | None:
    """The record MockInt wrote when it installed this folder, or None (a folder made by hand)."""
    record = Path(path) / INSTALL_RECORD
    try:
        loaded = json.loads(record.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}


def write_install_record(path: Path, *, name: str, source: str, sha256: str | None) -> None:
    """Record every file and its size: later checks catch files lost or cut short since."""
    files = {
        item.relative_to(path).as_posix(): item.stat().st_size
        for item in sorted(path.rglob("*"))
        if item.is_file() and item.name != INSTALL_RECORD
    }
    record = {"schema": 1, "name": name, "source": source, "sha256": sha256, "files": files}
    tmp = path / (INSTALL_RECORD + ".tmp")
    tmp.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    tmp.replace(path / INSTALL_RECORD)


def _check_graph(path: Path, layout: _Layout, problems: list[str]) -> None:
    if (path / layout.hclg).exists():
        flags = _check_fst(path, layout.hclg, problems)
    elif (path / layout.hcl).exists() or (path / layout.g).exists():
        _check_fst(path, layout.hcl, problems)
        flags = _check_fst(path, layout.g, problems)
        _check_readable(path, layout.disambig, problems)
    else:
        problems.append(f"{layout.hclg} (or {layout.hcl} with {layout.g}) is missing")
        return
    if flags is not None and not flags & _FST_HAS_OUTPUT_SYMBOLS:
        # The graph carries no word list of its own, so Vosk reads words.txt.
        _check_readable(path, layout.words, problems)


def _check_optional_parts(path: Path, problems: list[str]) -> None:
    ivector = path / "ivector"
    if ivector.is_dir() and any(ivector.iterdir()):
        for name in _IVECTOR_FILES:
            _check_readable(path, f"ivector/{name}", problems, may_be_empty=name.endswith(".conf"))
    if (path / "rescore" / "G.carpa").exists():
        _check_readable(path, "rescore/G.carpa", problems)
        _check_fst(path, "rescore/G.fst", problems)
    if (path / "rnnlm" / "final.raw").exists():
        for name in ("final.raw", *_RNNLM_FILES):
            _check_readable(path, f"rnnlm/{name}", problems)


def _record_problems(path: Path) -> list[str]:
    record = read_install_record(path)
    if record is None:
        return []
    files = record.get("files")
    if not isinstance(files, dict):
        return [f"the install record {INSTALL_RECORD} is damaged"]
    problems = []
    for relative, size in files.items():
        item = path / relative
        try:
            actual = item.stat().st_size
        except OSError:
            problems.append(f"{relative} is missing")
            continue
        if actual != size:
            problems.append(f"{relative} is {actual} bytes instead of {size} (damaged or cut short)")
    return problems


def _head(
    path: Path, relative: str, problems: list[str], length: int = 64, *, may_be_empty: bool = False
) -> bytes | None:
    """The first bytes of a file, or None after noting why it cannot be used."""
    item = path / relative
    if not item.exists():
        problems.append(f"{relative} is missing")
        return None
    if not item.is_file():
        problems.append(f"{relative} is not a file")
        return None
    try:
        with item.open("rb") as f:
            head = f.read(length)
    except PermissionError:
        problems.append(f"{relative} {_UNREADABLE} (permission denied)")
        return None
    except OSError as error:
        problems.append(f"{relative} {_UNREADABLE} ({error.strerror or error})")
        return None
    if not head and not may_be_empty:
        problems.append(f"{relative} is empty")
        return None
    return head


def _check_readable(path: Path, relative: str, problems: list[str], *, may_be_empty: bool = False) -> None:
    _head(path, relative, problems, 1, may_be_empty=may_be_empty)


def _check_binary(path: Path, relative: str, magic: bytes, problems: list[str]) -> None:
    head = _head(path, relative, problems)
    # Kaldi also reads its text format, which starts with the object's tag.
    if head is not None and not head.startswith(magic) and not head.lstrip().startswith(b"<"):
        problems.append(f"{relative} is not a Kaldi model file (damaged?)")


def _check_fst(path: Path, relative: str, problems: list[str]) -> int | None:
    """Checks an OpenFst file's header; returns its flags (which say if it carries symbols)."""
    head = _head(path, relative, problems, 512)
    if head is None:
        return None
    flags = _fst_flags(head)
    if flags is None:
        problems.append(f"{relative} is not a graph file Vosk can read (damaged?)")
    return flags


def _fst_flags(head: bytes) -> int | None:
    """OpenFst header: magic, fst type, arc type (length-prefixed strings), version, flags."""
    if not head.startswith(_FST_MAGIC):
        return None
    offset = len(_FST_MAGIC)
    try:
        for _ in range(2):
            (length,) = struct.unpack_from("<i", head, offset)
            if not 0 < length < 64:
                return None
            offset += 4 + length
        _version, flags = struct.unpack_from("<ii", head, offset)
    except struct.error:
        return None
    return flags
