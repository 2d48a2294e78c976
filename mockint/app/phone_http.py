"""The phone console's web server: four routes, the page from package data, every request checked.

Qt's QHttpServer cannot set response headers from Python (PySide6 cannot return a
QHttpServerResponse from a route), so the HTTP side is the standard library's threading server,
in its own thread: the GUI thread never waits on it. The WebSocket that carries the state is
Qt's (ui/phone/phone_server.py). Routes:

- `GET /pair?code=...`: the QR code's link. The right code (once, within ten minutes) sets the
  session cookie and redirects to `/`; anything else is 403.
- `GET /`, `/phone.css`, `/phone.js`: the page, only for the paired device's cookie.

Everything else is 404 or 405; a body, a long URL or a flood of requests is refused (413, 414,
429); the Host header must be one of the server's own addresses (no DNS rebinding). Files are
read once from package data at start: nothing is ever served from the file system, and no route
reaches recordings, transcripts or reports.
"""

from __future__ import annotations

import ipaddress
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from urllib.parse import parse_qs, urlsplit

from mockint.app.phone_pairing import (
    Pairing,
    PairingRefused,
    RateLimiter,
    Refusal,
    session_cookie,
    token_from_cookie_header,
)

log = logging.getLogger(__name__)

PAGE_PACKAGE = "mockint.phone_page"
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/phone.css": ("phone.css", "text/css; charset=utf-8"),
    "/phone.js": ("phone.js", "text/javascript; charset=utf-8"),
}
MAX_URL_CHARS = 512
REQUESTS_PER_S, REQUEST_BURST = 10.0, 30.0
SOCKET_TIMEOUT_S = 10.0  # a client that sends half a request is dropped


