"""PDF export: Qt's writer on A4 with page numbers, and `mockint export --format pdf` end to end.

The PDFs are read back with Qt's PDF reader (QtPdf, PDFium), which shares no code with the
writer (QPdfWriter), so the text checked here is what any PDF viewer would show. Where a
PySide6 build lacks QtPdf (poppler's pdftotext is not installed either), the checks fall back
to the file's structure: the header, the end marker, and the page count in its page tree.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from mockint.core.errors import StorageError
from mockint.paths import app_paths
from mockint.store import Store
from mockint.ui.pdf_export import write_pdf, write_session_pdf
from tests.conftest import REPO_ROOT
from tests.test_ui_history_support import QUESTION, seed_history

A4_POINTS = (595.3, 841.9)


@dataclass(frozen=True)
class PdfFacts:
    pages: int
    texts: list[str] | None  # each page's text; None without a PDF reader
    size_points: tuple[float, float] | None = None  # of the first page
    title: str | None = None


def read_pdf(path: Path) -> PdfFacts:
    """What a reader finds in the file; asserts it is a complete PDF with at least one page."""
    data = Path(path).read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert len(data) > 1000
    tree = re.search(rb"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)", data) or re.search(rb"/Count\s+(\d+)", data)
    assert tree is not None
    pages = int(tree.group(1))
    assert pages >= 1
    try:
        from PySide6.QtPdf import QPdfDocument
    except ImportError:
        return PdfFacts(pages, None)
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_
    assert document.pageCount() == pages
    size = document.pagePointSize(0)
    return PdfFacts(
        pages,
        [document.getAllText(page).text() for page in range(pages)],
        (size.width(), size.height()),
        document.metaData(QPdfDocument.MetaDataField.Title),
    )


def mockint(*args: str) -> subprocess.CompletedProcess:
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    return subprocess.run(
        [sys.executable, "-m", "mockint", *args], capture_output=True, text=True, cwd=REPO_ROOT, env=env, timeout=120
    )


def assert_one_clean_line(stderr: str) -> None:
    assert len(stderr.strip().splitlines()) == 1, stderr
    assert "Traceback" not in stderr


def test_long_text_flows_over_numbered_a4_pages(qapp, tmp_path):
    paragraphs = "".join(
        f"<p>Paragraph {n}: the answer went on about the migration and its result.</p>" for n in range(150)
    )
    target = tmp_path / "long.pdf"
    pages = write_pdf(f"<html><body><h1>A long report</h1>{paragraphs}</body></html>", target, title="Long report")
    assert pages >= 3
    facts = read_pdf(target)
    assert facts.pages == pages
    if facts.texts is None:
        return
    texts = facts.texts
    assert facts.size_points == pytest.approx(A4_POINTS, abs=1)
    assert facts.title == "Long report"
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of {pages}" in text
        assert "Long report" in text  # the footer's title
    assert "A long report" in texts[0] and "Paragraph 0:" in texts[0]
    assert "Paragraph 149:" in texts[-1]
    # Every paragraph is on some page, once: nothing is cut at a page break.
    everything = "\n".join(texts)
    assert all(everything.count(f"Paragraph {n}:") == 1 for n in range(150))


def test_a_session_pdf_has_its_title_figures_and_answers(qapp, tmp_path):
    seeded = seed_history()
    with Store.open(app_paths()) as store:
        detail = store.session_detail(seeded[1].id)
    target = tmp_path / "session.pdf"
    pages = write_session_pdf(detail, target)
    facts = read_pdf(target)
    assert facts.pages == pages
    if facts.texts is None:
        return
    texts = facts.texts
    text = "\n".join(texts)
    assert f"Practice session {seeded[1].id}: Mirror practice" in text
    assert text.count(QUESTION) == 3
    assert "Fillers per minute" in text and "Transcript" in text
    assert f"MockInt practice session {seeded[1].id}: Practice 9 days ago" in texts[0]  # footer


def test_a_pdf_that_cannot_be_written_is_a_storage_error_and_leaves_nothing(qapp, tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    with pytest.raises(StorageError) as missing:
        write_pdf("<p>hello</p>", tmp_path / "missing" / "x.pdf")
    assert "missing" in missing.value.user_message
    if os.geteuid() != 0:  # root may write anywhere
        folder.chmod(0o500)
        with pytest.raises(StorageError):
            write_pdf("<p>hello</p>", folder / "x.pdf")
        folder.chmod(0o700)
    assert list(folder.iterdir()) == []


def test_cli_writes_a_pdf_end_to_end_without_a_display(qapp, tmp_path):
    seeded = seed_history()
    target = tmp_path / "from-cli.pdf"
    result = mockint("export", str(seeded[0].id), "--format", "pdf", "--output", str(target))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), result.stderr
    facts = read_pdf(target)
    if facts.texts is not None:
        assert f"Practice session {seeded[0].id}: Solo mock interview" in facts.texts[0]
        assert QUESTION in "\n".join(facts.texts)

    latest = mockint("export", "latest", "--format", "pdf", "--output", str(tmp_path / "latest.pdf"))
    assert latest.returncode == 0, latest.stderr
    facts = read_pdf(tmp_path / "latest.pdf")
    if facts.texts is not None:
        assert f"Practice session {seeded[-1].id}:" in facts.texts[0]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--format", "pdf"], 2, "add --output FILE.pdf"),
        (["--format", "pdf", "--output", "{tmp}/no/such/folder/x.pdf"], 2, "could not write"),
    ],
)
def test_cli_pdf_failures_are_one_line(tmp_path, args, code, message):
    seeded = seed_history()
    result = mockint("export", str(seeded[0].id), *[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == code
    assert result.stdout == ""
    assert_one_clean_line(result.stderr)
    assert message in result.stderr


def test_cli_pdf_of_an_unknown_session_is_one_line(tmp_path):
    seed_history()
    result = mockint("export", "99", "--format", "pdf", "--output", str(tmp_path / "x.pdf"))
    assert result.returncode == 2
    assert_one_clean_line(result.stderr)
    assert "there is no practice session 99" in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_the_renderer_module_reports_its_own_failures_as_one_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "mockint.ui.pdf_export_main", "3", str(tmp_path / "x.pdf")],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert done.returncode == 2
    assert done.stderr.strip() == "mockint: there is no practice session 3; `mockint history` lists them"
    usage = subprocess.run(
        [sys.executable, "-m", "mockint.ui.pdf_export_main"], capture_output=True, text=True, cwd=REPO_ROOT, timeout=120
    )
    assert usage.returncode == 2 and usage.stderr.startswith("mockint: usage:")
