"""Realistic demo tickets: every kind, older ones closed through their workflow, recent ones
at every stage, some overdue, some escalated, major incidents with and without their report.

Used by ``desk-app demo`` (a living queue for a newcomer) and by the queue benchmark
(200,000 tickets). It runs after :func:`desk_app.services.demo.generate` and reuses its desk:
the clerk on duty at any moment is the one the demo log has on that shift, complaints are
judged by the supervisor in office hours, and incident reports are written by the supervisor.

How a ticket is made, in three steps:

1. A *plan* (random, from the seed): the request as the clerk registers it
   (:class:`~desk_app.services.tickets.TicketInput`) and the later calls a person makes on
   it: judge, reply, dispatch, complete, follow-up visit, deliver, close, reopen, escalate,
   incident report, each with its moment and its person. Delays are the desk's usual ones
   and sometimes late, so clocks run out, escalations happen and a few tickets are overdue
   at the end. Whatever a plan has after ``now`` has not happened yet: recent tickets stay
   open at whatever stage they reached.
2. The plan is carried out, either by the real :class:`TicketService` on a simulated clock
   (``via_service=True``: every rule checked, slow) or by an emulation of exactly what those
   service calls write (the default: plain rows in bulk, 200,000 tickets in about a minute).
   Both also run the escalation sweep (``escalate_due``) whenever a clock crosses a threshold
   and after every call, and let the supervisor and the manager read their notices when they
   sign in each morning at 08:00. A test carries the same plans out both ways and compares
   every row, so the bulk rows are what the program itself would have written.
3. Rows are written in transactions of a few thousand tickets with everything hanging off
   them (clocks, events, notices and their readings, incident reports, residents and the
   bigram search index), so ``due_at`` is the earliest unmet clock of an open ticket and
   NULL once it is closed, and the queue's partial indexes hold.

Nothing is ever updated or deleted in the append-only tables; the same seed gives the same
tickets.
"""

from __future__ import annotations

import heapq
import itertools
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, insert, select, text, update

from desk_app.domain import tickets as tk
from desk_app.domain.clock import FixedClock
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role
from desk_app.domain.shifts import ShiftTemplate, occurrence
from desk_app.domain.textsearch import index_text
from desk_app.domain.tickets import ClockKind, KindRule, Source, TicketDetails, TicketKind, TicketStatus, Urgency, Validity
from desk_app.services.common import to_db
from desk_app.services.container import Services
from desk_app.services.demo import CLERKS
from desk_app.services.tickets import ESCALATION_HORIZON, ResidentInput, TicketInput, TicketService, TicketView
from desk_app.services.tickets import _details_to_json as details_json
from desk_app.storage.models import (
    IncidentReport,
    LogEntry,
    Resident,
    Ticket,
    TicketClock,
    TicketEvent,
    TicketNotice,
    TicketNoticeSeen,
)

Progress = Callable[[int, int], None]

