"""Work-order slips: the reception receipt (受理回执) and the referral slip (交办单/转办单)."""

from __future__ import annotations

from datetime import datetime

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, FrameBreak, KeepInFrame, Paragraph

from station.documents import toolkit as tk
from station.documents.checks import require
from station.documents.data import ReceiptData, ReceiptPaper, ReferralData
from station.documents.formatting import (
    BLANK_DATE,
    format_date,
    format_datetime,
    mask_phone,
    shown_id_number,
)

RECEIPT_TITLE = "受理回执"
KEEP_NOTE = "请妥善保管本回执。查询办理进度或补充材料时，请提供工单编号或出示本回执二维码。"


def receipt_next_steps(data: ReceiptData) -> str:
    """What the resident is told happens next (the data's own text when given)."""
    if data.next_steps.strip():
        return data.next_steps.strip()
    if data.reply_due is not None:
        return (
            f"您反映的事项已受理登记，我们将按规定及时办理，并于{format_date(data.reply_due)}前"
            "将办理情况答复您。办结后工作人员将回访听取您的评价。"
        )
    return (
        "您反映的事项已受理登记，我们将按规定及时办理并答复您。"
        "办结后工作人员将回访听取您的评价。"
    )


def _receipt_copy(
    data: ReceiptData, *, width: float, copy_label: str, size: float
) -> list[Flowable]:
    st = tk.styles(size)
    qr_size = 22 * mm
    heading = tk.title_block(RECEIPT_TITLE, st=st, org=data.station_name, copy_label=copy_label)
    # An empty column as wide as the QR code keeps the title centred on the slip.
    head = tk.columns(
        [[], heading, tk.qr_code(data.case_number, size=qr_size)],
        widths=[qr_size, width - 2 * qr_size, qr_size],
    )
    grid = tk.field_grid(
        [
            [tk.Cell("工单编号", data.case_number, span=2)],
            [tk.Cell("受理时间", format_datetime(data.received_at)),
             tk.Cell("受理渠道", data.channel)],
            [tk.Cell("诉求人", data.requester_name),
             tk.Cell("联系电话", mask_phone(data.requester_phone))],
            [tk.Cell("诉求类别", data.category),
             tk.Cell("预计答复", format_date(data.reply_due) if data.reply_due else "按规定时限")],
            *([[tk.Cell("事发地点", data.location, span=2)]] if data.location.strip() else []),
            [tk.Cell("诉求摘要", data.summary, span=2)],
            [tk.Cell("后续办理", receipt_next_steps(data), span=2)],
        ],
        width=width, st=st, label_width=17 * mm,
    )
    contact = f"驿站电话：{data.station_phone}" if data.station_phone.strip() else ""
    receptionist = f"受理人：{data.receptionist}" if data.receptionist.strip() else "受理人："
    footer = tk.columns(
        [[tk.para(receptionist, st.plain), tk.para(contact, st.plain)],
         [tk.para(f"{data.station_name}（盖章）", st.right),
          tk.para(format_date(data.received_at), st.right)]],
        widths=[width / 2, width / 2],
    )
    return [head, tk.spacer(1.5), *grid, tk.spacer(2),
            Paragraph(tk.esc(KEEP_NOTE), st.note), tk.spacer(2), footer]


def render_receipt(data: ReceiptData, *, created: datetime | None = None) -> bytes:
    """受理回执 on A5, or two copies on half an A4 sheet each (交诉求人 / 存根)."""
    require(RECEIPT_TITLE, data)
    paper = tk.Paper.HALF_A4 if data.paper is ReceiptPaper.HALF_A4 else tk.Paper.A5
    width, height = tk.frame_size(paper)
    if paper is tk.Paper.HALF_A4:
        story: list[Flowable] = []
        for label in ("第一联　交诉求人", "第二联　驿站存根"):
            copy = _receipt_copy(data, width=width, copy_label=label, size=11)
            story += [KeepInFrame(width, height, copy, mode="shrink"), FrameBreak()]
        story.pop()
    else:
        story = _receipt_copy(data, width=width, copy_label="", size=11)
    meta = tk.Meta(
        title=f"{RECEIPT_TITLE} {data.case_number}",
        author=data.station_name,
        subject=RECEIPT_TITLE,
        created=created or data.document_date,
    )
    first = tk.PLAIN if paper is tk.Paper.HALF_A4 else tk.NUMBERED
    return tk.build_pdf(story, paper=paper, meta=meta, first_template=first)


