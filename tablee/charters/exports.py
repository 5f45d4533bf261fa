"""The charter as a document: PDF (reportlab) and DOCX (python-docx).

Both formats are built from the same outline, written in the table's
language whatever the reader's, since the document is the table's own.
Used by the export pages and by `tablee export-charter`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from django.utils import formats, timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tablee.charters import selectors
from tablee.charters.models import CharterVersion

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
FORMATS = tuple(CONTENT_TYPES)


@dataclass
class Outline:
    """Everything the document says, already translated."""

    title: str
    table_name: str
    status_line: str
    is_draft: bool
    draft_notice: str
    note: str
    families: list[dict] = field(default_factory=list)  # {"title", "questions": [(q, a)]}
    lists: list[tuple[str, list[str]]] = field(default_factory=list)
    accountabilities_title: str = ""
    accountabilities_header: tuple[str, str] = ("", "")
    accountabilities: list[tuple[str, str]] = field(default_factory=list)
    structured_title: str = ""
    no_answer: str = ""
    empty_list: str = ""
    page_label: str = ""


def filename(*, version: CharterVersion, fmt: str) -> str:
    """Return a safe file name such as `quartier-demo-charter-v2-draft.pdf`."""
    suffix = "-draft" if not version.is_adopted else ""
    return f"{slugify(version.table.slug)}-charter-v{version.number}{suffix}.{fmt}"


def outline(*, version: CharterVersion) -> Outline:
    """Gather the texts of `version` in the table's language."""
    table = version.table
    with translation.override(table.language):
        if version.is_adopted and version.adopted_at:
            adopted = formats.date_format(timezone.localtime(version.adopted_at), "DATE_FORMAT")
            status_line = _("Version %(number)s — adopted on %(date)s") % {
                "number": version.number,
                "date": adopted,
            }
        else:
            status_line = _("Version %(number)s — draft, not adopted") % {"number": version.number}
        result = Outline(
            title=_("Charter of the table"),
            table_name=table.name,
            status_line=status_line,
            is_draft=not version.is_adopted,
            draft_notice=_("DRAFT — this text is still under discussion."),
            note=version.adoption_note,
            no_answer=_("(no answer yet)"),
            empty_list=_("(none)"),
            structured_title=_("Structured choices"),
            page_label=_("Page"),
        )
        for section in selectors.charter_sections(version=version):
            result.families.append(
                {
                    "title": str(section["family"].title),
                    "questions": [
                        (str(item["question"].title), item["text"]) for item in section["items"]
                    ],
                }
            )
        structured = selectors.charter_structured(version=version)
        result.lists = [
            (_("Roles of the table"), structured.table_roles),
            (_("Fixed, non-negotiable"), structured.non_negotiables),
            (_("To be co-constructed"), structured.co_constructed),
            (_("Sectors needed"), structured.needed_sectors),
            (_("Types of actors needed"), structured.needed_actor_types),
        ]
        result.accountabilities_title = _("Who answers for what")
        result.accountabilities_header = (_("Action"), _("Accountable"))
        result.accountabilities = [
            (item["what"], item["who"]) for item in structured.accountabilities
        ]
    return result


def build(*, version: CharterVersion, fmt: str) -> bytes:
    if fmt == "pdf":
        return build_pdf(version=version)
    if fmt == "docx":
        return build_docx(version=version)
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
    """Register a Unicode TrueType font once; fall back to reportlab's own.

    Helvetica (the PDF standard font) lacks typographic characters such as
    the curly apostrophe; DejaVu or Liberation have them, and reportlab
    ships Bitstream Vera as a last resort.
    """
    global _fonts
    if _fonts is not None:
        return _fonts
    import reportlab
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    vera = Path(reportlab.__file__).parent / "fonts"
    candidates = [*_FONT_CANDIDATES, (str(vera / "Vera.ttf"), str(vera / "VeraBd.ttf"))]
    for regular, bold in candidates:
        if Path(regular).exists() and Path(bold).exists():
            pdfmetrics.registerFont(TTFont("CharterSans", regular))
            pdfmetrics.registerFont(TTFont("CharterSans-Bold", bold))
            _fonts = ("CharterSans", "CharterSans-Bold")
            return _fonts
    _fonts = ("Helvetica", "Helvetica-Bold")  # pragma: no cover - reportlab ships Vera
    return _fonts


def _para(text: str) -> str:
    return escape(text).replace("\n", "<br/>")