def content_security_policy(ws_url: str) -> str:
    """Only this server's own files, and the WebSocket; no inline script, no frames, no forms."""
    return (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        f"connect-src {ws_url}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )


def choose_local_address(candidates: Iterable[str]) -> str:
    """The computer's address on the local network (a private IPv4 one), else the loopback."""
    usable = []
    for text in candidates:
        try:
            address = ipaddress.ip_address(text.split("%")[0])
        except ValueError:
            continue
        if address.version == 4 and not address.is_loopback and (address.is_private or address.is_link_local):
            usable.append(address)
    usable.sort(key=lambda a: (a.is_link_local, int(a)))  # a real network before a link-local one
    return str(usable[0]) if usable else "127.0.0.1"


@dataclass(frozen=True)
class PageFiles:
    """The page's three files, read once from package data."""

    files: dict[str, tuple[bytes, str]]

    @classmethod
    def load(cls) -> PageFiles:
        folder = resources.files(PAGE_PACKAGE)
        return cls({route: (folder.joinpath(name).read_bytes(), mime) for route, (name, mime) in ASSETS.items()})


class PhoneHttpServer:
    """Serves the page to the paired device; `on_refused(reason)` and `on_paired()` are called
    from the server's thread (the Qt side turns them into signals)."""

    def __init__(
        self,
        pairing: Pairing,
        host: str,
        *,
        ws_port: Callable[[], int],
        allowed_hosts: Iterable[str],
        on_refused: Callable[[Refusal], None],
        on_paired: Callable[[], None],
        port: int = 0,
    ) -> None:
        self.pairing = pairing
        self.files = PageFiles.load()
        self.limiter = RateLimiter(REQUESTS_PER_S, REQUEST_BURST)
        self._ws_port = ws_port
        self._allowed_hosts = set(allowed_hosts)
        self._on_refused, self._on_paired = on_refused, on_paired
        self._server = ThreadingHTTPServer((host, port), _handler_for(self))
        self._server.daemon_threads = True
        self.port = int(self._server.server_address[1])
        self._stopper: threading.Thread | None = None
        self._thread = threading.Thread(target=self._serve, name="phone-http", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.1)

    def stop(self) -> None:
        """Stops listening without making the caller wait: the loop ends in its own thread."""
        server = self._server

        def shut_down() -> None:
            server.shutdown()
            server.server_close()

        self._stopper = threading.Thread(target=shut_down, name="phone-http-stop", daemon=True)
        self._stopper.start()

    def join(self, timeout: float = 5.0) -> None:
        """Waits until the port is closed (tests; the window never waits for this)."""
        self._thread.join(timeout)
        if self._stopper is not None:
            self._stopper.join(timeout)

    @property
    def bound_address(self) -> str:
        return str(self._server.server_address[0])

    @property
    def is_running(self) -> bool:
        return self._thread.is_alive() or (self._stopper is not None and self._stopper.is_alive())

    def host_allowed(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        host, _, port = host_header.rpartition(":")
        return port == str(self.port) and host.strip("[]") in self._allowed_hosts

    @property
    def ws_port(self) -> int:
        return self._ws_port()

    def ws_url(self, host_header: str) -> str:
        host = host_header.rpartition(":")[0]
        return f"ws://{host}:{self._ws_port()}"

    def refused(self, reason: Refusal) -> None:
        try:
            self._on_refused(reason)
        except Exception:  # the window's reaction must never break the server
            log.exception("reporting a refused phone request failed")

    def paired(self) -> None:
        try:
            self._on_paired()
        except Exception:
            log.exception("reporting the phone's pairing failed")


REFUSED_PAGE = (
    "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>"
    "<title>MockInt</title><p>{message}</p>"
)


def _handler_for(server: PhoneHttpServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = SOCKET_TIMEOUT_S
        server_version = "MockInt"
        sys_version = ""
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's name
            log.debug("phone http: " + format, *args)

        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self._answer(head=False)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(head=True)

        def _refuse_method(self) -> None:
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, b"", extra={"Allow": "GET, HEAD"})

        do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method  # noqa: N815

        def _answer(self, *, head: bool) -> None:
            client = self.client_address[0]
            if not server.limiter.allow(client):
                self._send(HTTPStatus.TOO_MANY_REQUESTS, b"Too many requests.", extra={"Retry-After": "1"})
                return
            if self.headers.get("Content-Length", "0") != "0" or "Transfer-Encoding" in self.headers:
                self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, b"Requests carry no body.")
                return
            if len(self.path) > MAX_URL_CHARS:
                self._send(HTTPStatus.REQUEST_URI_TOO_LONG, b"The address is too long.")
                return
            host = self.headers.get("Host")
            if not server.host_allowed(host):
                self._send(HTTPStatus.MISDIRECTED_REQUEST, b"Unknown host.")
                return
            url = urlsplit(self.path)
            if url.path == "/pair":
                self._pair(url.query)
                return
            asset = server.files.files.get(url.path)
            if asset is None:
                self._send(HTTPStatus.NOT_FOUND, b"Not found.")
                return
            try:
                server.pairing.check(token_from_cookie_header(self.headers.get("Cookie")))
            except PairingRefused as refusal:
                server.refused(refusal.reason)
                self._refusal_page(refusal)
                return
            body, mime = asset
            if url.path == "/":  # the page learns the WebSocket's port from a meta tag
                body = body.replace(b"__WS_PORT__", str(server.ws_port).encode())
            self._send(HTTPStatus.OK, body, mime=mime, head=head, host=host)

        def _pair(self, query: str) -> None:
            codes = parse_qs(query, max_num_fields=2).get("code", [])
            try:
                if len(codes) != 1:
                    raise PairingRefused(Refusal.WRONG_CODE)
                token = server.pairing.pair(codes[0])
            except PairingRefused as refusal:
                server.refused(refusal.reason)
                self._refusal_page(refusal)
                return
            server.paired()
            self._send(HTTPStatus.SEE_OTHER, b"", extra={"Location": "/", "Set-Cookie": session_cookie(token)})

        def _refusal_page(self, refusal: PairingRefused) -> None:
            words = {
                Refusal.WRONG_CODE: "This pairing code is wrong. Scan the QR code on the computer again.",
                Refusal.EXPIRED: "This pairing code has expired or was used. Make a new one on the computer.",
                Refusal.SECOND_DEVICE: "Another device is already the interviewer's console.",
                Refusal.NOT_PAIRED: "Scan the QR code on the computer to open the console.",
            }[refusal.reason]
            self._send(
                HTTPStatus.FORBIDDEN, REFUSED_PAGE.format(message=words).encode(), mime="text/html; charset=utf-8"
            )

        def _send(
            self,
            status: HTTPStatus,
            body: bytes,
            *,
            mime: str = "text/plain; charset=utf-8",
            head: bool = False,
            host: str | None = None,
            extra: dict[str, str] | None = None,
        ) -> None:
            self.send_response(status)
            headers = {
                "Content-Type": mime,
                "Content-Length": str(len(body)),
                "Content-Security-Policy": content_security_policy(server.ws_url(host) if host else "'none'"),
                "X-Content-Type-Options": "nosniff",
                "X-Frame-Options": "DENY",
                "Referrer-Policy": "no-referrer",
                "Cache-Control": "no-store",
                "Cross-Origin-Opener-Policy": "same-origin",
                "Cross-Origin-Resource-Policy": "same-origin",
                "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
                **(extra or {}),
            }
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not head and body:
                self.wfile.write(body)

    return Handler
