"""The funder report as a document: PDF (reportlab) and DOCX (python-docx).

Both render the same `building.Report`, whose strings are already
translated. The layout follows the charter's export (same fonts, colours
and grid tables): a cover with the table, the process and the period, then
one section per part of the plan, and page numbers in the footer.
"""

from __future__ import annotations

import io

from tablee.charters.exports import _para, _pdf_fonts
from tablee.reports.building import Report

CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
DOCUMENT_FORMATS = ("pdf", "docx")
FORMATS = tuple(CONTENT_TYPES)

INK = "#1c2427"
ACCENT = "#1f5f5b"
GRID = "#b9c4c2"
HEADER_FILL = "#e4f0ee"


def render(report: Report, fmt: str) -> bytes:
    if fmt == "pdf":
        return render_pdf(report)
    if fmt == "docx":
        return render_docx(report)
    raise ValueError(f"unknown report format {fmt!r}")


# --- PDF -------------------------------------------------------------------


def _pdf_styles():
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = _pdf_fonts()
    ink = colors.HexColor(INK)
    accent = colors.HexColor(ACCENT)
    return {
        "cover_title": ParagraphStyle(
            "cover_title", fontName=bold, fontSize=26, leading=32, textColor=accent, spaceAfter=14
        ),
        "cover_table": ParagraphStyle(
            "cover_table", fontName=bold, fontSize=17, leading=22, textColor=ink, spaceAfter=8
        ),
        "cover_meta": ParagraphStyle(
            "cover_meta", fontName=regular, fontSize=12, leading=17, textColor=ink, spaceAfter=4
        ),
        "h1": ParagraphStyle(
            "h1",
            fontName=bold,
            fontSize=15,
            leading=19,
            textColor=accent,
            spaceBefore=14,
            spaceAfter=6,
        ),
        "h2": ParagraphStyle(
            "h2", fontName=bold, fontSize=12, leading=15, textColor=ink, spaceBefore=10
        ),
        "h3": ParagraphStyle(
            "h3", fontName=bold, fontSize=10.5, leading=14, textColor=ink, spaceBefore=6
        ),
        "body": ParagraphStyle(
            "body", fontName=regular, fontSize=10, leading=14, textColor=ink, spaceAfter=3
        ),
        "cell": ParagraphStyle("cell", fontName=regular, fontSize=9, leading=12, textColor=ink),
        "cell_bold": ParagraphStyle(
            "cell_bold", fontName=bold, fontSize=9, leading=12, textColor=ink
        ),
        "muted": ParagraphStyle(
            "muted", fontName=regular, fontSize=10, leading=14, textColor=colors.grey
        ),
    }


def _grid(rows: list[list[str]], widths, styles, *, total_row: bool = False):
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [
        [Paragraph(_para(cell), styles["cell_bold" if index == 0 else "cell"]) for cell in row]
        for index, row in enumerate(rows)
    ]
    if total_row:
        data[-1] = [Paragraph(_para(cell), styles["cell_bold"]) for cell in rows[-1]]
    grid = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    commands = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor(GRID)),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(HEADER_FILL)),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    if total_row:
        commands.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor(HEADER_FILL)))
    grid.setStyle(TableStyle(commands))
    return grid


