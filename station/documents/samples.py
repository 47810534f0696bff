"""Sample data for every document: realistic cases and edge cases.

Used by the tests, the benchmark and anyone who wants to see a document without a database
(``python -m station.documents.samples OUT_DIR`` writes one PDF of each kind). Names with
rare characters (堃 喆 赟 䶮) are deliberate: they must print, not become boxes.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from station.documents import render
from station.documents.data import (
    AgreementData,
    AgreementTerm,
    ApplicationData,
    CaseFileData,
    CaseLedgerRow,
    InvestigationData,
    LedgerData,
    LedgerKind,
    MediationFormData,
    MediationLedgerRow,
    MediationSource,
    OralAgreementData,
    PartyData,
    PartyRole,
    ReceiptData,
    ReceiptPaper,
    ReferralData,
    SessionData,
    VisitData,
)

RARE_NAMES = ("王䶮", "李喆", "陈赟", "林堃")

#: Full numbers, as the database holds them; documents must mask them.
PHONE = "13800138000"
ID_NUMBER = "35010219900307123X"

_STATEMENT_SENTENCES = (
    "我家与被申请人家系前后邻居，两家之间有一条宽约一米五的共用通道，是我家进出的唯一道路。",
    "自去年十月起，被申请人在通道上陆续堆放旧家具、纸箱、废旧木料和几袋水泥，"
    "占去通道一半以上宽度。",
    "我母亲今年七十八岁，腿脚不便，需要使用助行器，堆放物品后她无法独自通过，"
    "只能请邻居帮忙搀扶。",
    "今年一月的一个晚上，我父亲下班回家时被堆在拐角处的木料绊倒，右手腕扭伤，"
    "到镇卫生院拍片检查，花去医疗费四百余元。",
    "我曾多次上门与被申请人协商，请他把东西搬走，他表示东西是准备翻修房屋用的，"
    "过段时间自然会清走，但一直没有行动。",
    "网格员上门走访时也做过劝说，被申请人当时答应清理，事后只搬走了一部分纸箱。",
    "我认为共用通道是两家共同使用的，任何一方都不应当占用，更不能影响老人的安全和消防通行。",
    "为了邻里和睦，我不想把事情闹大，希望通过社区调解委员会把问题说清楚、解决好。",
)

_QA = (
    "问：我们是城东社区人民调解委员会的调解员，今天就你与邻居通道堆物的纠纷向你了解情况，"
    "你应当如实陈述，听清楚了吗？\n"
    "答：听清楚了。\n"
    "问：通道上的东西是不是你堆放的？什么时候开始堆放的？\n"
    "答：是我放的，去年十月开始放的，是准备翻修老房子用的材料。\n"
    "问：对方反映老人通行不便、有人被绊倒，你知道这个情况吗？\n"
    "答：听说过，我没想到会影响这么大，我愿意把东西挪走，但需要一点时间找地方。\n"
    "问：你觉得多长时间可以清理完毕？\n"
    "答：一个星期以内可以清理完。"
)


def long_statement(length: int = 5000) -> str:
    """A realistic statement of at least ``length`` characters, in paragraphs."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < length:
        sentence = _STATEMENT_SENTENCES[i % len(_STATEMENT_SENTENCES)]
        parts.append(sentence)
        total += len(sentence)
        i += 1
        if i % 4 == 0:
            parts.append("\n")
    return "".join(parts)


def sample_receipt(paper: ReceiptPaper = ReceiptPaper.A5) -> ReceiptData:
    return ReceiptData(
        station_name="城东社区网格驿站",
        station_phone="0591-83001234",
        case_number="CD01-20260305-007",
        received_at=datetime(2026, 3, 5, 9, 30),
        channel="来访",
        requester_name="王䶮",
        requester_phone=PHONE,
        category="邻里纠纷／占道堆物",
        summary="反映邻居李喆在共用通道上长期堆放旧家具、纸箱和木料，影响老人通行和消防安全，"
        "要求协调清理。",
        location="城东社区幸福里3号楼东侧通道",
        receptionist="陈赟",
        reply_due=date(2026, 3, 12),
        paper=paper,
    )


