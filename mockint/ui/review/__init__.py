"""The widgets of the Review page: pick an answer, read and hear it, see its figures, compare attempts."""