def render_pdf(report: Report) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import LETTER
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        KeepTogether,
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
    )

    labels = report.labels
    styles = _pdf_styles()
    regular, _bold = _pdf_fonts()
    width = LETTER[0] - 4.4 * cm

    def p(text: str, style: str = "body"):
        return Paragraph(_para(text), styles[style])

    story: list = [
        Spacer(1, 4 * cm),
        p(report.title, "cover_title"),
        p(report.table_name, "cover_table"),
        *[p(line, "cover_meta") for line in report.cover_lines],
    ]
    if report.purpose:
        story += [Spacer(1, 12), p(report.purpose, "body")]
    story += [Spacer(1, 24), p(labels["contents"], "h2")]
    story += [p(f"{n}. {heading}") for n, (_key, heading) in enumerate(report.sections, 1)]
    story.append(PageBreak())

    # 1. Objectives and actions
    story.append(p(f"1. {labels['objectives']}", "h1"))
    if not report.objectives:
        story.append(p(labels["no_objectives"], "muted"))
    for number, objective in enumerate(report.objectives, 1):
        story.append(p(f"1.{number} {objective.title}", "h2"))
        if objective.description:
            story.append(p(objective.description))
        if not objective.actions:
            story.append(p(labels["no_actions"], "muted"))
        for action in objective.actions:
            facts = [
                [labels["status"], action.status],
                [labels["accountable"], action.accountable],
                [labels["dates"], action.dates],
                [labels["partners"], action.partners],
                [labels["origin"], action.origin],
            ]
            if action.axis:
                facts.insert(0, [labels["axis"], action.axis])
            block = [p(action.title, "h3"), _facts(facts, [4.2 * cm, width - 4.2 * cm], styles)]
            if action.notes:
                rows = [[labels["date"], labels["status"], labels["note"]]]
                rows += [[n.on, n.status, n.note] for n in action.notes]
                block += [
                    Spacer(1, 3),
                    _grid(rows, [3.4 * cm, 2.8 * cm, width - 6.2 * cm], styles),
                ]
            else:
                block.append(p(labels["no_notes"], "muted"))
            story.append(KeepTogether(block))

    # 2. Indicators
    story.append(p(f"2. {labels['indicators']}", "h1"))
    if not report.indicators:
        story.append(p(labels["no_indicators"], "muted"))
    for indicator in report.indicators:
        facts = [
            [labels["action"], indicator.action],
            [labels["question"], indicator.kind],
            [labels["baseline"], indicator.baseline],
            [labels["target"], indicator.target],
            [labels["latest"], indicator.latest],
        ]
        block = [p(indicator.name, "h3"), _facts(facts, [4.2 * cm, width - 4.2 * cm], styles)]
        if indicator.values:
            rows = [[labels["date"], labels["value"]], *[list(v) for v in indicator.values]]
            block += [Spacer(1, 3), _grid(rows, [5 * cm, 5 * cm], styles)]
        else:
            block.append(p(labels["no_values"], "muted"))
        story.append(KeepTogether(block))

    # 3. Resources
    story.append(p(f"3. {labels['resources']}", "h1"))
    if report.resources:
        rows = [report.resource_header, *report.resources, report.resource_totals]
        first = 5.2 * cm
        rest = (width - first) / 5
        story.append(_grid(rows, [first] + [rest] * 5, styles, total_row=True))
    else:
        story.append(p(labels["no_resources"], "muted"))

    # 4. Funding
    story.append(p(f"4. {labels['funding']}", "h1"))
    if not report.programs:
        story.append(p(labels["no_funding"], "muted"))
    else:
        story.append(p(report.funding_totals))
    for program in report.programs:
        facts = [
            [labels["funder"], program.funder],
            [labels["amount"], program.amount],
            [labels["dates"], program.period],
            [labels["used"], program.used],
            [labels["remaining"], program.remaining],
        ]
        if program.conditions:
            facts.append([labels["conditions"], program.conditions])
        block = [p(program.program, "h2"), _facts(facts, [4.6 * cm, width - 4.6 * cm], styles)]
        if program.budget_lines:
            rows = [[labels["action"], labels["amount"], labels["note"]]]
            rows += [list(line) for line in program.budget_lines]
            block += [
                p(labels["budget_lines"], "h3"),
                _grid(rows, [width - 8 * cm, 3 * cm, 5 * cm], styles),
            ]
        if program.reporting_dates:
            rows = [[labels["date"], labels["what"], labels["status"]]]
            rows += [list(item) for item in program.reporting_dates]
            block += [
                p(labels["reporting_dates"], "h3"),
                _grid(rows, [3.6 * cm, width - 6.6 * cm, 3 * cm], styles),
            ]
        story.append(KeepTogether(block))

    footer_left = f"{report.table_name} — {report.title} — {report.period}"

    def on_page(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8.5)
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
        subject=report.period,
        lang=report.language,
    )
    document.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buffer.getvalue()


def _facts(rows: list[list[str]], widths, styles):
    """A two-column label/value grid without a header row."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph, Table, TableStyle

    data = [
        [Paragraph(_para(label), styles["cell_bold"]), Paragraph(_para(value), styles["cell"])]
        for label, value in rows
    ]
    grid = Table(data, colWidths=widths, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor(GRID)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return grid


# --- DOCX ------------------------------------------------------------------


def _docx_page_number(paragraph, label: str) -> None:
    """Write "Page N" with a PAGE field, which Word fills in on every page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph.add_run(f"{label} ")
    run = paragraph.add_run()
    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = "PAGE"
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    number = OxmlElement("w:t")
    number.text = "1"
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instruction, separate, number, end):
        run._r.append(element)