def sample_referral() -> ReferralData:
    return ReferralData(
        case_number="CG00-20260306-015",
        issuer="城关镇网格化服务管理中心",
        recipient="城关镇农业农村办公室",
        referred_at=datetime(2026, 3, 6, 14, 0),
        deadline=date(2026, 3, 13),
        received_at=datetime(2026, 3, 6, 10, 12),
        channel="网格员走访",
        requester_name="林堃",
        requester_phone="13905918888",
        requester_id_number=ID_NUMBER,
        requester_address="城关镇溪口村5组28号",
        category="环境卫生／河道养殖",
        urgency="紧急",
        location="溪口村后门溪河段（溪口桥下游约200米）",
        summary="后门溪河段有人放养鸭群约300只，水体发臭，影响下游村民用水。",
        description="网格员走访时村民反映：后门溪河段近两个月有人在河滩搭棚放养鸭群，数量约300只。"
        "\n鸭粪直接排入河道，水体发黑发臭，下游约40户村民反映洗衣、灌溉用水受影响。"
        "\n村委会已两次上门劝说，养殖户表示没有其他场地，未予清退。",
        requested_action="请核实养殖主体及规模，依据《畜禽规模养殖污染防治条例》等规定依法处置，"
        "责令限期清退或规范养殖，并将处理结果书面反馈镇网格中心。",
        contact_name="吴喆",
        contact_phone="0591-83005678",
    )


def _parties() -> tuple[PartyData, ...]:
    return (
        PartyData(name="王䶮", role=PartyRole.APPLICANT, gender="男", ethnicity="汉族", age="46",
                  occupation="个体工商户", phone=PHONE, address="城东社区幸福里3号楼102室"),
        PartyData(name="李喆", role=PartyRole.RESPONDENT, gender="男", ethnicity="畲族",
                  age="52", occupation="务农", phone="13600136000",
                  address="城东社区幸福里3号楼101室"),
    )


def sample_mediation() -> MediationFormData:
    """A neighbour dispute settled by a written agreement, with every record filled."""
    return MediationFormData(
        committee="城东社区人民调解委员会",
        case_number="（2026）城东人调字第12号",
        parties=_parties(),
        mediators=("陈赟", "林堃"),
        dispute_type="邻里纠纷",
        source=MediationSource.APPLICATION,
        accepted_on=date(2026, 3, 6),
        facts="申请人王䶮与被申请人李喆系前后邻居。被申请人自2025年10月起在两家共用通道上堆放"
        "旧家具、木料等杂物，占用通道一半以上宽度，致申请人家中老人通行困难，申请人之父曾被绊倒受伤。"
        "双方多次协商未果，申请人请求调解。",
        recorder="吴喆",
        notice_given_on=date(2026, 3, 6),
        application=ApplicationData(
            applied_on=date(2026, 3, 6),
            statement="".join(_STATEMENT_SENTENCES),
            requests=("请求被申请人清理共用通道上堆放的全部杂物，今后不再占用通道；",
                      "请求被申请人赔偿申请人之父医疗费人民币四百六十元。"),
        ),
        investigations=(
            InvestigationData(held_at=datetime(2026, 3, 7, 9, 0), place="城东社区调解室",
                              subject="李喆", participants="网格员 郑小梅", body=_QA),
            InvestigationData(held_at=datetime(2026, 3, 7, 15, 30), place="幸福里3号楼东侧通道",
                              subject="赵阿姨（邻居，证人）",
                              body="问：你平时走这条通道吗？\n答：每天都走，通道上的木料堆了好几个月了，"
                              "晚上没有灯，很容易碰到。\n经现场查看：通道全长约十五米，"
                              "东侧堆放木料、旧沙发、纸箱等，剩余通行宽度约六十厘米。"),
        ),
        sessions=(
            SessionData(
                held_at=datetime(2026, 3, 9, 14, 30), place="城东社区调解室",
                participants="网格员 郑小梅；社区法律顾问 黄律师",
                body="调解员告知双方当事人人民调解的性质、原则、效力及权利义务，双方表示知悉，"
                "同意调解，不申请调解员回避。\n申请人陈述：通道被占后老人出行不便，父亲被绊伤，"
                "希望对方尽快清理并承担医疗费。\n被申请人陈述：堆放物品是准备翻修房屋用的，"
                "没想到造成这么大影响，愿意清理，医疗费愿意承担一部分。\n"
                "调解员结合《中华人民共和国民法典》第二百八十八条关于相邻关系的规定，"
                "讲明共用通道应当保持畅通、相邻各方应当互相提供便利的道理，并对双方进行疏导。"
                "\n经反复协商，双方互谅互让，就清理期限和医疗费数额达成一致。",
                result="双方自愿达成协议，制作人民调解协议书。",
            ),
        ),
        agreement=AgreementData(
            facts_and_issues="被申请人李喆自2025年10月起在双方共用通道上堆放杂物，"
            "影响申请人家庭通行，申请人之父被绊倒受伤。争议事项：一是杂物清理及今后通道使用；"
            "二是医疗费承担。",
            terms=(
                AgreementTerm(text="乙方于2026年3月15日前将共用通道上堆放的全部杂物清理完毕，"
                              "今后不再在通道内堆放任何物品。"),
                AgreementTerm(text="乙方于2026年3月15日前一次性支付甲方之父医疗费",
                              amount=Decimal("460")),
                AgreementTerm(text="双方今后共同维护通道整洁畅通，互谅互让，和睦相处。"),
                AgreementTerm(text="本协议履行完毕后，双方就本纠纷再无其他争议。"),
            ),
            performance="第一项由社区网格员于2026年3月16日到现场核实；第二项以现金方式当面支付，"
            "由甲方出具收条。",
            signed_on=date(2026, 3, 9),
            amount=Decimal("460"),
        ),
        visits=(
            VisitData(visited_on=date(2026, 3, 20), visitor="陈赟", performance_status="已履行",
                      notes="经回访，乙方已于3月14日清理完毕通道内全部杂物，并已支付医疗费460元，"
                      "甲方出具了收条。双方对调解结果表示满意，邻里关系恢复正常，无遗留隐患。"),
        ),
    )