# Tickets per write transaction: with their clocks, events, notices and index rows, ~20,000 rows.
TICKETS_PER_TRANSACTION = 4_000
# The supervisor and the manager read their notices when they sign in each morning.
SIGN_IN = time(8, 0, 0, 500_000)  # half a second: never at the same instant as a desk action
OFFICE_HOURS = (time(8, 30), time(17, 30))  # when the supervisor judges complaints
MAJOR_RATE = 0.001  # of help requests, repairs and complaints, besides the planted ones
URGENT_RATE = 0.05
BUILDINGS = 18
PRICE_LIST = (
    ("疏通下水道", "次", 5000),
    ("更换灯管", "支", 2000),
    ("开锁服务", "次", 3000),
    ("空调清洗", "台", 8000),
    ("家电维修上门", "次", 4000),
    ("更换水龙头", "个", 3500),
)
# (kind, weight by day, weight at night 22:00-07:00): the mix of a residential desk.
KIND_MIX = (
    (TicketKind.CONSULTATION, 20, 6),
    (TicketKind.HELP_REQUEST, 7, 22),
    (TicketKind.REPAIR, 22, 24),
    (TicketKind.COMPLAINT, 12, 26),
    (TicketKind.CONVENIENCE, 7, 0),
    (TicketKind.ITEM_RELEASE, 10, 0),
    (TicketKind.VISITOR, 16, 12),
    (TicketKind.MESSAGE, 6, 10),
)
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = (
    "伟",
    "芳",
    "娜",
    "敏",
    "静",
    "丽",
    "强",
    "磊",
    "军",
    "洋",
    "勇",
    "艳",
    "杰",
    "娟",
    "涛",
    "明",
    "超",
    "秀英",
    "建华",
    "桂兰",
    "志强",
    "海燕",
    "晓东",
    "玉梅",
    "国庆",
    "春花",
    "文博",
    "子涵",
    "雨欣",
    "浩然",
)
TITLES = ("先生", "女士", "阿姨", "叔叔", "老师", "师傅")
WORKERS = ("工程部刘师傅", "工程部陈师傅", "工程部赵师傅", "水电班孙师傅", "工程部周师傅")
HELPERS = ("秩序维护部小李", "秩序维护部王队长", "工程部刘师傅", "值班保安小张", "保洁班张阿姨")
CONSULTATIONS = (
    "咨询物业费缴纳方式，能否微信支付",
    "咨询装修申请需要准备哪些材料",
    "询问本周停水通知的具体时间",
    "咨询地下车位月卡办理及收费标准",
    "询问快递柜位置和取件方式",
    "咨询门禁卡补办流程和费用",
    "咨询垃圾分类投放时间",
    "询问社区老年活动中心开放时间",
    "咨询电动车充电桩安装条件",
    "询问小区游泳池开放时间",
    "咨询房屋出租需要在物业登记哪些信息",
    "询问电梯年检期间能否正常使用",
    "咨询阳台封窗是否需要报备",
    "询问燃气表更换的时间安排",
    "咨询宠物登记办法",
    "询问物业发票如何开具",
)
HELP_REQUESTS = (
    "老人忘带钥匙，请求协助开门",
    "业主车辆被堵，请求联系挡路车主挪车",
    "小孩被反锁在卫生间内",
    "电梯困人，请求救援",
    "家中老人突发不适，请求协助叫救护车",
    "宠物狗走失，请求调取监控协助寻找",
    "家中突然停电，请求帮助检查",
    "楼道有烟味，请求上门查看",
    "业主醉酒倒在单元门口，请求协助送回家",
    "家中水管爆裂，请求紧急关闭总阀",
    "钥匙断在锁芯里，请求协助",
    "快递包裹丢失，请求调取监控",
)
REPAIRS = (
    "卫生间漏水，楼下天花板渗水",
    "厨房水龙头关不紧，一直滴水",
    "客厅吊灯不亮，开关无反应",
    "门禁对讲没有声音",
    "阳台地漏堵塞，积水严重",
    "楼道声控灯损坏",
    "入户门锁芯损坏，钥匙拧不动",
    "空调外机排水管漏水",
    "热水器不出热水",
    "卧室窗户玻璃破裂",
    "马桶水箱漏水，一直响",
    "墙面插座冒火花，不敢使用",
    "楼上卫生间漏水到我家厨房",
    "单元门闭门器坏了，关不严",
    "地下车库顶棚滴水",
    "厨房下水管漏水，橱柜泡水",
    "电梯按钮失灵",
    "外墙窗边雨天渗水",
)
COMPLAINTS = (
    "楼上装修超时施工，中午噪音很大",
    "地下车库有人长期占用本人车位",
    "楼道堆放杂物多日无人清理",
    "垃圾清运不及时，垃圾桶周边有异味",
    "门岗保安态度不好，语气生硬",
    "小区内有人遛狗不牵绳，吓到孩子",
    "电梯故障多日未修复",
    "绿化带被踩踏，无人管理",
    "夜间广场舞音乐太吵，影响休息",
    "楼上住户阳台漏水到我家外墙",
    "邻居在楼道内违规给电动车充电",
    "物业维修人员约好时间未上门",
    "小区路灯多处不亮，夜间出行不安全",
    "地下车库出入口道闸经常故障",
    "隔壁装修垃圾堆在公共走廊",
    "夜间有外来车辆随意停放，堵住消防通道",
    "楼上高空抛物，阳台上发现烟头和果皮",
    "公共区域保洁不到位，楼梯扶手很脏",
)
CONVENIENCE = {
    "疏通下水道": ("厨房下水道堵塞，需要疏通", "卫生间下水慢，预约疏通"),
    "更换灯管": ("客厅灯管闪烁，预约更换", "厨房灯管坏了，需要更换"),
    "开锁服务": ("钥匙丢失，需要开锁", "入户门反锁打不开，预约开锁"),
    "空调清洗": ("预约空调清洗两台", "卧室空调有异味，预约清洗"),
    "家电维修上门": ("洗衣机不排水，预约上门维修", "油烟机噪音大，预约检修"),
    "更换水龙头": ("厨房水龙头老化，预约更换", "卫生间水龙头松动，预约更换"),
}
ITEMS = (
    "电视机 1台",
    "双人沙发 1张",
    "纸箱 6个",
    "旧冰箱 1台",
    "衣柜 1个",
    "书桌 1张",
    "洗衣机 1台",
    "电脑 2台",
    "床垫 1张",
    "自行车 1辆",
    "行李箱 3个",
    "办公椅 4把",
)
RELEASES = ("搬家搬出部分家具", "搬出旧家电", "租户退租搬离", "搬出办公设备", "搬出装修剩余材料")
VISITS = ("探望父母", "送货上门", "朋友来访", "家政服务人员上门", "维修人员上门安装宽带", "中介带客看房")
MESSAGES = (
    "快递放在前台，请通知业主领取",
    "燃气公司通知下周入户安检，请转告",
    "访客留言，请业主回电",
    "业主家人寄存钥匙在前台，请转交",
    "居委会通知参加业主大会，请转达",
    "外卖放在前台，请通知业主取",
    "装修公司留言，明早八点进场",
)
DEPARTMENTS = ("工程部", "保洁班", "秩序维护部", "财务室")
JUDGE_VALID = ("经核实，情况属实", "现场查看属实，属物业服务范围", "调取监控核实属实")
JUDGE_INVALID = ("经核实，不属物业服务范围，已向业主说明", "经调查情况不属实", "属业主之间私人纠纷，已做解释")
REPLIES_OPEN = ("已联系相关部门处理，约定时间再次答复", "已上门查看，需协调有关住户，稍后答复", "已安排整改，约定答复时间")
REPLIES_DONE = ("已协调处理完毕，业主表示理解", "已整改到位，电话告知业主", "已联系当事住户，问题已解决")
REPLIES_INVALID = ("已向业主解释相关规定", "已电话答复业主，说明情况", "已当面解释，业主表示理解")
RESULTS = ("已修复，业主确认", "已处理完毕", "已更换配件，恢复正常", "已疏通，试水正常", "已维修，现场清理干净")
HELP_RESULTS = ("已协助处理完毕", "已联系到车主挪车", "已协助业主开门", "已送医，家属陪同", "已处理，业主表示感谢")
SERVICE_RESULTS = ("服务完成，业主验收", "已按价目表收费，业主满意", "服务已完成")
FOLLOW_UPS_GOOD = ("业主表示满意", "业主满意，无其他意见", "业主基本满意", "电话回访，业主满意", "业主表示感谢")
FOLLOW_UPS_BAD = ("业主反映问题仍未彻底解决", "业主对处理时间不满意", "业主认为维修质量一般")
DELIVERIES = ("已电话通知业主", "已当面转交业主", "已短信通知业主", "")
CANCEL_REPAIR = ("业主自行找人维修，撤销报修", "业主来电取消报修", "问题已自行恢复，业主撤销")
CANCEL_HELP = ("业主已自行解决，撤销求助", "业主来电告知无需帮助")
ESCALATE_COMPLAINT = ("业主情绪激动，要求主管出面处理", "业主表示要向媒体反映，需主管处理", "涉及多户住户，需主管协调")
ESCALATE_REPAIR = ("涉及公共部位，需主管协调", "业主多次报修未解决，要求主管跟进")


@dataclass
class TicketDemoSummary:
    tickets: int = 0
    open: int = 0
    overdue: int = 0
    escalated: int = 0
    major: int = 0
    by_kind: dict[TicketKind, int] = field(default_factory=dict)

    def describe(self) -> str:
        return (
            f"Demo tickets: {self.tickets} ({self.open} open, {self.overdue} overdue, "
            f"{self.escalated} escalated, {self.major} major incidents)."
        )


# -- plans ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Step:
    """One later call on a ticket, as a person at the desk makes it."""

    at: datetime
    action: str  # judge reply dispatch complete follow_up deliver close reopen escalate report
    actor: Actor
    note: str = ""
    validity: Validity = Validity.UNDECIDED
    resolved: bool = False
    when: datetime | None = None  # reply: the next reply agreed; dispatch: a new visit time
    person: str = ""
    flag: bool | None = None  # complete: paid; follow_up: satisfied


@dataclass
class Plan:
    index: int
    created: datetime
    clerk: Actor
    data: TicketInput
    steps: list[Step] = field(default_factory=list)


@dataclass(frozen=True)
class _Desk:
    """What the plans and both ways of carrying them out share."""

    tz: ZoneInfo
    now: datetime
    rules: dict[TicketKind, KindRule]
    clerks: list[Actor]
    supervisor: Actor
    readers: list[Actor]  # supervisors and managers, who read notices at sign-in
    prices: list[tuple[int, str]]
    templates: list[ShiftTemplate]
    rotation_start: date

    def next_sign_in(self, after: datetime) -> datetime:
        local = after.astimezone(self.tz)
        moment = datetime.combine(local.date(), SIGN_IN, self.tz)
        return moment if moment > after else datetime.combine(local.date() + timedelta(days=1), SIGN_IN, self.tz)

    def sign_ins(self, start: datetime) -> Iterator[datetime]:
        moment = self.next_sign_in(start)
        while moment <= self.now:
            yield moment
            moment = datetime.combine(moment.astimezone(self.tz).date() + timedelta(days=1), SIGN_IN, self.tz)