def _docx_grid(document, rows: list[list[str]], *, total_row: bool = False):
    grid = document.add_table(rows=0, cols=len(rows[0]))
    grid.style = "Table Grid"
    for index, values in enumerate(rows):
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
            if (index == 0 or (total_row and index == len(rows) - 1)) and cell.paragraphs[0].runs:
                cell.paragraphs[0].runs[0].bold = True
    return grid


def _docx_facts(document, rows: list[list[str]]):
    grid = document.add_table(rows=0, cols=2)
    grid.style = "Table Grid"
    for label, value in rows:
        cells = grid.add_row().cells
        cells[0].text = label
        if cells[0].paragraphs[0].runs:
            cells[0].paragraphs[0].runs[0].bold = True
        cells[1].text = value
    return grid


def _muted(document, text: str) -> None:
    document.add_paragraph().add_run(text).italic = True


def render_docx(report: Report) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
    from docx.shared import Pt, RGBColor

    labels = report.labels
    document = Document()
    document.core_properties.title = f"{report.title} — {report.table_name}"
    document.core_properties.subject = report.period
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
    run.font.size = Pt(16)
    for line in report.cover_lines:
        document.add_paragraph(line)
    if report.purpose:
        document.add_paragraph(report.purpose)
    document.add_heading(labels["contents"], level=2)
    for number, (_key, heading) in enumerate(report.sections, 1):
        document.add_paragraph(f"{number}. {heading}")
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    document.add_heading(f"1. {labels['objectives']}", level=1)
    if not report.objectives:
        _muted(document, labels["no_objectives"])
    for number, objective in enumerate(report.objectives, 1):
        document.add_heading(f"1.{number} {objective.title}", level=2)
        if objective.description:
            document.add_paragraph(objective.description)
        if not objective.actions:
            _muted(document, labels["no_actions"])
        for action in objective.actions:
            document.add_heading(action.title, level=3)
            facts = [
                [labels["status"], action.status],
                [labels["accountable"], action.accountable],
                [labels["dates"], action.dates],
                [labels["partners"], action.partners],
                [labels["origin"], action.origin],
            ]
            if action.axis:
                facts.insert(0, [labels["axis"], action.axis])
            _docx_facts(document, facts)
            if action.notes:
                document.add_paragraph(labels["notes"]).runs[0].bold = True
                rows = [[labels["date"], labels["status"], labels["note"]]]
                rows += [[n.on, n.status, n.note] for n in action.notes]
                _docx_grid(document, rows)
            else:
                _muted(document, labels["no_notes"])

    document.add_heading(f"2. {labels['indicators']}", level=1)
    if not report.indicators:
        _muted(document, labels["no_indicators"])
    for indicator in report.indicators:
        document.add_heading(indicator.name, level=3)
        _docx_facts(
            document,
            [
                [labels["action"], indicator.action],
                [labels["question"], indicator.kind],
                [labels["baseline"], indicator.baseline],
                [labels["target"], indicator.target],
                [labels["latest"], indicator.latest],
            ],
        )
        if indicator.values:
            _docx_grid(
                document,
                [[labels["date"], labels["value"]], *[list(v) for v in indicator.values]],
            )
        else:
            _muted(document, labels["no_values"])

    document.add_heading(f"3. {labels['resources']}", level=1)
    if report.resources:
        _docx_grid(
            document,
            [report.resource_header, *report.resources, report.resource_totals],
            total_row=True,
        )
    else:
        _muted(document, labels["no_resources"])

    document.add_heading(f"4. {labels['funding']}", level=1)
    if not report.programs:
        _muted(document, labels["no_funding"])
    else:
        document.add_paragraph(report.funding_totals)
    for program in report.programs:
        document.add_heading(program.program, level=2)
        facts = [
            [labels["funder"], program.funder],
            [labels["amount"], program.amount],
            [labels["dates"], program.period],
            [labels["used"], program.used],
            [labels["remaining"], program.remaining],
        ]
        if program.conditions:
            facts.append([labels["conditions"], program.conditions])
        _docx_facts(document, facts)
        if program.budget_lines:
            document.add_heading(labels["budget_lines"], level=3)
            rows = [[labels["action"], labels["amount"], labels["note"]]]
            _docx_grid(document, rows + [list(line) for line in program.budget_lines])
        if program.reporting_dates:
            document.add_heading(labels["reporting_dates"], level=3)
            rows = [[labels["date"], labels["what"], labels["status"]]]
            _docx_grid(document, rows + [list(item) for item in program.reporting_dates])

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