def edge_mediation() -> MediationFormData:
    """Long and many: a 5,000-character statement, 12 parties, 40 terms, rare names."""
    base = sample_mediation()
    surnames = "王李陈林黄郑吴刘张杨赵周"
    given = ("䶮", "喆", "赟", "堃", "䶮喆", "赟堃", "明", "芳", "建国", "秀英", "志强", "丽")
    parties = tuple(
        PartyData(
            name=f"{surnames[i]}{given[i]}",
            role=PartyRole.APPLICANT if i < 6 else PartyRole.RESPONDENT,
            gender="男" if i % 2 == 0 else "女", ethnicity="汉族", age=str(30 + i),
            occupation="村民", phone=f"1380013{8000 + i:04d}",
            address=f"城东社区幸福里{i + 1}号楼{100 + i}室（原溪口村{i + 1}组）",
            agent="黄律师（福建某某律师事务所）" if i == 0 else "",
        )
        for i in range(12)
    )
    terms = tuple(
        AgreementTerm(
            text=f"第{i + 1}户当事人于2026年4月{(i % 28) + 1}日前完成其门前共用通道的清理，"
            "并按约定分摊路灯安装费用",
            amount=Decimal("1234.5") + i if i % 3 == 0 else None,
        )
        for i in range(40)
    )
    long_body = "\n".join([_QA] * 12)
    return replace(
        base,
        parties=parties,
        facts=long_statement(1500),
        application=replace(base.application, statement=long_statement(5000),
                            requests=tuple(f"申请事项第{i + 1}项：{s}" for i, s in
                                           enumerate(_STATEMENT_SENTENCES))),
        investigations=(replace(base.investigations[0], body=long_body),),
        sessions=(replace(base.sessions[0], body=long_statement(5000), result=""),),
        agreement=replace(base.agreement, terms=terms, facts_and_issues=long_statement(1200),
                          amount=Decimal("98765.43")),
        oral_agreement=OralAgreementData(agreed_on=date(2026, 3, 9), content=long_statement(800),
                                         performance="当场履行"),
        visits=(replace(base.visits[0], notes=long_statement(2000)),),
    )


def sample_oral_mediation() -> MediationFormData:
    """A dispute settled by an oral agreement (no written agreement)."""
    return replace(
        sample_mediation(),
        agreement=None,
        oral_agreement=OralAgreementData(
            agreed_on=date(2026, 3, 9),
            content="乙方当天将通道内杂物清理完毕；甲方不再追究医疗费。",
            performance="当场履行，调解员现场见证。",
        ),
    )


