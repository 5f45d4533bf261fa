"""Minutes as a document: PDF (reportlab) and DOCX (python-docx).

Both are built from one outline written in the table's language. The body's
plain-text conventions (see drafting.py) become headings, bullet lists and
paragraphs; errata follow the adopted text, which is never altered.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tablee.minutes.models import Minutes, MinutesStatus

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


@dataclass
class Block:
    kind: str  # "h1", "h2", "bullet", "para"
    text: str


@dataclass
class Outline:
    title: str
    table_name: str
    status_line: str
    blocks: list[Block] = field(default_factory=list)
    errata_title: str = ""
    errata: list[str] = field(default_factory=list)
    footer: str = ""
    page_label: str = ""


def parse_body(body: str) -> list[Block]:
    """Turn the plain-text conventions into blocks (setext headings, "- " bullets)."""
    lines = body.replace("\r\n", "\n").split("\n")
    blocks: list[Block] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            # Line breaks are kept: minutes typed in a text box are not hard-wrapped,
            # and short lines (date, place) must stay on their own line.
            blocks.append(Block("para", "\n".join(part.strip() for part in paragraph)))
            paragraph.clear()

    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        following = lines[index + 1].strip() if index + 1 < len(lines) else ""
        if line.strip() and len(following) >= 3 and set(following) in ({"="}, {"-"}):
            flush()
            blocks.append(Block("h1" if following[0] == "=" else "h2", line.strip()))
            index += 2
            continue
        if line.lstrip().startswith("- "):
            flush()
            blocks.append(Block("bullet", line.lstrip()[2:].strip()))
        elif not line.strip():
            flush()
        else:
            paragraph.append(line)
        index += 1
    flush()
    return blocks


def filename(*, minutes: Minutes, fmt: str) -> str:
    meeting = minutes.meeting
    day = timezone.localtime(meeting.starts_at).date().isoformat() if meeting.starts_at else ""
    suffix = "" if minutes.status == MinutesStatus.ADOPTED else "-draft"
    stem = "-".join(part for part in (slugify(minutes.table.slug), "minutes", day) if part)
    return f"{stem}{suffix}.{fmt}"


def outline(*, minutes: Minutes, errata) -> Outline:
    table = minutes.table
    with translation.override(table.language):
        if minutes.status == MinutesStatus.ADOPTED:
            decision = minutes.adopted_by_decision
            status_line = _("Adopted on %(date)s by decision #%(number)s.") % {
                "date": timezone.localtime(minutes.adopted_at).date().isoformat(),
                "number": decision.number if decision else "?",
            }
        elif minutes.status == MinutesStatus.CIRCULATED:
            status_line = _("Draft circulated for comments — not adopted yet.")
        else:
            status_line = _("Draft — not adopted yet.")
        blocks = parse_body(minutes.body)
        # The first heading of a generated draft repeats the title: keep one.
        if blocks and blocks[0].kind == "h1":
            title = blocks.pop(0).text
        else:
            title = _("Minutes — %(meeting)s") % {"meeting": minutes.meeting.title}
        errata_lines = [
            _("%(date)s — %(text)s")
            % {
                "date": timezone.localtime(item.created_at).date().isoformat(),
                "text": item.text,
            }
            + (
                " " + _("(decision #%(number)s)") % {"number": item.decision.number}
                if item.decision_id
                else ""
            )
            for item in errata
        ]
        return Outline(
            title=title,
            table_name=table.name,
            status_line=status_line,
            blocks=blocks,
            errata_title=_("Errata"),
            errata=errata_lines,
            footer=f"{table.name} — {minutes.meeting.title}",
            page_label=_("Page"),
        )


def build(*, minutes: Minutes, errata, fmt: str) -> bytes:
    doc = outline(minutes=minutes, errata=errata)
    if fmt == "pdf":
        return build_pdf(doc)
    if fmt == "docx":
        return build_docx(doc)
    raise ValueError(f"unknown export format {fmt!r}")


# --- PDF -------------------------------------------------------------------

_FONT_CANDIDATES = (
    (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ),
    (
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    ),
)
_fonts: tuple[str, str] | None = None


def _pdf_fonts() -> tuple[str, str]:
    """Register a Unicode TrueType font once (Helvetica lacks curly quotes, dashes)."""
    global _fonts
    if _fonts is not None:
        return _fonts
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(reportlab.__file__).parent / "fonts"
    for regular, bold in (*_FONT_CANDIDATES, (str(vera / "Vera.ttf"), str(vera / "VeraBd.ttf"))):
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("MinutesSans", regular))
            pdfmetrics.registerFont(TTFont("MinutesSans-Bold", bold))
            _fonts = ("MinutesSans", "MinutesSans-Bold")
            return _fonts
    _fonts = ("Helvetica", "Helvetica-Bold")  # pragma: no cover
    return _fonts


def build_pdf(doc: Outline) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        HRFlowable,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
    )

    regular, bold = _pdf_fonts()
    ink = colors.HexColor("#1f2933")
    accent = colors.HexColor("#1d4e89")
    base = ParagraphStyle("base", fontName=regular, fontSize=10.5, leading=14.5, textColor=ink)
    styles = {
        "table": ParagraphStyle("table", parent=base, fontSize=10, textColor=accent),
        "title": ParagraphStyle(
            "title", parent=base, fontName=bold, fontSize=18, leading=23, spaceAfter=4
        ),
        "status": ParagraphStyle("status", parent=base, textColor=colors.HexColor("#52606d")),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=bold,
            fontSize=13.5,
            leading=18,
            spaceBefore=12,
            spaceAfter=4,
            textColor=accent,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=bold,
            fontSize=11.5,
            leading=15,
            spaceBefore=8,
            spaceAfter=3,
        ),
        "para": ParagraphStyle("para", parent=base, spaceAfter=6),
        "bullet": ParagraphStyle("bullet", parent=base, spaceAfter=1),
    }
    story: list = [
        Paragraph(escape(doc.table_name), styles["table"]),
        Paragraph(escape(doc.title), styles["title"]),
        Paragraph(escape(doc.status_line), styles["status"]),
        Spacer(1, 4),
        HRFlowable(width="100%", thickness=0.8, color=accent, spaceAfter=6),
    ]
    bullets: list = []

    def flush_bullets() -> None:
        if bullets:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(escape(text), styles["bullet"])) for text in bullets],
                    bulletType="bullet",
                    start="•",
                    leftIndent=14,
                    bulletFontName=regular,
                    spaceAfter=6,
                )
            )
            bullets.clear()

    for block in doc.blocks:
        if block.kind == "bullet":
            bullets.append(block.text)
            continue
        flush_bullets()
        story.append(Paragraph(escape(block.text).replace("\n", "<br/>"), styles[block.kind]))
    flush_bullets()
    if doc.errata:
        story.append(Paragraph(escape(doc.errata_title), styles["h1"]))
        bullets.extend(doc.errata)
        flush_bullets()

    def on_page(canvas, document) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(document.leftMargin, 1.2 * cm, doc.footer[:110])
        canvas.drawRightString(
            LETTER[0] - document.rightMargin,
            1.2 * cm,
            f"{doc.page_label} {canvas.getPageNumber()}",
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2.2 * cm,
        title=doc.title,
        author=doc.table_name,
    ).build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- DOCX ------------------------------------------------------------------


def build_docx(doc: Outline) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    document = Document()
    document.core_properties.title = doc.title
    document.core_properties.author = doc.table_name
    normal = document.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    table_line = document.add_paragraph()
    run = table_line.add_run(doc.table_name)
    run.font.color.rgb = RGBColor(0x1D, 0x4E, 0x89)
    document.add_heading(doc.title, level=0)
    status = document.add_paragraph()
    status.add_run(doc.status_line).italic = True
    for block in doc.blocks:
        if block.kind == "h1":
            document.add_heading(block.text, level=1)
        elif block.kind == "h2":
            document.add_heading(block.text, level=2)
        elif block.kind == "bullet":
            document.add_paragraph(block.text, style="List Bullet")
        else:
            document.add_paragraph(block.text)
    if doc.errata:
        document.add_heading(doc.errata_title, level=1)
        for text in doc.errata:
            document.add_paragraph(text, style="List Bullet")
    footer = document.sections[0].footer.paragraphs[0]
    footer.text = doc.footer
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
