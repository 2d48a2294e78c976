"""What the setup dialog says when getting a model fails: a plain headline and what to do.

The typed error decides the words (never its text); the error's own message, written for the
command line, is kept as the details line because it names the file, the server or the sizes.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from mockint.core.errors import BadInputError, DiskFullError, NoModelError, StorageError, UserFacingError
from mockint.speech.errors import ChecksumMismatchError, DownloadCancelled, DownloadError, UnsafeArchiveError
from mockint.ui.error_dialog import message_for


class Step(Enum):
    """Which step failed: the same error type can mean different things in each."""

    DOWNLOAD = "download"
    INSTALL = "install"  # a folder or zip the user already had
    LOAD = "load"  # installed, then handed to Vosk


@dataclass(frozen=True)
class FailureText:
    headline: str  # what happened, in a sentence
    advice: str  # what to do about it
    details: str  # the error's own message, for the curious and for bug reports


def describe_failure(error: BaseException, step: Step) -> FailureText:
    details = message_for(error)  # also logs errors that are bugs
    if step is Step.LOAD:
        return FailureText(
            "The model is installed, but it could not be loaded.",
            "Retry loading it, or choose another model.",
            details,
        )
    # Subclasses before their bases: the checks below go from specific to general.
    if isinstance(error, DownloadCancelled):
        return FailureText(
            "The download is paused.",
            "What has arrived so far is kept: Resume carries on from there.",
            details,
        )
    if isinstance(error, ChecksumMismatchError):
        return FailureText(
            "The downloaded file failed its checksum check: it is damaged or not the expected file.",
            "It was deleted and nothing was installed. Retry downloads it again.",
            details,
        )
    if isinstance(error, UnsafeArchiveError):
        return FailureText(
            "The model archive tries to put files outside the models folder, so MockInt refused it.",
            "Nothing was installed. Retry, or get the model from its official page.",
            details,
        )
    if isinstance(error, DownloadError):
        return FailureText(
            "The model could not be downloaded: the connection failed or the server did not send it.",
            "Check that this computer is online, then Retry: a download that was cut off carries on where it stopped.",
            details,
        )
    if isinstance(error, DiskFullError):
        return FailureText(
            "There is not enough free disk space for the model.",
            "Free some space on the disk that holds the models folder, then Retry.",
            details,
        )
    if isinstance(error, StorageError):
        return FailureText(
            "MockInt could not write to the models folder.",
            "Check that the folder exists and that you may write to it, then Retry.",
            details,
        )
    if isinstance(error, (NoModelError, BadInputError)):  # an incomplete folder, not a zip, ...
        return FailureText(
            "That is not a speech model MockInt can use.",
            "Choose the folder of a Vosk model, or its zip file.",
            details,
        )
    if isinstance(error, UserFacingError):
        return FailureText("The model could not be set up.", "Retry, or choose another model.", details)
    return FailureText(
        "Something went wrong inside MockInt while setting up the model.", "Retry, or choose another model.", details
    )