def render_referral(data: ReferralData, *, created: datetime | None = None) -> bytes:
    """交办单 / 转办单 on A4, with the return section the handler fills in by hand."""
    title = data.kind.title
    require(title, data)
    st = tk.styles(12)
    width, _ = tk.frame_size(tk.Paper.A4)
    verb = "交办" if title == "交办单" else "转办"
    number = data.slip_number.strip() or data.case_number
    id_text = shown_id_number(data.requester_id_number, show_full=data.show_full_id)
    contact = "　".join(x for x in (data.contact_name.strip(), data.contact_phone.strip()) if x)

    facts = tk.field_grid(
        [
            [tk.Cell("承办单位", data.recipient, span=2)],
            [tk.Cell("工单编号", data.case_number), tk.Cell(f"{verb}时间",
                                                          format_datetime(data.referred_at))],
            [tk.Cell("受理时间", format_datetime(data.received_at)),
             tk.Cell("受理渠道", data.channel)],
            [tk.Cell("诉求人", data.requester_name),
             tk.Cell("联系电话", mask_phone(data.requester_phone))],
            *([[tk.Cell("身份证号码", id_text, span=2)]] if id_text else []),
            *([[tk.Cell("联系地址", data.requester_address, span=2)]]
              if data.requester_address.strip() else []),
            [tk.Cell("诉求类别", data.category), tk.Cell("紧急程度", data.urgency or "一般")],
            [tk.Cell("事发地点", data.location, span=2)],
            [tk.Cell("诉求摘要", data.summary, span=2)],
            *([[tk.Cell("诉求详情", tk.paragraphs(data.description, st.cell), span=2)]]
              if data.description.strip() else []),
            [tk.Cell(f"{verb}要求", tk.paragraphs(data.requested_action, st.cell), span=2)],
            [tk.Cell("办理时限", f"请于{format_date(data.deadline)}前办结并反馈", span=2)],
            [tk.Cell(f"{verb}单位", data.issuer), tk.Cell("联系人及电话", contact)],
            *([[tk.Cell("备注", data.notes, span=2)]] if data.notes.strip() else []),
        ],
        width=width, st=st, label_width=30 * mm,
    )
    feedback = tk.field_grid(
        [
            [tk.Cell("办理结果", [tk.RuledSpace(6, gap=8.5 * mm)], span=2)],
            [tk.Cell("经办人（签名）", ""), tk.Cell("联系电话", "")],
            [tk.Cell("承办单位（盖章）", [tk.spacer(14)]), tk.Cell("办结日期", BLANK_DATE)],
        ],
        width=width, st=st, label_width=30 * mm,
    )
    story: list[Flowable] = [
        *tk.title_block(title, st=st, org=data.issuer, number=number),
        *facts,
        Paragraph("办理情况反馈（由承办单位填写）", st.heading),
        *feedback,
        tk.spacer(2),
        Paragraph(
            tk.esc(
                f"说明：请承办单位于办理时限内办结，并将办理结果反馈{verb}单位；"
                f"不属于本单位职责的，请于一个工作日内说明理由退回{verb}单位。"
                "办理过程中请注意保护诉求人个人信息。"
            ),
            st.note,
        ),
    ]
    meta = tk.Meta(
        title=f"{title} {number}",
        author=data.issuer,
        subject=title,
        created=created or data.document_date,
    )
    return tk.build_pdf(story, paper=tk.Paper.A4, meta=meta)
