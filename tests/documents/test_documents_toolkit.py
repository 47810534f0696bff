"""The layout toolkit: fonts, determinism, page numbers and deferred page references."""

from __future__ import annotations

import re
import sys
from datetime import datetime
from pathlib import Path

import pytest
from reportlab.platypus import NextPageTemplate, PageBreak, Paragraph

from station.documents import toolkit as tk
from station.documents.samples import RARE_NAMES
from station.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
META = tk.Meta(title="测试文书", author="城东社区网格驿站", created=datetime(2026, 3, 5, 9, 30))


def test_resource_path_is_beside_the_package_not_the_working_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resource_path("fonts", "ARPLUMingCN.ttf") == ROOT / "resources/fonts/ARPLUMingCN.ttf"
    assert resource_path("fonts", "ARPLUMingCN.ttf").is_file()
    assert (ROOT / "resources/fonts/LICENSE-ARPLUMing.txt").is_file()


def test_resource_path_when_frozen(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("fonts", "x.ttf") == tmp_path / "resources/fonts/x.ttf"


def test_body_font_covers_rare_name_characters() -> None:
    assert tk.missing_glyphs("堃喆赟䶮" + "".join(RARE_NAMES)) == ""
    assert tk.missing_glyphs("（）：，。、；“”《》■□√①￥") == ""
    # The heading face lacks 䶮: which is why data never prints in it.
    assert tk.missing_glyphs("䶮", tk.HEI) == "䶮"


def _story(pages: int) -> list:
    st = tk.styles(12)
    story: list = []
    for n in range(pages):
        if n:
            story.append(PageBreak())
        story.append(Paragraph(f"第{n + 1}段内容", st.body))
    return story


def test_same_input_same_bytes_and_the_given_creation_date(inspect_pdf) -> None:
    first = tk.build_pdf(_story(2), paper=tk.Paper.A4, meta=META)
    second = tk.build_pdf(_story(2), paper=tk.Paper.A4, meta=META)
    assert first == second
    pdf = inspect_pdf(first)
    assert pdf.metadata["/Title"] == "测试文书"
    assert pdf.metadata["/Author"] == "城东社区网格驿站"
    assert pdf.metadata["/CreationDate"].startswith("D:20260305093000+08'00'")
    later = tk.Meta(title="测试文书", author="城东社区网格驿站", created=datetime(2026, 3, 6))
    assert tk.build_pdf(_story(2), paper=tk.Paper.A4, meta=later) != first


@pytest.mark.parametrize(
    ("numbering", "pages", "footer"),
    [
        (tk.Numbering.AUTO, 1, False),
        (tk.Numbering.AUTO, 3, True),
        (tk.Numbering.ALWAYS, 1, True),
        (tk.Numbering.NEVER, 3, False),
    ],
)
def test_page_x_of_y(inspect_pdf, numbering: tk.Numbering, pages: int, footer: bool) -> None:
    pdf = inspect_pdf(tk.build_pdf(_story(pages), paper=tk.Paper.A4, meta=META,
                                   numbering=numbering))
    assert pdf.page_count == pages
    for n, text in enumerate(pdf.page_texts, start=1):
        assert (f"第 {n} 页" in text and f"共 {pages} 页" in text) is footer


def test_page_refs_show_where_later_sections_start(inspect_pdf) -> None:
    st = tk.styles(12)
    ref = tk.PageRef(
        lambda facts: f"甲节在第{facts.number_at('a')}页，乙节{facts.page_range('b', None)}",
        st.plain,
    )
    story = [Paragraph("目录", st.body), ref, NextPageTemplate(tk.NUMBERED), PageBreak(),
             tk.Anchor("a"), Paragraph("甲节", st.body), PageBreak(), tk.Anchor("b"),
             Paragraph("乙节", st.body), PageBreak(), Paragraph("乙节续", st.body)]
    pdf = inspect_pdf(tk.build_pdf(story, paper=tk.Paper.A4, meta=META,
                                   first_template=tk.PLAIN))
    assert pdf.page_count == 4
    assert "甲节在第1页，乙节2-3" in pdf.flat
    assert "第 1 页" not in pdf.page_texts[0]  # the unnumbered contents page
    assert "第3页共3页" in re.sub(r"\s+", "", pdf.page_texts[3])


def test_ruled_space_splits_across_pages(inspect_pdf) -> None:
    story = [tk.RuledSpace(60, gap=9)]  # 540 pt of lines, more than an A5 page
    pdf = inspect_pdf(tk.build_pdf(story, paper=tk.Paper.A5, meta=META))
    assert pdf.page_count == 2


def test_qr_code_carries_the_payload() -> None:
    code = tk.qr_code("CD01-20260305-007", size=20)
    assert code.value == "CD01-20260305-007"
    assert code.wrap(100, 100) == (20, 20)


def test_grid_rows_must_fill_the_grid() -> None:
    with pytest.raises(ValueError):
        tk.field_grid([[tk.Cell("姓名", "王䶮")]], width=400, st=tk.styles(12), pairs=2)
