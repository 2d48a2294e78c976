"""The recordings "Import a recording…" offers, by name (the reader decides by the file's content).

Its own module, with nothing imported: the file dialog needs the list at a click, and the
import itself (app/import_recording.py) brings numpy, soundfile and Vosk.
"""

from __future__ import annotations

IMPORTABLE_SUFFIXES = (".wav", ".flac", ".ogg", ".oga", ".opus", ".mp3")
