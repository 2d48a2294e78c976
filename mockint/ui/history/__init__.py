"""The History page's parts: the table of sessions, the trend charts, and exporting a session."""
