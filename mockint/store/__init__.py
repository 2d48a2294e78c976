"""SQLite storage and the recordings folder. No Qt.

`Store.open(app_paths())` is the way in; see `mockint.store.app_store`.

`Store` is imported when first asked for: its modules pull in the session and analysis types,
and importing a light part of the package (`mockint.store.errors`, as the window's instance
lock does before the window shows) must not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockint.store.app_store import Store

__all__ = ["Store"]


def __getattr__(name: str) -> object:
    if name != "Store":
        raise AttributeError(f"module 'mockint.store' has no attribute {name!r}")
    from mockint.store.app_store import Store

    return Store
