"""Shared pieces for the model tests: a tiny model folder with Vosk's layout, zips of it, and
a local HTTP server that speaks Range and can cut, stall or fail on purpose.

The fake model is complete by every rule MockInt checks (names, magic bytes, FST headers), but
Vosk cannot load it; loading is tested with the real Korean model elsewhere.
"""

from __future__ import annotations

import hashlib
import re
import stat
import struct
import threading
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FST_MAGIC = 2125659606
NAME = "vosk-model-test-0.1"


def fst_bytes(fst_type: bytes, *, flags: int, body: bytes = b"\x00" * 64) -> bytes:
    """An OpenFst header (magic, type, arc type, version, flags) followed by filler."""
    arc = b"standard"
    return (
        struct.pack("<i", FST_MAGIC)
        + struct.pack("<i", len(fst_type))
        + fst_type
        + struct.pack("<i", len(arc))
        + arc
        + struct.pack("<ii", 1, flags)
        + body
    )


def make_fake_model(
    root: Path, *, graph: str = "lookahead", ivector: bool = True, words_txt: bool = True, graph_has_words: bool = False
) -> Path:
    """A small folder with every file a Vosk "v2" model needs; `graph` is "lookahead" or "hclg".

    `graph_has_words`: the graph carries its own word list (as the Korean model's Gr.fst does),
    so words.txt is optional.
    """
    symbols = 3 if graph_has_words else 0
    files: dict[str, bytes] = {
        "README": b"Fake model for MockInt tests\n",
        "am/final.mdl": b"\x00B<TransitionModel> " + bytes(range(256)) * 8,
        "conf/model.conf": b"--min-active=200\n--max-active=3000\n--beam=10.0\n",
        "conf/mfcc.conf": b"--use-energy=false\n--num-mel-bins=40\n",
        "graph/phones/word_boundary.int": b"1 nonword\n2 begin\n",
        "graph/phones.txt": b"<eps> 0\nSIL 1\n",
    }
    if graph == "lookahead":
        files["graph/HCLr.fst"] = fst_bytes(b"olabel_lookahead", flags=0)
        files["graph/Gr.fst"] = fst_bytes(b"ngram", flags=symbols)
        files["graph/disambig_tid.int"] = b"11887\n11888\n"
    else:
        files["graph/HCLG.fst"] = fst_bytes(b"const", flags=symbols)
    if words_txt:
        files["graph/words.txt"] = b"<eps> 0\nhello 1\nworld 2\n"
    if ivector:
        files.update(
            {
                "ivector/final.ie": b"\x00B<IvectorExtractor> " + b"\x01" * 512,
                "ivector/final.dubm": b"\x00B<DiagGMM> " + b"\x02" * 512,
                "ivector/final.mat": b"\x00BFM " + b"\x03" * 256,
                "ivector/global_cmvn.stats": b" [\n  4.8e+09 -2.5e+08 ]\n",
                "ivector/online_cmvn.conf": b"# configuration file for apply-cmvn-online\n",
                "ivector/splice.conf": b"--left-context=3\n--right-context=3\n",
            }
        )
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def zip_folder(
    folder: Path, zip_path: Path, *, top: str | None = None, compression: int = zipfile.ZIP_DEFLATED
) -> Path:
    """Zip `folder`'s files under `top/` (as Vosk's zips do), or at the top level when None."""
    with zipfile.ZipFile(zip_path, "w", compression) as archive:
        for item in sorted(folder.rglob("*")):
            if item.is_file():
                relative = item.relative_to(folder).as_posix()
                archive.write(item, f"{top}/{relative}" if top else relative)
    return zip_path


def fake_model_zip(tmp_path: Path, name: str = "vosk-model-test-0.1", **model_options: object) -> bytes:
    model = make_fake_model(tmp_path / f"src-{name}", **model_options)  # type: ignore[arg-type]
    return zip_folder(model, tmp_path / f"{name}.zip", top=name).read_bytes()


