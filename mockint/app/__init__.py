"""The application layer: a practice session and an answer, for every mode, without Qt.

`mockint/ui/` calls this layer through thin workers; the command line may call it directly.
See docs/architecture.md for the API a practice mode uses and how a new mode plugs in.
"""
