"""Enumerations of the domain, each value with its Chinese label.

Values are stable English codes: they are stored in the database, travel in sync events and
appear in ``--json`` output. Labels are what people read.
"""

from __future__ import annotations

from enum import StrEnum


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Chinese label: ``Member = ("code", "标签")``."""

    label: str

    def __new__(cls, value: str, label: str) -> LabelledEnum:
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member

    @classmethod
    def from_label(cls, label: str) -> LabelledEnum:
        for member in cls:
            if member.label == label:
                return member
        raise ValueError(label)


class StationKind(LabelledEnum):
    VILLAGE = ("village", "村网格驿站")
    COMMUNITY = ("community", "社区网格驿站")
    CENTER = ("center", "镇网格服务管理中心")
    DEPARTMENT = ("department", "职能部门")


class Role(LabelledEnum):
    """Roles of local user accounts (who may do what is decided per action)."""

    RECEPTIONIST = ("receptionist", "接待员")
    GRID_WORKER = ("grid_worker", "网格员")
    MEDIATOR = ("mediator", "调解员")
    STATION_ADMIN = ("station_admin", "驿站管理员")
    DISPATCHER = ("dispatcher", "中心派单员")
    DEPARTMENT_HANDLER = ("department_handler", "部门经办人")
    VIEWER = ("viewer", "查看者")


class RosterRole(LabelledEnum):
    """Roles of people on the town's roster (reference data, not login accounts)."""

    GRID_WORKER = ("grid_worker", "网格员")
    GRID_LEADER = ("grid_leader", "网格长")
    DEPUTY_GRID_LEADER = ("deputy_grid_leader", "副网格长（社区民警）")
    MEDIATOR = ("mediator", "和事佬调解员")
    RECEPTIONIST = ("receptionist", "接待员")
    DISPATCHER = ("dispatcher", "中心派单员")


class CommunityKind(LabelledEnum):
    COMMUNITY = ("community", "社区")
    VILLAGE = ("village", "村")


class Channel(LabelledEnum):
    WALK_IN = ("walk_in", "来访")
    PHONE = ("phone", "来电")
    WECHAT = ("wechat", "微信群")
    GRID_VISIT = ("grid_visit", "网格员走访")
    HOTLINE_12345 = ("hotline_12345", "12345转办")
    OTHER = ("other", "其他")


class Urgency(LabelledEnum):
    NORMAL = ("normal", "一般")
    URGENT = ("urgent", "紧急")
    CRITICAL = ("critical", "特急")


class Route(LabelledEnum):
    """Where a request is meant to be handled (a category's default, the case's actual)."""

    DESK = ("desk", "窗口直办")
    STATION = ("station", "本站办理")
    CENTER = ("center", "上报镇中心")


class CaseStatus(LabelledEnum):
    RECEIVED = ("received", "已受理")
    DESK_SETTLED = ("desk_settled", "直办")
    STATION_HANDLING = ("station_handling", "本站办理")
    AWAITING_DISPATCH = ("awaiting_dispatch", "待派单")
    DISPATCHED = ("dispatched", "已派单（待签收）")
    IN_PROGRESS = ("in_progress", "办理中")
    REPLIED = ("replied", "已回复")
    AWAITING_VISIT = ("awaiting_visit", "待回访")
    CLOSED = ("closed", "已办结")
    ARCHIVED = ("archived", "已归档")
    TO_MEDIATION = ("to_mediation", "转调解")
    MERGED = ("merged", "合并重复件")
    VOID = ("void", "作废")


class Rating(LabelledEnum):
    SATISFIED = ("satisfied", "满意")
    BASICALLY_SATISFIED = ("basically_satisfied", "基本满意")
    DISSATISFIED = ("dissatisfied", "不满意")


class Gender(LabelledEnum):
    MALE = ("male", "男")
    FEMALE = ("female", "女")


class MediationSource(LabelledEnum):
    APPLICATION = ("application", "当事人申请")
    INITIATIVE = ("initiative", "主动调解")
    REFERRAL = ("referral", "委托移送")


class MediationStatus(LabelledEnum):
    ACCEPTED = ("accepted", "已受理")
    IN_PROGRESS = ("in_progress", "调解中")
    SUCCEEDED = ("succeeded", "调解成功")
    FAILED = ("failed", "调解不成")
    TERMINATED = ("terminated", "终止调解")
    NOT_ACCEPTED = ("not_accepted", "不予受理")


class AgreementForm(LabelledEnum):
    WRITTEN = ("written", "书面协议")
    ORAL = ("oral", "口头协议")


class PartyRole(LabelledEnum):
    APPLICANT = ("applicant", "申请人")
    RESPONDENT = ("respondent", "被申请人")


class PerformanceStatus(LabelledEnum):
    PENDING = ("pending", "履行中")
    PARTIAL = ("partial", "部分履行")
    PERFORMED = ("performed", "已履行")
    BREACHED = ("breached", "未履行")
