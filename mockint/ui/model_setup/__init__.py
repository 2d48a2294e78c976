"""Getting a speech model from the GUI: the first-run dialog, its download and install workers."""
