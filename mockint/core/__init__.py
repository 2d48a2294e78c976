"""Pure-Python domain: decks, transcripts, analysis, coaching, sessions.

No Qt, no audio, no I/O beyond parsing text handed in by callers.
"""
