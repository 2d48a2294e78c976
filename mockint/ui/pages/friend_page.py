"""The Friend page in the sidebar: a friend plays the interviewer (mockint/ui/friend)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mockint.ui.context import AppContext

PAGE_KEY = "friend"
PAGE_TITLE = "Friend"
PAGE_ICON = "friend"  # assets/icons/friend.svg
PAGE_ORDER = 15  # after the sidebar's five pages, before other modes


def create_page(context: AppContext) -> QWidget:
    from mockint.ui.friend.friend_page import FriendPage  # built when first shown

    return FriendPage(context)
