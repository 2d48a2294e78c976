"""PySide6 widgets, windows and Qt workers. The only layer that may import Qt."""