class _Duty:
    """The clerk on duty at a moment: the demo log's rotation, one clerk per shift."""

    def __init__(self, desk: _Desk) -> None:
        self.desk = desk
        self.cache: dict[date, list[tuple[datetime, datetime, Actor]]] = {}

    def _shifts(self, day: date) -> list[tuple[datetime, datetime, Actor]]:
        found = self.cache.get(day)
        if found is None:
            desk = self.desk
            occs = sorted((occurrence(t, day, desk.tz) for t in desk.templates), key=lambda o: o.start)
            base = (day - desk.rotation_start).days * len(desk.templates)
            found = [(o.start, o.end, desk.clerks[(base + k) % len(desk.clerks)]) for k, o in enumerate(occs)]
            self.cache[day] = found
        return found

    def clerk(self, at: datetime) -> Actor:
        day = at.astimezone(self.desk.tz).date()
        best: tuple[datetime, Actor] | None = None
        for start, end, clerk in self._shifts(day - timedelta(days=1)) + self._shifts(day):
            if start <= at < end and (best is None or start > best[0]):
                best = (start, clerk)
        if best is not None:
            return best[1]
        return self.desk.clerks[at.astimezone(self.desk.tz).hour % len(self.desk.clerks)]


@lru_cache(maxsize=4096)
def _follow_up_day(completed_day: date, working_days: int) -> date:
    from desk_app.domain import workdays

    return workdays.add_working_days(completed_day, working_days)


def _follow_up_due(done: datetime, rule: KindRule, tz: ZoneInfo) -> datetime:
    """tk.follow_up_due (cached), with the service's fallback of a day when switched off."""
    if rule.follow_up_working_days is None:
        return done + timedelta(days=1)
    day = _follow_up_day(done.astimezone(tz).date(), rule.follow_up_working_days)
    return datetime.combine(day, time(23, 59), tz)


