"""The export formats by name, and the one function that renders a session in any of them."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from mockint.core.export.csv_export import session_csv
from mockint.core.export.html import session_html
from mockint.core.export.json_export import session_json
from mockint.core.export.markdown import session_markdown
from mockint.core.session import SessionDetail


class ExportFormat(StrEnum):
    MARKDOWN = "md"
    HTML = "html"
    CSV = "csv"
    JSON = "json"

    @property
    def suffix(self) -> str:
        return f".{self.value}"


_RENDERERS: dict[ExportFormat, Callable[[SessionDetail], str]] = {
    ExportFormat.MARKDOWN: session_markdown,
    ExportFormat.HTML: session_html,
    ExportFormat.CSV: session_csv,
    ExportFormat.JSON: session_json,
}


def render_session(detail: SessionDetail, export_format: ExportFormat | str) -> str:
    return _RENDERERS[ExportFormat(export_format)](detail)
