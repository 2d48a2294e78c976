"""Practice sessions as Markdown, HTML, CSV and JSON: pure functions from a SessionDetail to text."""
