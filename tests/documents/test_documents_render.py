"""Every document from realistic and from edge-case data, read back as a reader would."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from typing import Any

import pytest
from PIL import Image

from station.documents import KINDS, ReceiptPaper, render
from station.documents import samples as s
from station.documents.mediation import FORMS

# name -> (document kind, sample data)
SAMPLES: dict[str, tuple[str, Callable[[], Any]]] = {
    "receipt": ("receipt", s.sample_receipt),
    "receipt-half-a4": ("receipt", lambda: s.sample_receipt(ReceiptPaper.HALF_A4)),
    "referral": ("referral", s.sample_referral),
    **{kind: (kind, s.sample_mediation) for kind in (
        "application", "registration", "notice", "investigation", "record", "agreement",
        "visit")},
    "oral-agreement": ("oral-agreement", s.sample_oral_mediation),
    "case-file": ("case-file", s.sample_case_file),
    "ledger": ("ledger", s.sample_case_ledger),
    "ledger-mediations": ("ledger", s.sample_mediation_ledger),
}

EDGE: dict[str, tuple[str, Callable[[], Any]]] = {
    **{kind: (kind, s.edge_mediation) for kind in FORMS},
    "case-file": ("case-file", lambda: s.sample_case_file(s.edge_mediation())),
}

SIGNATURE = "（签名盖章或按指印）"
EXPECTED_TEXT: dict[str, list[str]] = {
    "receipt": ["城东社区网格驿站", "受理回执", "CD01-20260305-007", "2026年3月5日 09:30", "来访",
                "王䶮", "138****8000", "邻里纠纷／占道堆物", "反映邻居李喆在共用通道上长期堆放",
                "2026年3月12日", "请妥善保管本回执", "驿站电话：0591-83001234", "受理人：陈赟"],
    "receipt-half-a4": ["第一联　交诉求人", "第二联　驿站存根", "沿此线剪开", "138****8000"],
    "referral": ["城关镇网格化服务管理中心", "交办单", "编号：CG00-20260306-015", "承办单位",
                 "城关镇农业农村办公室", "林堃", "139****8888", "350***********123X",
                 "后门溪河段有人放养鸭群约300只", "请于2026年3月13日前办结并反馈",
                 "办理情况反馈（由承办单位填写）", "办理结果", "经办人（签名）", "承办单位（盖章）",
                 "办结日期", "吴喆　0591-83005678"],
    "application": ["城东社区人民调解委员会", "人民调解申请书", "编号：（2026）城东人调字第12号",
                    "申请人", "被申请人", "姓名", "性别", "民族", "年龄", "职业或职务", "联系方式",
                    "单位或住址", "王䶮", "李喆", "畲族", "纠纷简要情况：", "当事人申请事项：",
                    "1、请求被申请人清理共用通道上堆放的全部杂物",
                    "城东社区人民调解委员会已将申请人民调解的相关规定告知我，"
                    "现自愿申请城东社区人民调解委员会进行调解。",
                    f"申请人{SIGNATURE}", "2026年3月6日"],
    "registration": ["人民调解受理登记表", "2026年3月6日，本人民调解委员会经当事人同意，"
                     "调解王䶮、李喆之间的纠纷。", "纠纷类型", "邻里纠纷", "案件来源",
                     "■当事人申请", "□主动调解", "□委托移送", "纠纷简要情况",
                     "当事人（签名）", "登记人（签名）", "城东社区人民调解委员会（印章）",
                     "此表由人民调解委员会填写"],
    "notice": ["人民调解当事人权利义务告知书", "王䶮、李喆：", "依法设立的调解民间纠纷的群众性组织",
               "不收取任何费用", "在当事人自愿、平等的基础上进行调解", "选择或者接受人民调解员",
               "接受调解、拒绝调解或者要求终止调解", "要求调解公开进行或者不公开进行",
               "自主表达意愿、自愿达成调解协议", "如实陈述纠纷事实",
               "遵守调解现场秩序，尊重人民调解员", "尊重对方当事人行使权利",
               "三十日内共同向人民法院申请司法确认", "当事人（签名）"],
    "investigation": ["人民调解调查记录", "时间", "2026年3月7日 09:00", "地点", "城东社区调解室",
                      "参加人", "被调查人", "调查人", "陈赟、林堃", "记录人", "吴喆", "调查记录：",
                      "问：通道上的东西是不是你堆放的？", "答：一个星期以内可以清理完。",
                      "被调查人（签名）", "调查人（签名）", "记录人（签名）",
                      "赵阿姨（邻居，证人）"],
    "record": ["人民调解记录", "事由", "王䶮、李喆之间的邻里纠纷", "当事人", "参加人",
               "社区法律顾问", "调解记录：", "《中华人民共和国民法典》第二百八十八条", "调解结果：",
               "双方自愿达成协议", f"当事人{SIGNATURE}", "人民调解员（签名）", "记录人（签名）"],
    "agreement": ["人民调解协议书", "编号：（2026）城东人调字第12号", "甲方", "乙方",
                  "纠纷主要事实、争议事项：", "经调解，自愿达成如下协议：",
                  "一、乙方于2026年3月15日前将共用通道上堆放的全部杂物清理完毕",
                  "二、乙方于2026年3月15日前一次性支付甲方之父医疗费，"
                  "金额人民币460.00元（大写：人民币肆佰陆拾元整）。",
                  "履行方式、时限：", "本协议一式三份，当事人、人民调解委员会各持一份。",
                  "本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。",
                  f"甲方{SIGNATURE}", f"乙方{SIGNATURE}", "人民调解员（签名）", "记录人（签名）",
                  "城东社区人民调解委员会（印章）", "2026年3月9日"],
    "oral-agreement": ["人民调解口头协议登记表", "2026年3月9日，经城东社区人民调解委员会调解，"
                       "当事人王䶮、李喆就邻里纠纷达成口头协议", "协议内容",
                       "乙方当天将通道内杂物清理完毕", "履行方式、时限", "人民调解员（签名）",
                       "城东社区人民调解委员会（印章）"],
    "visit": ["人民调解回访记录", "当事人", "调解协议编号", "回访事由", "回访时间", "2026年3月20日",
              "回访人", "陈赟", "协议履行情况", "已履行", "回访情况", "乙方已于3月14日清理完毕",
              "回访人（签名）"],
    "case-file": ["城东社区人民调解委员会", "调解卷宗", "卷名", "王䶮、李喆之间的邻里纠纷", "卷号",
                  "人民调解员", "调解日期", "2026年3月6日至2026年3月9日", "立卷人", "立卷日期",
                  "2026年3月25日", "保管期限", "长期", "卷内目录", "序号", "文书名称", "页号",
                  "卷内备考表", "本卷文书页数", "共8页", "检查人"],
    "ledger": ["城关镇网格化服务管理中心", "工单台账", "统计期间：2026年1月1日至2026年3月31日",
               "筛选条件：社区：全部；渠道：全部", "制表人：吴喆", "工单编号", "诉求摘要", "合计",
               "共60件", "139****0000"],
    "ledger-mediations": ["人民调解案件台账", "（2026）城东人调字第1号", "协议金额（元）",
                          "500.00", "合计", "共40件", "调解结果：调解成功",
                          "协议金额合计人民币"],
}

EXPECTED_PAGES = {
    "investigation": 2,  # two investigation records, each from a new page
    "case-file": 11,  # cover, contents, 8 one-page forms, back cover
    "ledger": 5,
    "ledger-mediations": 2,
}


@cache
def _rendered(table: str, name: str) -> bytes:
    kind, make = (SAMPLES if table == "sample" else EDGE)[name]
    return render(kind, make())


@pytest.fixture
def sample_pdf(inspect_pdf):
    return lambda name: inspect_pdf(_rendered("sample", name))


@pytest.fixture
def edge_pdf(inspect_pdf):
    return lambda name: inspect_pdf(_rendered("edge", name))


def test_every_kind_has_a_sample() -> None:
    assert {kind for kind, _ in SAMPLES.values()} == set(KINDS)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_documents_read_back(sample_pdf, name: str) -> None:
    pdf = sample_pdf(name)
    assert pdf.page_count == EXPECTED_PAGES.get(name, 1)
    missing = [text for text in EXPECTED_TEXT[name] if not pdf.contains(text)]
    assert missing == []


@pytest.mark.parametrize(
    ("table", "name"),
    [("sample", n) for n in sorted(SAMPLES)] + [("edge", n) for n in sorted(EDGE)],
)
def test_every_font_is_embedded_with_a_unicode_map(inspect_pdf, table: str, name: str) -> None:
    fonts = inspect_pdf(_rendered(table, name)).fonts
    assert fonts
    assert all(f.embedded and f.has_unicode_map for f in fonts), fonts
    assert {re.sub(r"^[A-Z]{6}\+", "", f.name) for f in fonts} <= {"UMingCN", "WenQuanYiMicroHei"}


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_rendering_is_deterministic(name: str) -> None:
    kind, make = SAMPLES[name]
    assert render(kind, make()) == _rendered("sample", name)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_metadata_names_the_document(sample_pdf, name: str) -> None:
    meta = sample_pdf(name).metadata
    assert meta["/Title"] and meta["/Author"]
    assert meta["/Creator"] == "Grid Station 网格驿站"
    assert meta["/CreationDate"].startswith("D:2026")  # from the data, not the clock


# ------------------------------------------------------------------------------ edge cases


EDGE_PAGES = {
    "application": (4, 10),
    "registration": (2, 4),
    "notice": (2, 3),
    "investigation": (3, 6),
    "record": (4, 8),
    "agreement": (4, 9),
    "oral-agreement": (3, 6),
    "visit": (2, 4),
    "case-file": (25, 50),
}


@pytest.mark.parametrize("name", sorted(EDGE))
def test_long_data_flows_onto_further_pages_without_loss(edge_pdf, name: str) -> None:
    pdf = edge_pdf(name)
    low, high = EDGE_PAGES[name]
    assert low <= pdf.page_count <= high
    data = s.edge_mediation()
    for party in data.parties:
        if name in ("application", "agreement", "oral-agreement", "case-file", "notice",
                    "registration"):
            assert pdf.contains(party.name), party.name
    # 12 parties sign: every signature line is there.
    if name == "agreement":
        assert pdf.flat.count(SIGNATURE) == 12
        assert pdf.contains("本协议一式十三份")
        assert pdf.contains("第十二方" + SIGNATURE)
    if name in ("application", "case-file"):
        assert pdf.contains(data.application.statement)  # 5,000 characters, every one
    if name in ("agreement", "case-file"):
        for term in data.agreement.terms:
            assert pdf.contains(term.text), term.text
        assert pdf.contains("四十、第40户当事人")
        assert pdf.contains("人民币玖万捌仟柒佰陆拾伍元肆角叁分")
    if name == "record":
        assert pdf.contains(data.sessions[0].body)


def test_rare_name_characters_come_back_exactly(sample_pdf, edge_pdf) -> None:
    for pdf in (sample_pdf("receipt"), sample_pdf("agreement"), edge_pdf("agreement")):
        for name in ("王䶮", "李喆"):
            assert name in pdf.text
    edge = edge_pdf("application")
    for name in ("王䶮", "李喆", "陈赟", "林堃", "黄䶮喆", "郑赟堃"):
        assert name in edge.text


def test_case_file_contents_page_numbers_match_the_pages(edge_pdf) -> None:
    pdf = edge_pdf("case-file")
    committee = "城东社区人民调解委员会"
    titles = [form.title for form in FORMS.values()]
    starts: list[tuple[str, int]] = []  # (title, printed page number)
    for physical, text in enumerate(pdf.page_texts):
        flat = re.sub(r"\s+", "", text)
        for title in titles:
            if flat.startswith(committee + title) and physical >= 2:
                starts.append((title, physical - 1))
    assert [t for t, _ in starts] == [
        "人民调解申请书", "人民调解受理登记表", "人民调解当事人权利义务告知书",
        "人民调解调查记录", "人民调解记录", "人民调解协议书", "人民调解口头协议登记表",
        "人民调解回访记录"]
    total = pdf.page_count - 3  # cover, contents and back cover are not numbered
    cells = pdf.page_texts[1].split()  # the contents table, cell by cell
    for index, (title, start) in enumerate(starts):
        end = starts[index + 1][1] - 1 if index + 1 < len(starts) else total
        pages = str(start) if end == start else f"{start}-{end}"
        at = next(i for i, cell in enumerate(cells) if cell.startswith(title))
        assert cells[at - 1: at + 2:2] == [str(index + 1), pages], (title, cells[at - 1: at + 2])
    assert f"共{total}页" in re.sub(r"\s+", "", pdf.page_texts[-1])
    assert f"第{total}页共{total}页" in re.sub(r"\s+", "", pdf.page_texts[-2])


def test_case_file_leaves_out_forms_without_data(inspect_pdf) -> None:
    mediation = replace(s.sample_mediation(), application=None, investigations=(), visits=())
    pdf = inspect_pdf(render("case-file", s.sample_case_file(mediation)))
    contents = pdf.page_texts[1]
    assert "人民调解申请书" not in contents and "回访记录" not in contents
    assert "人民调解协议书" in contents
    assert pdf.page_count == 3 + 4


def test_ledger_header_repeats_on_every_page(sample_pdf) -> None:
    pdf = sample_pdf("ledger")
    for number, text in enumerate(pdf.page_texts, start=1):
        flat = re.sub(r"\s+", "", text)
        assert "工单编号" in flat and "诉求摘要" in flat
        assert f"第{number}页共{pdf.page_count}页" in flat
    assert "合计" in pdf.page_texts[-1]


def test_empty_ledger_still_prints_its_totals(inspect_pdf) -> None:
    data = replace(s.sample_case_ledger(), rows=())
    pdf = inspect_pdf(render("ledger", data))
    assert pdf.page_count == 1
    assert pdf.contains("共0件")


@pytest.mark.parametrize(
    ("table", "name"),
    [("sample", n) for n in sorted(SAMPLES)] + [("edge", n) for n in sorted(EDGE)],
)
def test_no_text_is_printed_over_other_text(inspect_pdf, table: str, name: str) -> None:
    """A cell that overflowed, or split across pages at the wrong width, overprints."""
    assert inspect_pdf(_rendered(table, name)).overprinted() == []


@pytest.mark.parametrize("paper", list(ReceiptPaper))
def test_long_receipt_summary_is_kept_whole(inspect_pdf, paper: ReceiptPaper) -> None:
    summary = s.long_statement(1000)
    pdf = inspect_pdf(render("receipt", replace(s.sample_receipt(paper), summary=summary)))
    # The row's label sits beside the middle of its text; reading order puts it inside.
    assert re.sub(r"\s+", "", summary) in pdf.flat.replace("诉求摘要", "")
    assert pdf.overprinted() == []
    # Half a sheet shrinks the copy to fit its half; A5 flows onto a second page.
    assert pdf.page_count == (1 if paper is ReceiptPaper.HALF_A4 else 2)


# ------------------------------------------------------------------------------- masking


@pytest.mark.parametrize("name", ["receipt", "receipt-half-a4", "referral", "ledger"])
def test_resident_phones_are_masked(sample_pdf, name: str) -> None:
    pdf = sample_pdf(name)
    assert not re.search(r"1[3-9]\d{9}", pdf.flat), "a full mobile number was printed"


def test_id_number_masked_unless_the_full_number_is_chosen(inspect_pdf) -> None:
    masked = inspect_pdf(render("referral", s.sample_referral()))
    assert s.ID_NUMBER not in masked.flat
    assert "350***********123X" in masked.flat
    full = inspect_pdf(render("referral", replace(s.sample_referral(), show_full_id=True)))
    assert s.ID_NUMBER in full.flat


@pytest.mark.parametrize("name", sorted(set(FORMS) | {"case-file"}))
def test_official_forms_print_no_id_number(sample_pdf, name: str) -> None:
    flat = sample_pdf(name).flat
    assert "身份证" not in flat
    assert not re.search(r"\d{17}[\dX]", flat)


def test_mediation_phones_can_be_masked(inspect_pdf) -> None:
    data = replace(s.sample_mediation(), mask_phones=True)
    pdf = inspect_pdf(render("agreement", data))
    assert s.PHONE not in pdf.flat
    assert "138****8000" in pdf.flat


# ----------------------------------------------------------------------- looking at pages


MM = 30 / 25.4  # pixels per millimetre at 30 dpi


def _blank(image: Image.Image, box: tuple[float, float, float, float]) -> bool:
    left, top, right, bottom = (round(v * MM) for v in box)
    lowest, _ = image.crop((left, top, right, bottom)).getextrema()
    return lowest > 200


@pytest.mark.parametrize(
    ("table", "name"),
    [("sample", "agreement"), ("sample", "referral"), ("sample", "receipt"),
     ("sample", "receipt-half-a4"), ("sample", "ledger"), ("edge", "application"),
     ("edge", "agreement"), ("edge", "record"), ("edge", "case-file")],
)
def test_nothing_is_printed_in_the_margins(inspect_pdf, table: str, name: str) -> None:
    """Text that overflowed a cell or the frame would show up in the page margins."""
    pdf = inspect_pdf(_rendered(table, name))
    for path in pdf.page_images():
        with Image.open(path) as image:
            page = image.convert("L")
            width_mm, height_mm = page.width / MM, page.height / MM
            if width_mm > height_mm:  # landscape ledger: 15 mm margins
                side, top, bottom = 10, 10, 5
            elif width_mm < 160:  # A5 receipt: 12 mm margins
                side, top, bottom = 8, 8, 4
            elif "receipt" in name:  # half sheets: 12 mm margins, the cut line between
                side, top, bottom = 8, 6, 6
            else:  # A4 forms: 28 mm binding margin, 22 mm right
                side, top, bottom = 18, 12, 5
            assert _blank(page, (0, 0, side, height_mm / 2 - 3)), path.name
            assert _blank(page, (0, height_mm / 2 + 3, side, height_mm)), path.name
            assert _blank(page, (width_mm - side, 0, width_mm, height_mm / 2 - 3)), path.name
            assert _blank(page, (width_mm - side, height_mm / 2 + 3, width_mm, height_mm)), (
                path.name)
            assert _blank(page, (0, 0, width_mm, top)), path.name
            assert _blank(page, (0, height_mm - bottom, width_mm, height_mm)), path.name
