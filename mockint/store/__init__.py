"""SQLite storage and the recordings folder. No Qt.

`Store.open(app_paths())` is the way in; see `mockint.store.app_store`.
"""

from mockint.store.app_store import Store

__all__ = ["Store"]
