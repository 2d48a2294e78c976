"""The Review page's own look (figure tiles, tabs, the question), on top of the app's style sheet."""

from __future__ import annotations

from mockint.ui.theme import Theme


def review_style(theme: Theme) -> str:
    c = theme.color
    return f"""
#statTile {{ background: {c("surface")}; border: 1px solid {c("border")}; border-radius: 10px; }}
#statCaption {{ color: {c("muted")}; font-size: 10px; font-weight: 600; letter-spacing: 0.6px; }}
#statValue {{ font-size: 20px; font-weight: 600; color: {c("text")}; }}
#statNote {{ font-size: 11px; }}
#reviewQuestion {{ font-size: 17px; font-weight: 600; color: {c("text")}; }}
#reviewMeta {{ color: {c("muted")}; }}
QPushButton#primary:disabled {{ background: {c("hover")}; color: {c("faint")}; border: 1px solid {c("border")}; }}
#emptyTitle {{ font-size: 16px; font-weight: 600; color: {c("text")}; }}
#transcript {{ background: transparent; }}
QTabWidget::pane {{ border: none; border-top: 1px solid {c("border")}; top: -1px; }}
QTabBar {{ qproperty-drawBase: 0; }}
QTabBar::tab {{
    background: transparent; color: {c("muted")}; border: none; border-bottom: 2px solid transparent;
    padding: 7px 2px; margin-right: 22px; font-weight: 600;
}}
QTabBar::tab:hover {{ color: {c("text")}; }}
QTabBar::tab:selected {{ color: {c("accent_strong")}; border-bottom: 2px solid {c("accent")}; }}
QTabBar::tab:focus {{ color: {c("accent_strong")}; }}
"""