def build_pdf(*, version: CharterVersion) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        KeepTogether,
        ListFlowable,
        ListItem,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    doc_outline = outline(version=version)
    regular, bold = _pdf_fonts()
    ink = colors.HexColor("#1c2427")
    accent = colors.HexColor("#1f5f5b")
    styles = {
        "title": ParagraphStyle(
            "title", fontName=bold, fontSize=22, leading=27, textColor=accent, spaceAfter=6
        ),
        "table": ParagraphStyle("table", fontName=bold, fontSize=15, leading=19, textColor=ink),
        "meta": ParagraphStyle(
            "meta", fontName=regular, fontSize=11, leading=15, textColor=ink, spaceAfter=4
        ),
        "draft": ParagraphStyle(
            "draft",
            fontName=bold,
            fontSize=12,
            leading=16,
            textColor=colors.HexColor("#a3261c"),
            borderColor=colors.HexColor("#a3261c"),
            borderWidth=1,
            borderPadding=6,
            spaceBefore=8,
            spaceAfter=8,
        ),
        "h1": ParagraphStyle(
            "h1",
            fontName=bold,
            fontSize=15,
            leading=19,
            textColor=accent,
            spaceBefore=16,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", fontName=bold, fontSize=11.5, leading=15, textColor=ink, spaceBefore=8
        ),
        "body": ParagraphStyle(
            "body", fontName=regular, fontSize=10.5, leading=15, textColor=ink, spaceAfter=4
        ),
        "muted": ParagraphStyle(
            "muted", fontName=regular, fontSize=10.5, leading=15, textColor=colors.grey
        ),
    }
    story: list = [
        Paragraph(_para(doc_outline.title), styles["title"]),
        Paragraph(_para(doc_outline.table_name), styles["table"]),
        Spacer(1, 4),
        Paragraph(_para(doc_outline.status_line), styles["meta"]),
    ]
    if doc_outline.note:
        story.append(Paragraph(_para(doc_outline.note), styles["meta"]))
    if doc_outline.is_draft:
        story.append(Paragraph(_para(doc_outline.draft_notice), styles["draft"]))
    for family in doc_outline.families:
        story.append(Paragraph(_para(family["title"]), styles["h1"]))
        for question, answer in family["questions"]:
            body = (
                Paragraph(_para(answer), styles["body"])
                if answer.strip()
                else Paragraph(_para(doc_outline.no_answer), styles["muted"])
            )
            story.append(KeepTogether([Paragraph(_para(question), styles["h2"]), body]))
    story.append(Paragraph(_para(doc_outline.structured_title), styles["h1"]))
    for title, items in doc_outline.lists:
        story.append(Paragraph(_para(title), styles["h2"]))
        if items:
            story.append(
                ListFlowable(
                    [ListItem(Paragraph(_para(item), styles["body"])) for item in items],
                    bulletType="bullet",
                    bulletFontName=regular,
                    leftIndent=14,
                )
            )
        else:
            story.append(Paragraph(_para(doc_outline.empty_list), styles["muted"]))
    story.append(Paragraph(_para(doc_outline.accountabilities_title), styles["h2"]))
    if doc_outline.accountabilities:
        header = [Paragraph(_para(h), styles["h2"]) for h in doc_outline.accountabilities_header]
        rows = [
            [Paragraph(_para(what), styles["body"]), Paragraph(_para(who), styles["body"])]
            for what, who in doc_outline.accountabilities
        ]
        grid = Table([header, *rows], colWidths=[10 * cm, 6.5 * cm], repeatRows=1)
        grid.setStyle(
            TableStyle(
                [
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#b9c4c2")),
                    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e4f0ee")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ]
            )
        )
        story.append(grid)
    else:
        story.append(Paragraph(_para(doc_outline.empty_list), styles["muted"]))

    footer_left = f"{doc_outline.table_name} — {doc_outline.status_line}"

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8.5)
        canvas.setFillColor(colors.grey)
        canvas.drawString(doc.leftMargin, 1.2 * cm, footer_left[:110])
        canvas.drawRightString(
            doc.pagesize[0] - doc.rightMargin,
            1.2 * cm,
            f"{doc_outline.page_label} {canvas.getPageNumber()}",
        )
        canvas.restoreState()

    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=LETTER,
        leftMargin=2.2 * cm,
        rightMargin=2.2 * cm,
        topMargin=2 * cm,
        bottomMargin=2.2 * cm,
        title=f"{doc_outline.title} — {doc_outline.table_name}",
        author=doc_outline.table_name,
        lang=version.table.language,
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- DOCX ------------------------------------------------------------------


def build_docx(*, version: CharterVersion) -> bytes:
    from docx import Document
    from docx.shared import RGBColor

    doc_outline = outline(version=version)
    document = Document()
    document.core_properties.title = f"{doc_outline.title} — {doc_outline.table_name}"
    document.core_properties.language = version.table.language
    document.add_heading(doc_outline.title, level=0)
    document.add_heading(doc_outline.table_name, level=1)
    document.add_paragraph(doc_outline.status_line)
    if doc_outline.note:
        document.add_paragraph(doc_outline.note)
    if doc_outline.is_draft:
        run = document.add_paragraph().add_run(doc_outline.draft_notice)
        run.bold = True
        run.font.color.rgb = RGBColor(0xA3, 0x26, 0x1C)
    for family in doc_outline.families:
        document.add_heading(family["title"], level=1)
        for question, answer in family["questions"]:
            document.add_heading(question, level=2)
            if answer.strip():
                for paragraph in answer.split("\n"):
                    if paragraph.strip():
                        document.add_paragraph(paragraph.strip())
            else:
                document.add_paragraph(doc_outline.no_answer).runs[0].italic = True
    document.add_heading(doc_outline.structured_title, level=1)
    for title, items in doc_outline.lists:
        document.add_heading(title, level=2)
        if items:
            for item in items:
                document.add_paragraph(item, style="List Bullet")
        else:
            document.add_paragraph(doc_outline.empty_list).runs[0].italic = True
    document.add_heading(doc_outline.accountabilities_title, level=2)
    if doc_outline.accountabilities:
        grid = document.add_table(rows=1, cols=2)
        grid.style = "Table Grid"
        header = doc_outline.accountabilities_header
        for cell, text in zip(grid.rows[0].cells, header, strict=True):
            cell.text = text
            cell.paragraphs[0].runs[0].bold = True
        for what, who in doc_outline.accountabilities:
            cells = grid.add_row().cells
            cells[0].text = what
            cells[1].text = who
    else:
        document.add_paragraph(doc_outline.empty_list).runs[0].italic = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
