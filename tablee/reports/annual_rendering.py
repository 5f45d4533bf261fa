"""The « bilan annuel » as PDF and DOCX, with the funder report's styles."""

from __future__ import annotations

import io

from tablee.charters.exports import _para, _pdf_fonts
from tablee.reports.annual import AnnualReport
from tablee.reports.rendering import (
    _docx_facts,
    _docx_grid,
    _docx_page_number,
    _facts,
    _grid,
    _muted,
    _pdf_styles,
)

SECTIONS = (
    "introduction",
    "composition",
    "meetings",
    "decisions",
    "plans",
    "evaluation",
    "perspectives",
)


def render(report: AnnualReport, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "docx":
        return render_docx(report)
    raise ValueError(f"unknown report format {fmt!r}")


def _paragraphs(text: str) -> list[str]:
    return [chunk.strip() for chunk in text.replace("\r\n", "\n").split("\n\n") if chunk.strip()]


def render_pdf(report: AnnualReport) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.units import cm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

    labels = report.labels
    styles = _pdf_styles()
    regular, _bold = _pdf_fonts()
    width = LETTER[0] - 4.4 * cm

    def p(text: str, style: str = "body"):
        return Paragraph(_para(text), styles[style])

    def free_text(text: str) -> list:
        if not text:
            return [p(labels["no_text"], "muted")]
        return [p(chunk) for chunk in _paragraphs(text)]

    story: list = [
        Spacer(1, 4 * cm),
        p(report.title, "cover_title"),
        p(report.table_name, "cover_table"),
        p(str(report.year), "cover_meta"),
        p(report.generated, "cover_meta"),
        Spacer(1, 24),
        p(labels["contents"], "h2"),
        *[p(f"{n}. {labels[key]}") for n, key in enumerate(SECTIONS, 1)],
        PageBreak(),
    ]
    story += [p(f"1. {labels['introduction']}", "h1"), *free_text(report.introduction)]
    story += [p(f"2. {labels['composition']}", "h1")]
    story.append(_facts(report.composition, [width * 0.6, width * 0.4], styles))
    story += [p(f"3. {labels['meetings']}", "h1")]
    story.append(_facts(report.meetings, [width * 0.6, width * 0.4], styles))
    story += [p(f"4. {labels['decisions']}", "h1")]
    if report.decisions:
        story.append(_grid(report.decisions, [width * 0.1, width * 0.2, width * 0.7], styles))
    else:
        story.append(p(labels["no_decision"], "muted"))
    story += [p(f"5. {labels['plans']}", "h1")]
    if report.plans:
        columns = len(report.plans[0])
        first = width * 0.25
        rest = (width - first) / (columns - 1)
        story.append(_grid(report.plans, [first] + [rest] * (columns - 1), styles))
    else:
        story.append(p(labels["no_plan"], "muted"))
    story += [p(f"6. {labels['evaluation']}", "h1")]
    if report.evaluation_title:
        story.append(p(report.evaluation_title, "h2"))
        story.append(_facts(report.evaluation_facts, [width * 0.4, width * 0.6], styles))
    if report.evaluation:
        story.append(Spacer(1, 6))
        story.append(
            _grid(
                report.evaluation,
                [width * 0.4, width * 0.15, width * 0.2, width * 0.25],
                styles,
            )
        )
    if report.evaluation_note:
        story.append(p(report.evaluation_note, "muted"))
    story += [p(f"7. {labels['perspectives']}", "h1"), *free_text(report.perspectives)]

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
    document.add_heading(labels["contents"], level=2)
    for n, key in enumerate(SECTIONS, 1):
        document.add_paragraph(f"{n}. {labels[key]}")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)

    def free_text(text: str) -> None:
        if not text:
            _muted(document, labels["no_text"])
        for chunk in _paragraphs(text):
            document.add_paragraph(chunk)

    document.add_heading(f"1. {labels['introduction']}", level=1)
    free_text(report.introduction)
    document.add_heading(f"2. {labels['composition']}", level=1)
    _docx_facts(document, report.composition)
    document.add_heading(f"3. {labels['meetings']}", level=1)
    _docx_facts(document, report.meetings)
    document.add_heading(f"4. {labels['decisions']}", level=1)
    if report.decisions:
        _docx_grid(document, report.decisions)
    else:
        _muted(document, labels["no_decision"])
    document.add_heading(f"5. {labels['plans']}", level=1)
    if report.plans:
        _docx_grid(document, report.plans)
    else:
        _muted(document, labels["no_plan"])
    document.add_heading(f"6. {labels['evaluation']}", level=1)
    if report.evaluation_title:
        document.add_heading(report.evaluation_title, level=2)
        _docx_facts(document, report.evaluation_facts)
    if report.evaluation:
        _docx_grid(document, report.evaluation)
    if report.evaluation_note:
        _muted(document, report.evaluation_note)
    document.add_heading(f"7. {labels['perspectives']}", level=1)
    free_text(report.perspectives)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
