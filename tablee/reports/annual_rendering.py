"""The « bilan annuel » as PDF and DOCX, with the funder report's styles.

Both formats walk the same `AnnualReport` (sections of parts whose strings
are already translated). A chart is drawn with reportlab.graphics in the
PDF and inserted as a PNG (with its summary as alternative text) in the
DOCX; in both, its caption comes first and its data table right after.
"""

from __future__ import annotations

import copy
import io

from tablee.charters.exports import _para, _pdf_fonts
from tablee.reports.annual import AnnualReport, Part
from tablee.reports.annual_charts import pdf_drawing, png_bytes
from tablee.reports.rendering import (
    _docx_facts,
    _docx_grid,
    _docx_page_number,
    _facts,
    _grid,
    _muted,
    _pdf_styles,
)


def render(report: AnnualReport, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "docx":
        return render_docx(report)
    raise ValueError(f"unknown report format {fmt!r}")


# --- PDF ----------------------------------------------------------------------


def _styles():
    """The funder report's styles, with headings kept on the page of what follows."""
    styles = dict(_pdf_styles())
    for name in ("h1", "h2", "h3"):
        styles[name] = copy.copy(styles[name])
        styles[name].keepWithNext = 1
    return styles


def _pdf_part(part: Part, width: float, styles) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    def p(text: str, style: str = "body"):
        return Paragraph(_para(text), styles[style])

    if part.kind == "heading":
        return [p(part.text, "h2")]
    if part.kind in ("text", "muted"):
        return [p(part.text, "body" if part.kind == "text" else "muted")]
    if part.kind == "facts":
        return [_facts(part.rows, [width * 0.45, width * 0.55], styles), Spacer(1, 4)]
    if part.kind == "grid":
        count = len(part.rows[0])
        shares = part.widths if len(part.widths) == count else (1 / count,) * count
        return [
            _grid(part.rows, [width * s for s in shares], styles, total_row=part.total_row),
            Spacer(1, 6),
        ]
    if part.kind == "chart":
        chart = part.chart
        return [
            KeepTogether(
                [
                    p(chart.title, "h3"),
                    pdf_drawing(chart),
                    p(chart.summary, "muted"),
                    Spacer(1, 4),
                ]
            )
        ]
    raise ValueError(f"unknown part {part.kind!r}")


def render_pdf(report: AnnualReport) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    labels = report.labels
    styles = _styles()
    regular, _bold = _pdf_fonts()
    width = LETTER[0] - 4.4 * cm

    def p(text: str, style: str = "body"):
        return Paragraph(_para(text), styles[style])

    story: list = [
        Spacer(1, 4 * cm),
        p(report.title, "cover_title"),
        p(report.table_name, "cover_table"),
        p(str(report.year), "cover_meta"),
        p(report.generated, "cover_meta"),
        Spacer(1, 8),
        p(report.audience_line, "muted"),
        Spacer(1, 18),
        p(labels["contents"], "h2"),
        *[p(f"{n}. {section.title}") for n, section in enumerate(report.sections, 1)],
        PageBreak(),
    ]
    for n, section in enumerate(report.sections, 1):
        story.append(p(f"{n}. {section.title}", "h1"))
        for part in section.parts:
            story += _pdf_part(part, width, styles)

    footer_left = f"{report.table_name} — {report.title}"

    def on_page(canvas, doc):
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(doc.leftMargin, 1.2 * cm, footer_left[:110])
        canvas.drawRightString(
            doc.pagesize[0] - doc.rightMargin,
            1.2 * cm,
            f"{labels['page']} {canvas.getPageNumber()}",
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
        title=f"{report.title} — {report.table_name}",
        author=report.table_name,
        subject=str(report.year),
        lang=report.language,
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


# --- DOCX ---------------------------------------------------------------------


def _docx_picture(document, png: bytes, *, description: str, title: str) -> None:
    """Insert a PNG at the text width, described for screen readers."""
    from docx.shared import Cm

    document.add_picture(io.BytesIO(png), width=Cm(16.5))
    inline = document.paragraphs[-1].runs[-1]._r.xpath(".//wp:docPr")
    if inline:
        inline[0].set("descr", description)
        inline[0].set("title", title)


def _docx_part(document, part: Part) -> None:
    from docx.shared import Pt

    if part.kind == "heading":
        document.add_heading(part.text, level=2)
    elif part.kind == "text":
        document.add_paragraph(part.text)
    elif part.kind == "muted":
        _muted(document, part.text)
    elif part.kind == "facts":
        _docx_facts(document, part.rows)
        document.add_paragraph()
    elif part.kind == "grid":
        _docx_grid(document, part.rows, total_row=part.total_row)
        document.add_paragraph()
    elif part.kind == "chart":
        chart = part.chart
        document.add_heading(chart.title, level=3)
        png = png_bytes(chart)
        if png:
            _docx_picture(document, png, description=chart.summary, title=chart.title)
        summary = document.add_paragraph().add_run(chart.summary)
        summary.italic = True
        summary.font.size = Pt(9)
    else:
        raise ValueError(f"unknown part {part.kind!r}")


def render_docx(report: AnnualReport) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt, RGBColor

    labels = report.labels
    document = Document()
    document.core_properties.title = f"{report.title} — {report.table_name}"
    document.core_properties.subject = str(report.year)
    document.core_properties.author = report.table_name
    document.core_properties.language = report.language
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _docx_page_number(footer, labels["page"])

    title = document.add_heading(report.title, level=0)
    title.runs[0].font.color.rgb = RGBColor(0x1F, 0x5F, 0x5B)
    cover = document.add_paragraph()
    run = cover.add_run(report.table_name)
    run.bold = True
    run.font.size = Pt(17)
    document.add_paragraph(str(report.year))
    document.add_paragraph(report.generated)
    _muted(document, report.audience_line)
    document.add_heading(labels["contents"], level=2)
    for n, section in enumerate(report.sections, 1):
        document.add_paragraph(f"{n}. {section.title}")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    for n, section in enumerate(report.sections, 1):
        document.add_heading(f"{n}. {section.title}", level=1)
        for part in section.parts:
            _docx_part(document, part)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
