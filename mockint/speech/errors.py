"""Typed errors of the speech layer, each with a message written for the user."""

from __future__ import annotations

from mockint.core.cancel import Cancelled
from mockint.core.errors import BadInputError, NoModelError, UserFacingError


class AudioError(UserFacingError):
    """Audio capture or playback cannot go on."""


class NoMicrophoneError(AudioError):
    """There is no input device, or the chosen one cannot be opened."""


class DeviceLostError(AudioError):
    """The device went away mid-answer; what was captured before is kept."""


class UnreadableAudioError(BadInputError):
    """An audio file that cannot be decoded (not audio, damaged, or an unsupported format)."""


class NoSpeechEngineError(UserFacingError):
    """No text-to-speech engine works here; the message says what to install."""


class BrokenModelError(NoModelError):
    """A model folder is incomplete or damaged; the message names the command that fixes it."""


class UnreadableModelError(BrokenModelError):
    """A model folder this user may not read: the folder given is bad input (its permissions),
    not a missing model, so the command line exits 2 rather than 3."""

    exit_code = 2


class DownloadError(UserFacingError):
    """A model download failed; nothing half-done was installed."""


class DownloadCancelled(DownloadError, Cancelled):
    """The user cancelled; the partial file is kept so a later download resumes."""


class ChecksumMismatchError(DownloadError):
    """The downloaded file is not the one expected (size or SHA-256 differ)."""


class UnsafeArchiveError(DownloadError):
    """The archive tries to write outside its folder (zip slip, absolute paths or links)."""