def sample_case_file(mediation: MediationFormData | None = None) -> CaseFileData:
    return CaseFileData(
        mediation=mediation or sample_mediation(),
        filed_by="吴喆",
        filed_on=date(2026, 3, 25),
        retention="长期",
        mediation_to=date(2026, 3, 9),
        checked_by="陈赟",
    )


_LEDGER_SUMMARIES = (
    "反映幸福里3号楼东侧通道长期堆放杂物，影响通行和消防安全，要求协调清理。",
    "后门溪河段有人放养鸭群约300只，水体发臭，影响下游村民洗衣和灌溉用水，要求依法处理并恢复河道卫生。",
)


def sample_case_ledger(rows: int = 60) -> LedgerData:
    statuses = ("已办结", "办理中", "已派单（待签收）", "待回访", "已办结", "已归档")
    categories = ("环境卫生", "邻里纠纷", "道路交通", "秸秆焚烧", "河道养殖", "物业管理")
    ratings = ("满意", "基本满意", "", "满意", "不满意", "满意")
    return LedgerData(
        kind=LedgerKind.CASES,
        unit="城关镇网格化服务管理中心",
        date_from=date(2026, 1, 1),
        date_to=date(2026, 3, 31),
        generated_at=datetime(2026, 4, 1, 8, 30),
        filters="社区：全部；渠道：全部",
        prepared_by="吴喆",
        rows=tuple(
            CaseLedgerRow(
                number=f"CD01-202601{(i % 28) + 1:02d}-{i + 1:03d}",
                received_at=datetime(2026, 1, (i % 28) + 1, 8 + i % 9, (7 * i) % 60),
                channel=("来访", "来电", "微信群", "网格员走访")[i % 4],
                requester_name=RARE_NAMES[i % 4],
                requester_phone=f"1390591{i:04d}",
                category=categories[i % len(categories)],
                summary=_LEDGER_SUMMARIES[i % 5 == 0],
                handler=("城东社区", "镇农业农村办", "镇综合执法队", "镇城建办")[i % 4],
                deadline=date(2026, 2, (i % 28) + 1),
                status=statuses[i % len(statuses)],
                rating=ratings[i % len(ratings)],
            )
            for i in range(rows)
        ),
    )


def sample_mediation_ledger(rows: int = 40) -> LedgerData:
    return LedgerData(
        kind=LedgerKind.MEDIATIONS,
        unit="城东社区人民调解委员会",
        date_from=date(2026, 1, 1),
        date_to=date(2026, 3, 31),
        generated_at=datetime(2026, 4, 1, 8, 30),
        rows=tuple(
            MediationLedgerRow(
                number=f"（2026）城东人调字第{i + 1}号",
                accepted_on=date(2026, 1 + i % 3, (i % 28) + 1),
                parties=(RARE_NAMES[i % 4], RARE_NAMES[(i + 1) % 4]),
                dispute_type=("邻里纠纷", "婚姻家庭纠纷", "损害赔偿纠纷")[i % 3],
                source=("当事人申请", "主动调解", "委托移送")[i % 3],
                mediators=("陈赟",),
                status=("调解成功", "调解成功", "调解不成")[i % 3],
                agreement_form=("书面协议", "口头协议", "")[i % 3],
                amount=Decimal(500 * (i + 1)) if i % 3 == 0 else None,
                performance=("已履行", "已履行", "")[i % 3],
                closed_on=date(2026, 1 + i % 3, min(28, (i % 28) + 10)),
            )
            for i in range(rows)
        ),
    )


def write_all(folder: Path) -> list[Path]:
    """One PDF of every kind from the sample data, for looking at."""
    folder.mkdir(parents=True, exist_ok=True)
    jobs = {
        "receipt": sample_receipt(),
        "receipt-half-a4": sample_receipt(ReceiptPaper.HALF_A4),
        "referral": sample_referral(),
        **{kind: sample_mediation() for kind in (
            "application", "registration", "notice", "investigation", "record", "agreement",
            "visit")},
        "oral-agreement": sample_oral_mediation(),
        "case-file": sample_case_file(),
        "ledger": sample_case_ledger(),
        "ledger-mediations": sample_mediation_ledger(),
    }
    written = []
    for name, data in jobs.items():
        kind = name.removesuffix("-half-a4").removesuffix("-mediations")
        path = folder / f"{name}.pdf"
        path.write_bytes(render(kind, data))
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_all(Path(sys.argv[1] if len(sys.argv) > 1 else "documents-sample")):
        print(path)
