"""The mediation case file (人民调解卷宗) as one PDF: cover, contents, forms, back cover.

The forms come in the order the case file asks for; forms without data (no agreement after a
failed mediation) are left out. Pages of the forms are numbered from 1 (cover, contents and
back cover are not), and the contents page shows each form's pages — known only once every
page is laid out, so they are drawn at the end (:class:`toolkit.PageRef`).
"""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph

from station.documents import toolkit as tk
from station.documents.checks import require
from station.documents.data import CaseFileData, CaseFileItem, MediationFormData
from station.documents.formatting import format_date, format_period
from station.documents.mediation import check_form

TITLE = "人民调解卷宗"
CONTENTS = "卷内目录"
BACK_COVER = "卷内备考表"


def _present(item: CaseFileItem, data: MediationFormData) -> bool:
    match item:
        case CaseFileItem.APPLICATION:
            return data.application is not None
        case CaseFileItem.INVESTIGATION:
            return bool(data.investigations)
        case CaseFileItem.RECORD:
            return bool(data.sessions)
        case CaseFileItem.AGREEMENT:
            return data.agreement is not None
        case CaseFileItem.ORAL_AGREEMENT:
            return data.oral_agreement is not None
        case CaseFileItem.VISIT:
            return bool(data.visits)
        case _:  # registration and notice belong in every case file
            return True


def _sections(data: CaseFileData) -> list[tuple[str, str, list[Flowable]]]:
    """(anchor key, name on the contents page, story) of each form in the file."""
    mediation = data.mediation
    dated = {
        CaseFileItem.INVESTIGATION: [r.held_at for r in mediation.investigations],
        CaseFileItem.RECORD: [r.held_at for r in mediation.sessions],
        CaseFileItem.VISIT: [v.visited_on for v in mediation.visits],
    }
    sections = []
    for item in dict.fromkeys(data.order):  # each kind once, in the configured order
        if not _present(item, mediation):
            continue
        form = check_form(item.value, mediation)
        stories = form.stories(mediation)
        for index, story in enumerate(stories):
            name = form.title
            if item in dated:
                name += f"（{format_date(dated[item][index])}）"
            sections.append((f"{item.value}-{index}", name, story))
    return sections


def _cover(data: CaseFileData, width: float) -> list[Flowable]:
    mediation = data.mediation
    big = tk.styles(24)
    st = tk.styles(14)
    return [
        tk.spacer(28),
        tk.para(mediation.committee, tk.styles(18).org),
        tk.spacer(6),
        Paragraph("调解卷宗", big.title),
        tk.spacer(30),
        tk.line_fields(
            [
                ("卷　　名", data.volume_name or mediation.title),
                ("卷　　号", data.volume_number or mediation.case_number),
                ("人民调解员", "、".join(mediation.mediators)),
                ("调解日期", format_period(data.mediation_from or mediation.accepted_on,
                                         data.mediation_to)),
                ("立 卷 人", data.filed_by),
                ("立卷日期", format_date(data.filed_on)),
                ("保管期限", data.retention),
                ("备　　注", data.notes),
            ],
            width=width * 0.8, st=st, label_width=32 * mm, row_height=13 * mm,
        ),
    ]


def _contents(sections: list[tuple[str, str, list[Flowable]]], width: float
              ) -> list[Flowable]:
    st = tk.styles(15)  # table text at 11 pt: a contents page is read at arm's length
    keys = [key for key, _, _ in sections]
    rows: list[list[str | Flowable]] = []
    for index, (key, name, _) in enumerate(sections):
        following = keys[index + 1] if index + 1 < len(keys) else None
        page = tk.PageRef(
            lambda facts, key=key, following=following: facts.page_range(key, following),
            st.table_cell_center,
        )
        rows.append([str(index + 1), name, page, ""])
    rows.append([str(len(sections) + 1), BACK_COVER, "", "封底"])
    return [
        *tk.title_block(CONTENTS, st=tk.styles(12)),
        tk.data_table(
            ["序号", "文书名称", "页号", "备注"], rows,
            widths=[16 * mm, width - 16 * mm - 28 * mm - 30 * mm, 28 * mm, 30 * mm],
            st=st, align=["center", "left", "center", "left"], padding=6,
        ),
    ]


def _back_cover(data: CaseFileData, width: float) -> list[Flowable]:
    st = tk.styles(12)
    total = tk.PageRef(lambda facts: f"共 {facts.total} 页", st.cell)
    return [
        *tk.title_block(BACK_COVER, st=st),
        tk.spacer(4),
        *tk.field_grid(
            [
                [tk.Cell("本卷文书页数", total, span=2)],
                [tk.Cell("情况说明", [tk.para(data.notes, st.cell)] if data.notes.strip()
                         else [tk.RuledSpace(8, gap=9 * mm)], span=2)],
                [tk.Cell("立卷人", data.filed_by), tk.Cell("检查人", data.checked_by)],
                [tk.Cell("立卷日期", format_date(data.filed_on)), tk.Cell("检查日期", "")],
            ],
            width=width, st=st, label_width=26 * mm,
        ),
    ]


def render_case_file(data: CaseFileData, *, created: datetime | None = None) -> bytes:
    """The whole case file as one A4 PDF; raises before any output if a form lacks data."""
    require(TITLE, data)
    width, _ = tk.frame_size(tk.Paper.A4)
    sections = _sections(data)
    story: list[Flowable] = [*_cover(data, width), PageBreak(), *_contents(sections, width)]
    story.append(NextPageTemplate(tk.NUMBERED))
    for key, _, part in sections:
        story += [PageBreak(), tk.Anchor(key), *part]
    story += [NextPageTemplate(tk.PLAIN), PageBreak(), *_back_cover(data, width)]
    number = data.volume_number or data.mediation.case_number
    meta = tk.Meta(
        title=f"{TITLE} {number}",
        author=data.mediation.committee,
        subject=TITLE,
        created=created or data.document_date,
    )
    return tk.build_pdf(story, paper=tk.Paper.A4, meta=meta, numbering=tk.Numbering.ALWAYS,
                        first_template=tk.PLAIN)