def add_raw_member(archive: zipfile.ZipFile, name: str, data: bytes, *, mode: int | None = None) -> None:
    """A member exactly as named (zipfile.write would clean the name up), optionally a link."""
    info = zipfile.ZipInfo(name)
    if mode is not None:
        info.create_system = 3
        info.external_attr = mode << 16
    archive.writestr(info, data)


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Route:
    """How the server answers one path."""

    data: bytes = b""
    status: int = 200
    honour_range: bool = True
    cut_after: int | None = None  # send this many body bytes, then drop the connection (once)
    stall_after: int | None = None  # send this many body bytes, then wait for `release`
    send_length: bool = True  # False: no Content-Length; the body ends when the connection closes
    trickle: tuple[int, float] | None = None  # (bytes, seconds): send this many, wait, and again
    etag: str = '"mockint-test"'


@dataclass
class SeenRequest:
    path: str
    range: str | None
    if_range: str | None
    status: int = 0
    body_bytes: int = 0


@dataclass
class ModelServer:
    """A real HTTP server on 127.0.0.1 in a background thread."""

    server: ThreadingHTTPServer
    routes: dict[str, Route] = field(default_factory=dict)
    requests: list[SeenRequest] = field(default_factory=list)
    stalled: threading.Event = field(default_factory=threading.Event)  # a stalling route sent its first part
    release: threading.Event = field(default_factory=threading.Event)  # lets a stalled response end

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def serve(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)


_RANGE = re.compile(r"^bytes=(\d+)-$")


def _handler_for(state: ModelServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            seen = SeenRequest(self.path, self.headers.get("Range"), self.headers.get("If-Range"))
            state.requests.append(seen)
            route = state.routes.get(self.path)
            if route is None or route.status != 200:
                seen.status = route.status if route else 404
                self.send_error(seen.status)
                return
            start = 0
            match = _RANGE.match(self.headers.get("Range") or "")
            if match and route.honour_range:
                start = int(match.group(1))
                if start >= len(route.data):
                    seen.status = 416
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(route.data)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            body = route.data[start:]
            seen.status = 206 if start else 200
            self.send_response(seen.status)
            if start:
                self.send_header("Content-Range", f"bytes {start}-{len(route.data) - 1}/{len(route.data)}")
            if route.send_length:
                self.send_header("Content-Length", str(len(body)))
            self.send_header("Content-Type", "application/zip")
            self.send_header("ETag", route.etag)
            self.end_headers()
            if route.cut_after is not None:
                cut, route.cut_after = route.cut_after, None
                self._send(body[:cut], seen)
                self.close_connection = True
                return
            if route.trickle is not None:
                step, pause = route.trickle
                for at in range(0, len(body), step):
                    if state.release.wait(pause):  # the test is over: stop trickling
                        return
                    self._send(body[at : at + step], seen)
                return
            if route.stall_after is not None:
                self._send(body[: route.stall_after], seen)
                state.stalled.set()
                state.release.wait(30)
                return
            self._send(body, seen)

        def _send(self, data: bytes, seen: SeenRequest) -> None:
            try:
                self.wfile.write(data)
                self.wfile.flush()
                seen.body_bytes += len(data)
            except OSError:
                pass  # the client went away (a cancelled download): nothing to tell it

    return Handler


@pytest.fixture
def model_server() -> Iterator[ModelServer]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    httpd.daemon_threads = True
    state = ModelServer(httpd)
    httpd.RequestHandlerClass = _handler_for(state)
    thread = threading.Thread(
        target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="model-test-http", daemon=True
    )
    thread.start()
    try:
        yield state
    finally:
        state.release.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join()


SYMLINK_MODE = stat.S_IFLNK | 0o777


@pytest.fixture
def dirs(tmp_path: Path) -> tuple[Path, Path]:
    """(models_dir, downloads_dir) as a fresh install has them: not created yet."""
    return tmp_path / "home" / "models", tmp_path / "home" / "downloads"


def assert_nothing_installed(models_dir: Path) -> None:
    leftovers = sorted(p.name for p in models_dir.iterdir()) if models_dir.exists() else []
    assert leftovers == [], f"models_dir should be empty, holds {leftovers}"
