"""SQLite storage and the recordings folder. No Qt."""
