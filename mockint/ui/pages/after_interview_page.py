"""The "After an interview" page in the sidebar (mockint/ui/after_interview)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mockint.ui.context import AppContext

PAGE_KEY = "after_interview"
PAGE_TITLE = "After an interview"
PAGE_ICON = "after_interview"  # assets/icons/after_interview.svg
PAGE_ORDER = 20  # after Friend: the other thing a person does around a real interview


def create_page(context: AppContext) -> QWidget:
    from mockint.ui.after_interview.page import AfterInterviewPage  # built when first shown

    return AfterInterviewPage(context)