class _Planner:
    def __init__(self, desk: _Desk, rng: random.Random, total: int) -> None:
        self.desk = desk
        self.rng = rng
        self.duty = _Duty(desk)
        self.residents = self._residents(min(3000, max(40, total // 4)))

    # -- people ----------------------------------------------------------------------------
    def _residents(self, count: int) -> list[ResidentInput]:
        rng = self.rng
        people: list[ResidentInput] = []
        seen: set[ResidentInput] = set()
        while len(people) < count:
            surname = rng.choice(SURNAMES)
            name = surname + (rng.choice(GIVEN) if rng.random() < 0.55 else rng.choice(TITLES))
            building = f"{rng.randint(1, BUILDINGS)}栋"
            room = f"{rng.randint(1, 3)}单元{rng.randint(2, 33)}{rng.randint(1, 4):02d}"
            phone = f"1{rng.choice('35789')}{rng.randint(0, 9)}{rng.randint(0, 99_999_999):08d}"
            person = ResidentInput(name, building, room, phone)
            if person not in seen:
                seen.add(person)
                people.append(person)
        return people

    def _person_name(self) -> str:
        rng = self.rng
        return rng.choice(SURNAMES) + (rng.choice(GIVEN) if rng.random() < 0.6 else rng.choice(TITLES))

    # -- moments ---------------------------------------------------------------------------
    def after(self, start: datetime, low_minutes: float, high_minutes: float) -> datetime:
        return start + timedelta(seconds=self.rng.randint(int(low_minutes * 60), int(high_minutes * 60)))

    def daytime(self, at: datetime, first: int = 8, last: int = 21) -> datetime:
        """``at`` if it falls in the desk's day hours, else a moment early the next morning."""
        local = at.astimezone(self.desk.tz)
        if first <= local.hour < last:
            return at
        day = local.date() if local.hour < first else local.date() + timedelta(days=1)
        return datetime.combine(day, time(first), self.desk.tz) + timedelta(seconds=self.rng.randint(0, 5400))

    def visit_time(self, created: datetime, urgent: bool) -> datetime:
        """The time agreed with the resident: on the half hour, in working hours, ahead of now."""
        tz = self.desk.tz
        local = created.astimezone(tz)
        if urgent:
            soon = local + timedelta(minutes=self.rng.randint(30, 75))
            return soon.replace(minute=0 if soon.minute < 30 else 30, second=0, microsecond=0) + timedelta(minutes=30)
        day = local.date()
        if local.hour >= 16:
            day += timedelta(days=1)
        roll = self.rng.random()
        if roll > 0.9:
            day += timedelta(days=2)
        elif roll > 0.6:
            day += timedelta(days=1)
        low = local.hour + 2 if day == local.date() else 9
        hour = self.rng.randint(max(9, low), 17)
        return datetime.combine(day, time(hour, self.rng.choice((0, 30))), tz)

    def step(self, plan: Plan, at: datetime, action: str, actor: Actor | None = None, **kw: Any) -> Step:
        made = Step(at, action, actor or self.duty.clerk(at), **kw)
        plan.steps.append(made)
        return made

    # -- one ticket ------------------------------------------------------------------------
    def plan(self, index: int, created: datetime, major: bool) -> Plan:
        rng = self.rng
        local_hour = created.astimezone(self.desk.tz).hour
        night = local_hour >= 22 or local_hour < 7
        kinds = [k for k, _, _ in KIND_MIX]
        if major:
            kind = rng.choice((TicketKind.HELP_REQUEST, TicketKind.REPAIR))
        else:
            kind = rng.choices(kinds, [n if night else d for _, d, n in KIND_MIX])[0]
            if kind is TicketKind.CONVENIENCE and not self.desk.prices:
                kind = TicketKind.REPAIR
        urgency = Urgency.NORMAL
        if kind in (TicketKind.HELP_REQUEST, TicketKind.REPAIR, TicketKind.COMPLAINT):
            if major or rng.random() < MAJOR_RATE:
                urgency = Urgency.MAJOR
            elif rng.random() < URGENT_RATE:
                urgency = Urgency.URGENT
        resident = rng.choice(self.residents)
        data = TicketInput(kind, Source.PHONE, "x", resident, urgency)
        plan = Plan(index, created, self.duty.clerk(created), data)
        writer = {
            TicketKind.CONSULTATION: self._consultation,
            TicketKind.HELP_REQUEST: self._help_request,
            TicketKind.REPAIR: self._repair,
            TicketKind.COMPLAINT: self._complaint,
            TicketKind.CONVENIENCE: self._convenience,
            TicketKind.ITEM_RELEASE: self._item_release,
            TicketKind.VISITOR: self._visitor,
            TicketKind.MESSAGE: self._message,
        }[kind]
        writer(plan)
        plan.steps.sort(key=lambda s: s.at)  # stable: steps at one moment keep their order
        return plan

    def _set(self, plan: Plan, **changes: Any) -> None:
        plan.data = replace(plan.data, **changes)

    def _source(self, phone_share: float) -> Source:
        roll = self.rng.random()
        return Source.PHONE if roll < phone_share else Source.VISIT if roll < 0.97 else Source.OTHER

    def _consultation(self, plan: Plan) -> None:
        resident = plan.data.resident
        if self.rng.random() < 0.4:  # a caller who gives a name and a number, not the flat
            resident = ResidentInput(resident.name, "", "", resident.phone)
        self._set(plan, source=self._source(0.6), description=self.rng.choice(CONSULTATIONS), resident=resident)

    def _visitor(self, plan: Plan) -> None:
        rng = self.rng
        host = plan.data.resident
        if rng.random() < 0.4:  # the visitor names the flat, not the person
            host = ResidentInput("", host.building, host.room, "")
        details = TicketDetails(
            visitor_name=self._person_name(),
            visitor_count=rng.choice((1, 1, 1, 2, 2, 3, 4)),
            owner_consent=True,
        )
        note = "，已电话征得业主同意" if rng.random() < 0.7 else "，业主到门岗接人"
        self._set(
            plan, source=Source.VISIT, description=rng.choice(VISITS) + note, resident=host, details=details
        )

    def _item_release(self, plan: Plan) -> None:
        rng = self.rng
        proof = rng.choice((f"身份证后四位{rng.randint(0, 9999):04d}", "业主本人到场", "业主电话确认并核对房产证"))
        details = TicketDetails(items=rng.sample(ITEMS, rng.randint(1, 4)), identity_checked=True, identity_note=proof)
        self._set(plan, source=Source.VISIT, description=rng.choice(RELEASES), details=details)

    def _message(self, plan: Plan) -> None:
        rng = self.rng
        who = plan.data.resident
        recipient = f"{who.building}{who.room}{who.name}" if rng.random() < 0.85 else rng.choice(DEPARTMENTS)
        delivered = rng.random() < 0.2
        details = TicketDetails(recipient=recipient, delivered=delivered)
        self._set(plan, source=self._source(0.5), description=rng.choice(MESSAGES), details=details)
        if not delivered:
            at = self.daytime(self.after(plan.created, 5, 480))
            self.step(plan, at, "deliver", note=rng.choice(DELIVERIES))

    def _incident_report(self, plan: Plan) -> datetime | None:
        if plan.data.urgency is not Urgency.MAJOR:
            return None
        at = self.daytime(self.after(plan.created, 120, 16 * 60))
        local = plan.created.astimezone(self.desk.tz)
        place = f"{plan.data.resident.building}{plan.data.resident.room}" or "小区"
        body = (
            f"{local:%Y年%m月%d日%H时%M分}，{place}发生：{plan.data.description}。值班员接报后立即上报客服主管"
            "及管理处主任，通知相关部门到场处置，现场已控制，未造成人员伤亡。后续由工程部跟进整改，"
            "客服中心负责回访业主。"
        )
        self.step(plan, at, "report", self.desk.supervisor, note=body)
        return at

    def _follow_up(self, plan: Plan, done: datetime, not_before: datetime | None = None) -> tuple[datetime, bool]:
        """The follow-up visit (回访) after ``done``: usually in time, sometimes late."""
        rng = self.rng
        due = _follow_up_due(done, self.desk.rules[plan.data.kind], self.desk.tz)
        start = max(done + timedelta(hours=1), not_before or done)
        if rng.random() < 0.05:
            at = self.daytime(self.after(due, 60, 60 * 60))
        else:
            room = max(0.0, (due - start).total_seconds() * 0.7)
            at = self.daytime(start + timedelta(seconds=int(rng.random() * room)))
        at = max(at, start)
        satisfied = rng.random() < 0.93
        note = rng.choice(FOLLOW_UPS_GOOD if satisfied else FOLLOW_UPS_BAD)
        self.step(plan, at, "follow_up", note=note, flag=satisfied)
        return at, satisfied

    def _help_request(self, plan: Plan) -> None:
        rng = self.rng
        helper = rng.choice(HELPERS)
        at_once = rng.random() < 0.5
        details = TicketDetails(dispatched_to=helper if at_once else "")
        self._set(plan, source=self._source(0.75), description=rng.choice(HELP_REQUESTS), details=details)
        report = self._incident_report(plan)
        if not at_once and report is None and rng.random() < 0.03:
            self.step(plan, self.after(plan.created, 5, 40), "close", note=rng.choice(CANCEL_HELP))
            return
        sent = plan.created
        if not at_once:
            sent = self.after(plan.created, 2, 15)
            self.step(plan, sent, "dispatch", person=helper)
        done = self.after(sent, 10, 90) if rng.random() < 0.95 else self.after(sent, 120, 360)
        self.step(plan, done, "complete", note=rng.choice(HELP_RESULTS))
        self._follow_up(plan, done, report)

    def _repair(self, plan: Plan) -> None:
        rng = self.rng
        urgent = plan.data.urgency is not Urgency.NORMAL
        visit = self.visit_time(plan.created, urgent)
        self._set(
            plan,
            source=self._source(0.65),
            description=rng.choice(REPAIRS),
            details=TicketDetails(visit_at=visit),
        )
        report = self._incident_report(plan)
        if report is None and rng.random() < 0.02:
            cancel = min(self.after(plan.created, 10, 180), visit - timedelta(minutes=5))
            self.step(plan, max(cancel, plan.created), "close", note=rng.choice(CANCEL_REPAIR))
            return
        worker = rng.choice(WORKERS)
        gap = (visit - plan.created).total_seconds() / 60
        sent = self.after(plan.created, min(2, gap / 2), min(45, gap - 2))
        self.step(plan, sent, "dispatch", person=worker)
        if not urgent and rng.random() < 0.02:
            self.step(plan, sent + timedelta(minutes=5), "escalate", note=rng.choice(ESCALATE_REPAIR))
        roll = rng.random()
        if roll < 0.06:  # the resident moves the appointment
            moved = sent + (visit - sent) * rng.uniform(0.2, 0.9)
            moved = moved.replace(microsecond=0)
            visit = self.visit_time(visit, False)
            self.step(plan, moved, "dispatch", person=worker, when=visit, note="业主临时有事，改约上门时间")
        elif roll < 0.08:  # a part has to be ordered
            seen = self.after(visit, 20, 60)
            visit = datetime.combine(
                visit.astimezone(self.desk.tz).date() + timedelta(days=rng.randint(3, 8)),
                time(rng.randint(9, 16), 0),
                self.desk.tz,
            )
            self.step(plan, seen, "dispatch", person=worker, when=visit, note="需更换配件，配件到货后再上门")
        done = visit + timedelta(minutes=rng.triangular(5, 120, 25), seconds=rng.randint(0, 59))
        if rng.random() < 0.06:
            done += timedelta(minutes=rng.randint(120, 480))
        self.step(plan, done.replace(microsecond=0), "complete", note=rng.choice(RESULTS))
        back, satisfied = self._follow_up(plan, done.replace(microsecond=0), report)
        if not satisfied and rng.random() < 0.5:  # reopened after an unhappy follow-up
            again = self.after(back, 10, 90)
            self.step(plan, again, "reopen", note="回访业主不满意，重新派单")
            visit = self.visit_time(again, False)
            self.step(plan, self.after(again, 2, 20), "dispatch", person=rng.choice(WORKERS), when=visit)
            done = self.after(visit, 10, 90)
            self.step(plan, done, "complete", note="返修完成，业主确认")
            self._follow_up(plan, done)

    def _convenience(self, plan: Plan) -> None:
        rng = self.rng
        price_id, name = rng.choice(self.desk.prices)
        visit = self.visit_time(plan.created, False)
        descriptions = CONVENIENCE.get(name, (f"预约{name}",))
        details = TicketDetails(price_item_id=price_id, quantity=rng.choice((1, 1, 1, 2)), visit_at=visit)
        self._set(plan, source=self._source(0.7), description=rng.choice(descriptions), details=details)
        gap = (visit - plan.created).total_seconds() / 60
        sent = self.after(plan.created, min(5, gap / 2), min(60, gap - 2))
        self.step(plan, sent, "dispatch", person=rng.choice(WORKERS))
        done = self.after(visit, 10, 90)
        self.step(plan, done, "complete", note=rng.choice(SERVICE_RESULTS), flag=rng.random() < 0.97)
        self._follow_up(plan, done)

    def _judge_actor(self, at: datetime) -> Actor:
        local = at.astimezone(self.desk.tz)
        office = OFFICE_HOURS[0] <= local.time() < OFFICE_HOURS[1] and local.weekday() < 5
        return self.desk.supervisor if office else self.duty.clerk(at)

    def _complaint(self, plan: Plan) -> None:
        rng = self.rng
        major = plan.data.urgency is Urgency.MAJOR
        description = rng.choice(COMPLAINTS)
        if not major and rng.random() < 0.15:  # answered at the desk there and then
            valid = rng.random() < 0.6
            details = TicketDetails(solved_on_spot=True, validity=Validity.VALID if valid else Validity.INVALID)
            self._set(plan, source=Source.VISIT, description=description, details=details)
            if valid:
                self._follow_up(plan, plan.created)
            return
        self._set(plan, source=self._source(0.6), description=description)
        report = self._incident_report(plan)
        valid = major or rng.random() < 0.75
        judged = self.after(plan.created, 3, 40)
        word = rng.choice(JUDGE_VALID if valid else JUDGE_INVALID)
        self.step(
            plan, judged, "judge", self._judge_actor(judged), validity=Validity.VALID if valid else Validity.INVALID, note=word
        )
        if not major and rng.random() < 0.06:
            self.step(plan, self.after(judged, 1, 20), "escalate", note=rng.choice(ESCALATE_COMPLAINT))
        late = rng.random() < 0.07
        replied = self.after(plan.created, 125, 300) if late else self.after(plan.created, 15, 110)
        replied = max(replied, judged + timedelta(seconds=30))
        if not valid:
            self.step(plan, replied, "reply", note=rng.choice(REPLIES_INVALID), resolved=True)
            return
        if rng.random() < 0.45:  # not solved yet: the next reply is agreed
            promised = self.daytime(self.after(replied, 180, 30 * 60), 9, 20)
            promised = promised.replace(minute=promised.minute // 10 * 10, second=0)
            promised = max(promised, replied + timedelta(minutes=30))
            self.step(plan, replied, "reply", note=rng.choice(REPLIES_OPEN), resolved=False, when=promised)
            if rng.random() < 0.06:
                replied = self.after(promised, 60, 600)
            else:
                replied = max(replied + timedelta(minutes=10), self.after(promised, -90, 0))
        self.step(plan, replied, "reply", note=rng.choice(REPLIES_DONE), resolved=True)
        self._follow_up(plan, replied, report)


# -- carrying plans out: the bulk emulation of the service --------------------------------------
@dataclass
class _Clock:
    kind: ClockKind
    due: datetime
    met: datetime | None = None
    met_by: int | None = None


class _Life:
    """One ticket as TicketService would write it, call by call (see tickets.py)."""

    def __init__(self, desk: _Desk, plan: Plan, ticket_id: int) -> None:
        self.desk = desk
        self.plan = plan
        self.id = ticket_id
        self.kind = plan.data.kind
        self.rule = desk.rules[self.kind]
        self.urgency = plan.data.urgency
        self.details = replace(plan.data.details, items=list(plan.data.details.items))
        self.status = TicketStatus.OPEN
        self.level = Role.CLERK
        self.closed_at: datetime | None = None
        self.clocks: list[_Clock] = []
        self.due: _Clock | None = None
        self.events: list[dict[str, Any]] = []
        self.notices: list[tuple[Role, datetime, str]] = []
        self.report: dict[str, Any] | None = None
        self.now = plan.created

    # -- what every call does ------------------------------------------------------------
    def event(self, actor: Actor | None, action: str, before: TicketStatus | None, after: TicketStatus | None, note: str) -> None:
        self.events.append(
            {
                "ticket_id": self.id,
                "at": to_db(self.now),
                "actor_id": actor.account_id if actor else None,
                "action": action,
                "status_from": before.value if before else None,
                "status_to": after.value if after else None,
                "note": note,
            }
        )

    def meet(self, kinds: tuple[ClockKind, ...], actor: Actor) -> None:
        for c in self.clocks:
            if c.kind in kinds and c.met is None:
                c.met, c.met_by = self.now, actor.account_id

    def add_clock(self, kind: ClockKind, due: datetime) -> None:
        self.clocks.append(_Clock(kind, due))

    def refresh_due(self) -> None:
        unmet = [c for c in self.clocks if c.met is None]
        self.due = None if self.status is TicketStatus.CLOSED or not unmet else min(unmet, key=lambda c: c.due)

    def raise_level(self, target: Role, actor: Actor | None, reason: str) -> None:
        before = self.level
        self.level = target
        self.notices.append((target, self.now, reason))
        self.event(actor, "escalated", None, None, f"{tk.LEVEL_CHINESE[before]} → {tk.LEVEL_CHINESE[target]}：{reason}")

    def close_now(self) -> None:
        self.status, self.closed_at = TicketStatus.CLOSED, self.now

    def start_follow_up(self) -> None:
        self.add_clock(ClockKind.FOLLOW_UP, _follow_up_due(self.now, self.rule, self.desk.tz))

    # -- the calls ------------------------------------------------------------------------
    def register(self) -> None:
        data, d, kind = self.plan.data, self.details, self.kind
        closed_note = ""
        if kind is TicketKind.COMPLAINT:
            if d.solved_on_spot:
                if d.validity is Validity.VALID:
                    self.status = TicketStatus.FOLLOW_UP
                    if self.rule.follow_up_working_days is not None:
                        self.add_clock(ClockKind.FOLLOW_UP, _follow_up_due(self.now, self.rule, self.desk.tz))
                else:
                    self.status, closed_note = TicketStatus.CLOSED, "当场答复（无效投诉）"
            elif self.rule.reply_minutes is not None:
                self.add_clock(ClockKind.REPLY, self.now + timedelta(minutes=self.rule.reply_minutes))
        elif kind in (TicketKind.REPAIR, TicketKind.CONVENIENCE, TicketKind.HELP_REQUEST):
            if d.visit_at is not None:
                self.add_clock(ClockKind.VISIT, d.visit_at)
            if d.dispatched_to:
                self.status = TicketStatus.IN_PROGRESS
        elif kind in (TicketKind.CONSULTATION, TicketKind.ITEM_RELEASE, TicketKind.VISITOR):
            self.status, closed_note = TicketStatus.CLOSED, "当场办结"
        elif kind is TicketKind.MESSAGE and d.delivered:
            self.status, closed_note = TicketStatus.CLOSED, "当场转达"
        if self.urgency is Urgency.MAJOR:
            self.add_clock(ClockKind.INCIDENT_REPORT, tk.incident_report_due(self.now, self.desk.tz))
        if self.status is TicketStatus.CLOSED:
            self.closed_at = self.now
        clerk = self.plan.clerk
        self.event(clerk, "registered", None, self.status, data.description[:80])
        if closed_note:
            self.event(clerk, "closed", self.status, self.status, closed_note)
        self.refresh_due()
        if self.urgency is Urgency.MAJOR:
            self.raise_level(Role.MANAGER, clerk, "重大事件，立即上报管理处主任")

    def apply(self, step: Step) -> bool:
        """Carry one step out; False when the desk would have refused it (then both ways skip it)."""
        actor, before = step.actor, self.status
        if step.action == "escalate":
            if self.status is TicketStatus.CLOSED or self.level is Role.MANAGER:
                return False
            self.raise_level(tk.LEVELS[tk.LEVELS.index(self.level) + 1], actor, step.note)
            return True
        if step.action == "judge":
            self.details.validity = step.validity
            word = "有效投诉" if step.validity is Validity.VALID else "无效投诉"
            self.event(actor, "judged", None, None, f"{word}：{step.note}")
            return True
        if step.action == "reply":
            self.meet((ClockKind.REPLY, ClockKind.NEXT_REPLY), actor)
            if step.resolved:
                if self.details.validity is Validity.VALID:
                    self.start_follow_up()
                    self.status = TicketStatus.FOLLOW_UP
                else:
                    self.close_now()
            else:
                assert step.when is not None
                self.add_clock(ClockKind.NEXT_REPLY, step.when)
                self.status = TicketStatus.IN_PROGRESS
            self.event(actor, "replied", before, self.status, step.note)
        elif step.action == "dispatch":
            self.details.dispatched_to = step.person
            if step.when is not None:
                self.meet((ClockKind.VISIT,), actor)
                self.add_clock(ClockKind.VISIT, step.when)
                self.details.visit_at = step.when
            self.status = TicketStatus.IN_PROGRESS
            when = f"，约定 {step.when.astimezone(self.desk.tz):%m-%d %H:%M}" if step.when else ""
            note = f"派{step.person}{when}" + (f"；{step.note}" if step.note else "")
            self.event(actor, "dispatched", before, TicketStatus.IN_PROGRESS, note)
        elif step.action == "complete":
            if step.flag is not None:
                self.details.paid = step.flag
            self.meet((ClockKind.VISIT,), actor)
            self.start_follow_up()
            self.status = TicketStatus.FOLLOW_UP
            paid = "；已收费" if self.details.paid else "；未收费" if self.kind is TicketKind.CONVENIENCE else ""
            self.event(actor, "completed", before, TicketStatus.FOLLOW_UP, step.note + paid)
        elif step.action == "follow_up":
            self.meet((ClockKind.FOLLOW_UP,), actor)
            self.close_now()
            verdict = "满意" if step.flag else "不满意"
            self.event(actor, "followed_up", TicketStatus.FOLLOW_UP, TicketStatus.CLOSED, f"回访（{verdict}）：{step.note}")
        elif step.action == "deliver":
            self.details.delivered = True
            self.close_now()
            self.event(actor, "delivered", before, TicketStatus.CLOSED, step.note or "已转达")
        elif step.action == "close":
            self.close_now()
            self.event(actor, "closed", before, TicketStatus.CLOSED, step.note)
        elif step.action == "reopen":
            self.status, self.closed_at = TicketStatus.OPEN, None
            self.event(actor, "reopened", TicketStatus.CLOSED, TicketStatus.OPEN, step.note)
        elif step.action == "report":
            self.report = {
                "ticket_id": self.id,
                "written_at": to_db(self.now),
                "author_id": actor.account_id,
                "body": step.note,
            }
            self.meet((ClockKind.INCIDENT_REPORT,), actor)
            self.event(actor, "incident_report", None, None, step.note[:80])
        else:  # pragma: no cover - a planner bug
            raise ValueError(step.action)
        self.refresh_due()
        return True

    def sweep(self) -> None:
        """TicketService.escalate_due, for this ticket."""
        if self.status is TicketStatus.CLOSED or self.level is Role.MANAGER:
            return
        due = self.due.due if self.due is not None else None
        major = self.urgency is Urgency.MAJOR
        if not major and (due is None or due > self.now + ESCALATION_HORIZON):
            return
        target = tk.escalation_target(self.level, due, self.now, self.rule, self.urgency)
        if target is None:
            return
        overdue = due is not None and due <= self.now
        clock = self.due.kind.chinese if self.due is not None else ""
        reason = f"{clock}{'已超时' if overdue else '即将到期'}" if due else "重大事件"
        self.raise_level(target, None, reason.strip())

    def thresholds(self) -> list[datetime]:
        """When the sweep could next raise this ticket: around each unmet clock."""
        before = timedelta(minutes=self.rule.escalate_before_minutes)
        after = timedelta(minutes=self.rule.manager_after_minutes)
        return [t for c in self.clocks if c.met is None for t in (c.due - before, c.due + after)]

    def live(self) -> None:
        """Register, then every step and sweep up to now, in the order the desk meets them."""
        limit = self.desk.now
        queue: list[tuple[datetime, int, int, Step | None]] = [(self.plan.created, 0, 0, None)]
        queue.extend((s.at, 0, n + 1, s) for n, s in enumerate(self.plan.steps))
        heapq.heapify(queue)
        counter = itertools.count(len(queue) + 1)
        last_sweep: datetime | None = None
        while queue and queue[0][0] <= limit:
            at, order, _, step = heapq.heappop(queue)
            self.now = at
            if order == 1:
                if at != last_sweep:
                    self.sweep()
                    last_sweep = at
                continue
            if step is None:
                self.register()
            elif not self.apply(step):
                continue
            heapq.heappush(queue, (at, 1, next(counter), None))
            for moment in self.thresholds():
                heapq.heappush(queue, (max(moment, at), 1, next(counter), None))

    # -- rows -----------------------------------------------------------------------------
    def ticket_row(self, resident_id: int | None) -> dict[str, Any]:
        data = self.plan.data
        who = data.resident
        return {
            "id": self.id,
            "kind": self.kind.value,
            "status": self.status.value,
            "urgency": self.urgency.value,
            "source": data.source.value,
            "resident_id": resident_id,
            "resident_name": who.name,
            "building": who.building,
            "room": who.room,
            "phone": who.phone,
            "description": data.description,
            "details_json": details_json(self.details),
            "created_at": to_db(self.plan.created),
            "created_by": self.plan.clerk.account_id,
            "level": self.level.value,
            "due_at": to_db(self.due.due) if self.due is not None else None,
            "due_clock": self.due.kind.value if self.due is not None else None,
            "closed_at": to_db(self.closed_at) if self.closed_at is not None else None,
        }

    def clock_rows(self) -> list[dict[str, Any]]:
        return [
            {
                "ticket_id": self.id,
                "kind": c.kind.value,
                "due_at": to_db(c.due),
                "met_at": to_db(c.met) if c.met is not None else None,
                "met_by": c.met_by,
            }
            for c in self.clocks
        ]

    def search_body(self) -> str:
        """What TicketService.register indexes (``_search_parts``): the request as registered."""
        data = self.plan.data
        d = data.details
        who = data.resident
        return index_text(
            data.description,
            who.name,
            who.building + who.room,
            who.phone,
            d.visitor_name,
            d.recipient,
            " ".join(d.items),
            d.dispatched_to,
        )


class _BulkWriter:
    def __init__(self, services: Services, desk: _Desk) -> None:
        self.services = services
        self.desk = desk
        with services.db.read() as session:
            self.next_notice = int(session.scalar(select(func.coalesce(func.max(TicketNotice.id), 0))) or 0) + 1
            self.next_resident = int(session.scalar(select(func.coalesce(func.max(Resident.id), 0))) or 0) + 1
            self.residents: dict[ResidentInput, int] = {
                ResidentInput(r.name, r.building, r.room, r.phone): r.id for r in session.scalars(select(Resident))
            }
        self.reader_roles = {r.role for r in desk.readers}

    def write(self, lives: list[_Life]) -> None:
        if not lives:
            return
        tickets: list[dict[str, Any]] = []
        clocks: list[dict[str, Any]] = []
        events: list[dict[str, Any]] = []
        notices: list[dict[str, Any]] = []
        seen: list[dict[str, Any]] = []
        reports: list[dict[str, Any]] = []
        index: list[dict[str, Any]] = []
        new_residents: dict[int, dict[str, Any]] = {}
        used: dict[int, datetime] = {}
        for life in lives:
            who = life.plan.data.resident
            resident_id: int | None = None
            if who.name or who.phone:
                resident_id = self.residents.get(who)
                if resident_id is None:
                    resident_id = self.residents[who] = self.next_resident
                    self.next_resident += 1
                    new_residents[resident_id] = {
                        "id": resident_id,
                        "name": who.name,
                        "building": who.building,
                        "room": who.room,
                        "phone": who.phone,
                    }
                used[resident_id] = to_db(life.plan.created)
            tickets.append(life.ticket_row(resident_id))
            clocks.extend(life.clock_rows())
            events.extend(life.events)
            for level, at, reason in life.notices:
                notice_id = self.next_notice
                self.next_notice += 1
                notices.append({"id": notice_id, "ticket_id": life.id, "level": level.value, "at": to_db(at), "reason": reason})
                read = self.desk.next_sign_in(at)
                if read <= self.desk.now:
                    seen.extend(
                        {"notice_id": notice_id, "account_id": r.account_id, "seen_at": to_db(read)}
                        for r in self.desk.readers
                        if r.role is level
                    )
            if life.report is not None:
                reports.append(life.report)
            index.append({"id": life.id, "body": life.search_body()})
        with self.services.db.write() as session:
            if new_residents:
                session.execute(
                    insert(Resident), [{**row, "last_used_at": used[rid]} for rid, row in new_residents.items()]
                )
            old = [{"id": rid, "last_used_at": at} for rid, at in used.items() if rid not in new_residents]
            if old:
                session.execute(update(Resident), old)
            session.execute(insert(Ticket), tickets)
            if clocks:
                session.execute(insert(TicketClock), clocks)
            session.execute(insert(TicketEvent), events)
            if notices:
                session.execute(insert(TicketNotice), notices)
            if seen:
                session.execute(insert(TicketNoticeSeen), seen)
            if reports:
                session.execute(insert(IncidentReport), reports)
            session.execute(text("INSERT INTO ticket_fts(rowid, body) VALUES (:id, :body)"), index)


# -- carrying plans out: the real service on a simulated clock ----------------------------------
def _with_service(services: Services, desk: _Desk, plans: list[Plan], progress: Progress | None) -> None:
    """Every plan through TicketService itself, in the order of time, on a simulated clock."""
    if not plans:
        return
    clock = FixedClock(plans[0].created)
    service = TicketService(services.db, clock, services.desk)
    queue: list[tuple[datetime, int, int, Any]] = []
    counter = itertools.count()
    for plan in plans:
        queue.append((plan.created, 0, next(counter), plan))
    for moment in desk.sign_ins(plans[0].created):
        queue.append((moment, 2, next(counter), None))
    heapq.heapify(queue)
    ids: dict[int, int] = {}
    last_sweep: datetime | None = None
    registered = 0
    while queue and queue[0][0] <= desk.now:
        at, order, _, item = heapq.heappop(queue)
        clock.set(at)
        if order == 1:
            if at != last_sweep:
                service.escalate_due()
                last_sweep = at
            continue
        if order == 2:
            for reader in desk.readers:
                service.acknowledge(reader, [n.id for n in service.notices(reader)])
            continue
        view: TicketView
        if isinstance(item, Plan):
            view = service.register(item.clerk, item.data)
            ids[item.index] = view.id
            for step in item.steps:
                queue.append((step.at, 0, next(counter), (item, step)))
            heapq.heapify(queue)
            registered += 1
            if progress is not None and registered % 100 == 0:
                progress(registered, len(plans))
        else:
            plan, step = item
            ticket_id = ids[plan.index]
            if step.action == "escalate":
                current = service.get(ticket_id).row
                if current.status is TicketStatus.CLOSED or current.level is Role.MANAGER:
                    continue
            view = _call(service, ticket_id, step)
        heapq.heappush(queue, (at, 1, next(counter), None))
        rule = desk.rules[view.row.kind]
        before = timedelta(minutes=rule.escalate_before_minutes)
        after = timedelta(minutes=rule.manager_after_minutes)
        for c in view.clocks:
            if c.met_at is None:
                for moment in (c.due_at - before, c.due_at + after):
                    heapq.heappush(queue, (max(moment, at), 1, next(counter), None))
    clock.set(desk.now)


def _call(service: TicketService, ticket_id: int, step: Step) -> TicketView:
    a = step.actor
    if step.action == "judge":
        return service.judge(a, ticket_id, step.validity, step.note)
    if step.action == "reply":
        return service.reply(a, ticket_id, step.note, resolved=step.resolved, next_reply_at=step.when)
    if step.action == "dispatch":
        return service.dispatch(a, ticket_id, step.person, step.when, step.note)
    if step.action == "complete":
        return service.complete(a, ticket_id, step.note, paid=step.flag)
    if step.action == "follow_up":
        return service.record_follow_up(a, ticket_id, step.note, satisfied=bool(step.flag))
    if step.action == "deliver":
        return service.deliver(a, ticket_id, step.note)
    if step.action == "close":
        return service.close(a, ticket_id, step.note)
    if step.action == "reopen":
        return service.reopen(a, ticket_id, step.note)
    if step.action == "escalate":
        return service.escalate(a, ticket_id, step.note)
    if step.action == "report":
        return service.write_incident_report(a, ticket_id, step.note)
    raise ValueError(step.action)


# -- the entry point ----------------------------------------------------------------------------
def _desk(services: Services) -> _Desk:
    staff = [a for a in services.accounts.staff() if a.active]
    by_name = {a.username: a for a in staff}
    # The demo log's clerks in its rotation order; any other clerks after them.
    ordered = [by_name[u] for u, _ in CLERKS if u in by_name and by_name[u].role is Role.CLERK]
    ordered += sorted((a for a in staff if a.role is Role.CLERK and a not in ordered), key=lambda a: a.id)
    clerks = [Actor(a.id, a.username, a.display_name, a.role) for a in ordered]
    bosses = sorted((a for a in staff if a.role is Role.SUPERVISOR), key=lambda a: a.id)
    if not clerks or not bosses:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Demo tickets need clerks and a supervisor."))
    supervisor = Actor(bosses[0].id, bosses[0].username, bosses[0].display_name, bosses[0].role)
    readers = [
        Actor(a.id, a.username, a.display_name, a.role)
        for a in sorted(staff, key=lambda a: a.id)
        if a.role in (Role.SUPERVISOR, Role.MANAGER)
    ]
    if not services.tickets.price_list():
        taken = {p.name for p in services.tickets.price_list(include_retired=True)}
        for name, unit, cents in PRICE_LIST:
            if name not in taken:
                services.tickets.add_price_item(supervisor, name, unit, cents)
    templates = services.desk.shift_templates()
    if not templates:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The desk needs at least one shift."))
    tz = services.desk.info().tz
    now = services.clock.now().astimezone(UTC).replace(microsecond=0)
    with services.db.read() as session:
        first_log_day = session.scalar(select(func.min(LogEntry.shift_date)))
    return _Desk(
        tz=tz,
        now=now,
        rules=services.tickets.rules(),
        clerks=clerks,
        supervisor=supervisor,
        readers=readers,
        prices=[(p.id, p.name) for p in services.tickets.price_list()],
        templates=templates,
        rotation_start=first_log_day or now.astimezone(tz).date(),
    )


def _moments(rng: random.Random, desk: _Desk, days: int, per_day: int) -> list[datetime]:
    """``per_day`` moments in each of the ``days`` 24-hour spans ending now, most by day."""
    moments: list[datetime] = []
    for span in range(days, 0, -1):
        start = desk.now - timedelta(days=span)
        local_start = start.astimezone(desk.tz)
        for _ in range(per_day):
            if rng.random() < 0.88:
                minute = int(rng.triangular(7 * 60, 22 * 60, 10 * 60))
            else:
                minute = rng.randrange(24 * 60)
            at = datetime.combine(local_start.date(), time(minute // 60, minute % 60, rng.randrange(60)), desk.tz)
            if at <= start:
                at += timedelta(days=1)
            moments.append(min(at, desk.now).astimezone(UTC))
    moments.sort()
    return moments


def _plans(desk: _Desk, rng: random.Random, days: int, per_day: int) -> Iterator[Plan]:
    moments = _moments(rng, desk, days, per_day)
    planner = _Planner(desk, rng, len(moments))
    # Two planted major incidents: one a day and a half ago (its report written), one a few
    # hours ago (its report not yet due).
    planted: set[int] = set()
    for hours in (36, 5):
        target = desk.now - timedelta(hours=hours)
        if moments and moments[0] <= target:
            planted.add(min(range(len(moments)), key=lambda i: abs(moments[i] - target)))
    for index, moment in enumerate(moments):
        yield planner.plan(index, moment, index in planted)


def generate_tickets(
    services: Services,
    days: int,
    *,
    per_day: int,
    seed: int = 1,
    progress: Progress | None = None,
    via_service: bool = False,
) -> TicketDemoSummary:
    """``per_day`` tickets a day over the ``days`` days up to now, into a desk whose queue is
    still empty (demo tickets never mix with real ones). ``via_service`` carries every call
    out through TicketService (slow; the bulk rows are the same)."""
    if days <= 0 or per_day <= 0:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "Demo data needs at least one day and one entry a day."))
    with services.db.read() as session:
        if session.scalar(select(Ticket.id).limit(1)) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "This database already has tickets; demo tickets are only made in an empty queue."
                )
            )
    desk = _desk(services)
    rng = random.Random(seed)
    total = days * per_day
    if via_service:
        _with_service(services, desk, list(_plans(desk, rng, days, per_day)), progress)
    else:
        writer = _BulkWriter(services, desk)
        batch: list[_Life] = []
        made = 0
        with services.db.read() as session:
            first_id = int(session.scalar(select(func.coalesce(func.max(Ticket.id), 0))) or 0) + 1
        for plan in _plans(desk, rng, days, per_day):
            life = _Life(desk, plan, first_id + plan.index)
            life.live()
            batch.append(life)
            if len(batch) >= TICKETS_PER_TRANSACTION:
                writer.write(batch)
                made += len(batch)
                batch = []
                if progress is not None:
                    progress(made, total)
        writer.write(batch)
    with services.db.write() as session:
        # One segment for the search index, fresh statistics for the query planner.
        session.execute(text("INSERT INTO ticket_fts(ticket_fts) VALUES ('optimize')"))
        session.execute(text("ANALYZE"))
    if progress is not None:
        progress(total, total)
    return _summary(services, desk)


def _summary(services: Services, desk: _Desk) -> TicketDemoSummary:
    summary = TicketDemoSummary()
    now = to_db(desk.now)
    with services.db.read() as session:
        for kind, n in session.execute(select(Ticket.kind, func.count()).group_by(Ticket.kind)):
            summary.by_kind[TicketKind(kind)] = n
        summary.tickets = sum(summary.by_kind.values())
        summary.open = int(
            session.scalar(select(func.count()).where(Ticket.status != TicketStatus.CLOSED.value)) or 0
        )
        summary.overdue = int(
            session.scalar(
                select(func.count()).where(Ticket.status != TicketStatus.CLOSED.value, Ticket.due_at < now)
            )
            or 0
        )
        summary.escalated = int(
            session.scalar(select(func.count(func.distinct(TicketNotice.ticket_id)))) or 0
        )
        summary.major = int(
            session.scalar(select(func.count()).where(Ticket.urgency == Urgency.MAJOR.value)) or 0
        )
    return summary
