"""The Mirror page in the sidebar: answer in front of your camera (or a voice mirror), with calm cues
and an instant replay (mockint/ui/mirror)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mockint.ui.context import AppContext

PAGE_KEY = "mirror"
PAGE_TITLE = "Mirror"
PAGE_ICON = "mirror"  # assets/icons/mirror.svg
PAGE_ORDER = 16  # after Friend


def create_page(context: AppContext) -> QWidget:
    from mockint.ui.mirror.mirror_page import MirrorPage  # built when first shown

    return MirrorPage(context)
