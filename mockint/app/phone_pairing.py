"""Who may use the phone console: a one-time pairing code, then one session token, and rate limits.

Qt-free and thread-safe (the HTTP server answers from its own thread, the WebSocket server from
the GUI thread). The code is 96 random bits, used once, and expires 10 minutes after it was made
if nobody paired; the device that pairs gets a token (256 random bits) for its cookie, and every
request after that is checked against that token alone. Clocks are passed in so tests can age a
code without waiting.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from mockint.core.errors import BadInputError

CODE_BYTES = 12  # 96 bits: well over the 64 the pairing needs
TOKEN_BYTES = 32
CODE_LIFETIME_S = 600.0  # ten minutes unpaired
COOKIE_NAME = "mockint_phone"


class Refusal(StrEnum):
    """Why a request was refused; the window tells the user which."""

    WRONG_CODE = "wrong_code"  # a code that is not this pairing's
    EXPIRED = "expired"  # the code was not used within ten minutes
    SECOND_DEVICE = "second_device"  # a device other than the paired one
    NOT_PAIRED = "not_paired"  # no code and no token: someone opened the bare address


REFUSAL_WORDS = {
    Refusal.WRONG_CODE: "A device tried a wrong pairing code.",
    Refusal.EXPIRED: "A device tried an expired pairing code; make a new one.",
    Refusal.SECOND_DEVICE: "A second device tried to open the phone console and was refused.",
    Refusal.NOT_PAIRED: "A device opened the address without the pairing code and was refused.",
}


class PairingRefused(BadInputError):
    def __init__(self, reason: Refusal) -> None:
        super().__init__(REFUSAL_WORDS[reason])
        self.reason = reason


class Pairing:
    """One pairing: a code until a device uses it, then that device's token."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._code: str | None = None
        self._made_at = 0.0
        self._token: str | None = None
        self.new_code()

    def new_code(self) -> str:
        """A fresh code (the old one stops working); only before a device has paired."""
        with self._lock:
            self._code = secrets.token_urlsafe(CODE_BYTES)
            self._made_at = self._clock()
            return self._code

    @property
    def code(self) -> str | None:
        """The code to show, None once used or expired."""
        with self._lock:
            if self._code is not None and self._expired():
                self._code = None
            return self._code

    @property
    def is_paired(self) -> bool:
        with self._lock:
            return self._token is not None

    @property
    def seconds_left(self) -> float:
        with self._lock:
            return max(0.0, CODE_LIFETIME_S - (self._clock() - self._made_at)) if self._code else 0.0

    def _expired(self) -> bool:
        return self._clock() - self._made_at >= CODE_LIFETIME_S

    def pair(self, code: str) -> str:
        """The token for the device that brought the right code; PairingRefused otherwise."""
        with self._lock:
            if self._token is not None:
                raise PairingRefused(Refusal.SECOND_DEVICE)
            if self._code is None:
                raise PairingRefused(Refusal.EXPIRED)
            if not hmac.compare_digest(code.encode(), self._code.encode()):
                raise PairingRefused(Refusal.WRONG_CODE)
            if self._expired():
                self._code = None
                raise PairingRefused(Refusal.EXPIRED)
            self._code = None  # single use
            self._token = secrets.token_urlsafe(TOKEN_BYTES)
            return self._token

    def check(self, token: str | None) -> None:
        """Passes for the paired device's token; PairingRefused for anything else."""
        with self._lock:
            if self._token is None:
                raise PairingRefused(Refusal.NOT_PAIRED)
            if token is None or not hmac.compare_digest(token.encode(), self._token.encode()):
                raise PairingRefused(Refusal.SECOND_DEVICE)

    def is_valid(self, token: str | None) -> bool:
        try:
            self.check(token)
        except PairingRefused:
            return False
        return True


def token_from_cookie_header(header: str | None) -> str | None:
    """The phone console's token from a Cookie header (None when absent or malformed)."""
    if not header:
        return None
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name == COOKIE_NAME and value:
            return value
    return None


def session_cookie(token: str) -> str:
    """The Set-Cookie value: not readable by scripts, never sent from another site's page."""
    return f"{COOKIE_NAME}={token}; HttpOnly; SameSite=Strict; Path=/"


@dataclass
class _Bucket:
    tokens: float
    at: float


@dataclass
class RateLimiter:
    """A token bucket per client: `rate` events a second on average, bursts up to `burst`."""

    rate: float
    burst: float
    clock: Callable[[], float] = time.monotonic
    max_clients: int = 256  # a flood of addresses cannot grow this without bound
    _buckets: dict[str, _Bucket] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, client: str) -> bool:
        now = self.clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= self.max_clients:
                    self._buckets.clear()
                bucket = self._buckets[client] = _Bucket(self.burst, now)
            bucket.tokens = min(self.burst, bucket.tokens + (now - bucket.at) * self.rate)
            bucket.at = now
            if bucket.tokens < 1.0:
                return False
            bucket.tokens -= 1.0
            return True
