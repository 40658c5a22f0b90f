"""Realistic demo data: a set-up desk, its staff and months (or decades) of shift log.

Used by ``desk-app demo`` and by the benchmarks. Everything is written the way the
application writes it: accounts through ``AccountService``, log rows through
``log_chain.append`` (ids, hash chain, search index), signatures as ``DayReview`` rows in
the order a supervisor would have signed them. Rows are built as plain dicts (no ORM
objects) so a million entries take a few minutes. The same seed gives the same log.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import func, insert, select, text

from desk_app.domain.categories import LogCategory
from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.roles import Actor, Role
from desk_app.domain.shifts import PRESETS, ShiftOccurrence, occurrence
from desk_app.domain.text_rules import HANDLING_MAX
from desk_app.services import log_chain
from desk_app.services.common import audit, to_db
from desk_app.services.container import Services
from desk_app.storage.models import DayReview, FollowUpClosure, LogEntry

DESK_NAME = "翠湖花园客户服务中心前台"
TIMEZONE = "Asia/Shanghai"
DEMO_PASSWORD = "dutydesk-demo"
SUPERVISOR = ("zhang", "张敏")
CLERKS = (("wang", "王丽"), ("lina", "李娜"), ("zhaoq", "赵强"), ("chenj", "陈静"), ("liuy", "刘洋"))
MANAGER = ("zhou", "周建国")
# The desk's item list (物品清点清单): name, unit, expected quantity.
HANDOVER_ITEMS = (
    ("钥匙", "把", 12),
    ("对讲机", "台", 3),
    ("门禁卡", "张", 20),
    ("备用雨伞", "把", 5),
    ("备用金", "元", 200),
    ("手电筒", "支", 2),
)

# One transaction holds about this many entries (each commit is a durable fsync).
ROWS_PER_TRANSACTION = 20_000
CORRECTION_RATE = 0.025
BACKDATE_RATE = 0.06
UNSIGNED_RECENT_DAYS = 2  # yesterday and the day before stay unsigned
MISSED_SIGNATURE_RATE = 0.03  # older days the supervisor forgot to sign
FOLLOW_UP_CLOSED_RATE = 0.9  # follow-ups older than yesterday that were dealt with
FOLLOW_UP_NOTES = ("已处理完毕", "工程部已修复，业主确认", "已回访，业主满意", "已电话回复业主", "已转交工程部跟进完毕")

Progress = Callable[[int, int], None]


@dataclass
class DemoSummary:
    days: int = 0
    first_day: date | None = None
    last_day: date | None = None
    entries: int = 0
    corrections: int = 0
    backdated: int = 0
    follow_ups: int = 0
    signed_days: int = 0
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # username, name, role
    password: str = DEMO_PASSWORD

    def describe(self) -> str:
        lines = [
            f"Demo data: {self.entries} log entries over {self.days} days "
            f"({self.first_day} to {self.last_day}); {self.corrections} corrections, "
            f"{self.backdated} back-dated, {self.follow_ups} to follow up; "
            f"{self.signed_days} days signed by the supervisor.",
        ]
        if self.accounts:
            people = ", ".join(f"{u} ({n}, {r})" for u, n, r in self.accounts)
            lines.append(f"Sign in as {people}; password for all: {self.password}")
        else:
            lines.append("The desk was already set up: sign in with its existing accounts.")
        return "\n".join(lines)


# -- text templates ------------------------------------------------------------------------
# Each template: (situation, handling, chance of "follow up"). Fields are filled from
# the parameters made in ``_params``.
Template = tuple[str, str, float]

TEMPLATES: dict[LogCategory, tuple[Template, ...]] = {
    LogCategory.CONSULTATION: (
        ("{owner}来电咨询物业费缴纳方式及{month}月账单明细",
         "告知可通过微信公众号、前台刷卡或银行代扣缴纳，已发送账单截图", 0.0),
        ("{b}栋{u}单元{r}住户咨询装修申报所需材料",
         "告知需提供装修方案、施工队资质及押金，已发放《装修申请表》", 0.1),
        ("访客咨询{b}栋位置及访客停车规定", "已指引至{b}栋，告知访客车辆限停2小时", 0.0),
        ("{owner}咨询快递代收点开放时间", "告知快递柜24小时可用，前台代收至21:00", 0.0),
        ("{owner}咨询{month}月{dd}日停电通知内容",
         "告知供电局检修线路，{dd}日09:00-15:00停电，通知已在各单元张贴", 0.0),
        ("{owner}咨询门禁卡补办手续", "告知携带身份证及房产证明到前台办理，工本费20元", 0.0),
        ("{b}栋{u}单元{r}租户咨询车位月租价格", "告知地面车位每月300元，地下车位每月450元", 0.0),
        ("{owner}来电咨询小区游泳池开放时间", "告知夏季开放时间为每日14:00-21:00，需办理游泳证", 0.0),
    ),
    LogCategory.HELP_REQUEST: (
        ("{b}栋{u}单元{r}{owner}钥匙忘带，请求开门", "核实业主身份后联系开锁师傅，{later}已开门", 0.0),
        ("住户来电求助：{b}栋{u}单元电梯困人，{n}人被困",
         "已通知电梯维保及工程部，安抚被困人员，{later}救出，无人受伤", 0.3),
        ("{b}栋{u}单元{r}{owner}家中老人行动不便，请求协助下楼就医",
         "通知秩序维护员{guard}协助，并代叫出租车", 0.0),
        ("{b}栋{r}住户请求帮忙搬运大件家具", "安排保洁两名协助搬运，已完成", 0.0),
        ("{owner}借用{b}栋设备房钥匙", "登记钥匙借用，约定{later}前归还", 0.5),
        ("{owner}孩子在中心花园走失，请求帮助寻找",
         "通知各岗位协查并调取监控，{later}在泳池附近找到，已交还家长", 0.0),
        ("{b}栋{u}单元{r}住户家中漏水无法关闭总阀，请求紧急处理",
         "维修工{later}到场关闭总阀，约定次日上门维修", 0.6),
    ),
    LogCategory.REPAIR: (
        ("{b}栋{u}单元{r}卫生间漏水，楼下{r2}天花板渗水",
         "已填写《住户报修登记表》，通知维修班，约定{later}上门查看", 0.6),
        ("{b}栋{u}单元{r}厨房水龙头漏水", "通知维修班，维修工{later}上门更换阀芯，已修好", 0.2),
        ("{b}栋{u}单元{r}家中停电，空气开关跳闸无法合上",
         "电工上门检查为热水器漏电，断开热水器后恢复供电，建议业主联系厂家", 0.4),
        ("{b}栋{fl}楼走廊灯不亮", "通知电工更换灯管，已修复", 0.1),
        ("{b}栋{u}单元门禁卡读卡器失灵，刷卡无反应", "通知弱电维修，更换读卡模块，已恢复", 0.3),
        ("{b}栋{u}单元{r}下水道堵塞", "维修工上门疏通，已正常", 0.1),
        ("{b}栋{u}单元{r}阳台雨水管漏水", "约定{later}上门查看，需联系楼上业主配合", 0.7),
        ("{b}栋{u}单元{r}入户门锁损坏", "已登记报修，转有偿维修，费用按价目表收取", 0.5),
    ),
    LogCategory.COMPLAINT: (
        ("{b}栋{u}单元{r}投诉楼上{r2}夜间噪音扰民",
         "已上门劝导，对方表示会注意；已报客服主管，次日回访", 0.8),
        ("{owner}投诉{b}栋楼下有车辆占用消防通道",
         "通知秩序维护员{guard}联系车主挪车，{later}已挪走；已回复业主", 0.3),
        ("{owner}投诉垃圾清运不及时，{b}栋垃圾桶满溢", "通知保洁主管立即清运，两小时内回复业主", 0.6),
        ("{owner}投诉快递员将快递放在门口后丢失", "调取监控协查，已报客服主管，约定明日回复", 0.9),
        ("{owner}投诉{b}栋{u}单元{r}装修超时施工，噪音大",
         "上门告知装修时间为工作日08:00-12:00、14:00-18:00，施工方已停工", 0.5),
        ("{owner}投诉{b}栋电梯频繁故障", "记录投诉，报工程部核查维保记录，2小时内回复", 0.9),
        ("{owner}投诉宠物狗在中心花园随地便溺", "在业主群发布文明养犬提示，已回复业主", 0.2),
    ),
    LogCategory.PATROL: (
        ("{t}巡查地下车库B1、B2层", "未发现异常", 0.0),
        ("{t}巡查{b}栋至{b2}栋消防通道", "发现{b}栋消防通道堆放杂物，已通知业主清理", 0.3),
        ("{t}巡查{b}栋至{b2}栋消防通道", "通道畅通，未发现异常", 0.0),
        ("{t}夜间巡查各楼栋单元门", "{b}栋{u}单元门未关闭，已关闭；其余正常", 0.0),
        ("{t}巡查中心花园及泳池", "未发现异常，泳池已上锁", 0.0),
        ("{t}开启景观照明", "已按时开启", 0.0),
        ("{t}关闭景观照明", "已按时关闭", 0.0),
        ("{t}巡查垃圾站及外围围墙", "垃圾已清运，围墙完好", 0.0),
    ),
    LogCategory.EQUIPMENT: (
        ("{b}栋{n}号电梯运行有异响", "通知电梯维保单位，{later}到场检修，已恢复运行", 0.4),
        ("地下车库出口道闸故障，抬杆不落", "临时人工放行，通知弱电维修，{later}修复", 0.2),
        ("二次供水泵房巡检", "水压正常，水箱水位正常", 0.0),
        ("消防控制室报{b}栋{fl}层烟感故障", "维修工到场检查为探头积尘，清洁后复位", 0.2),
        ("监控室{n}号摄像头无画面", "通知弱电维修检查线路，已报修", 0.5),
        ("{b}栋配电房巡检", "电压电流正常，无异味", 0.0),
        ("{b}栋{u}单元门禁主机死机", "重启门禁主机后恢复，通知弱电维修跟进", 0.3),
    ),
    LogCategory.SECURITY: (
        ("访客{visitor}到访{b}栋{u}单元{r}",
         "电话联系业主{owner}同意后登记放行", 0.0),
        ("{b}栋{u}单元{r}业主办理物品放行条，搬出{goods}",
         "核实业主身份，填写放行条并签字盖章，已放行", 0.0),
        ("发现陌生人在{b}栋楼道派发广告", "秩序维护员{guard}已劝离，并加强该楼栋巡查", 0.0),
        ("快递员{n}名进入小区派件", "登记身份信息后放行，提醒不得乱放快递", 0.0),
        ("{owner}门禁卡丢失，申请挂失", "核实身份后在门禁系统挂失原卡，补办新卡一张", 0.0),
        ("{b}栋{u}单元{r}业主反映门口有可疑人员徘徊", "通知秩序维护员{guard}到场查看，已离开", 0.3),
        ("外来车辆{plate}未登记闯入", "秩序维护员追至{b}栋，登记后引导至访客车位", 0.0),
    ),
    LogCategory.INCIDENT: (
        ("{b}栋{u}单元电梯困人，{n}人被困",
         "立即安抚被困人员，通知电梯维保单位，{later}救出，无人受伤；已上报客服主管", 0.6),
        ("{b}栋突然停电，楼道照明中断",
         "启动应急照明，联系供电局抢修，{later}恢复供电；已上报管理处主任", 0.5),
        ("{b}栋{u}单元{r}水管爆裂，大面积漏水",
         "关闭该单元总阀，组织保洁清理积水，通知维修班抢修；已通知业主", 0.8),
        ("{b}栋{fl}层烟感报警", "到场确认为住户做饭油烟触发，复位报警器，提醒住户开窗通风", 0.0),
        ("中心花园有老人晕倒", "拨打120并通知家属，协助送医；已上报客服主管", 0.7),
        ("小区全面停电", "启动应急预案，发电机供电保障电梯和消防，{later}市电恢复", 0.6),
    ),
    LogCategory.OTHER: (
        ("收到{courier}快递{n}件，放置前台待领", "已逐一电话通知收件业主", 0.0),
        ("{owner}寄存钥匙，交{guard}师傅取用", "登记钥匙寄存，取用时核对身份", 0.0),
        ("收到{owner}留言条，转交{b}栋管家", "已转交，对方确认收到", 0.0),
        ("前台雨伞借出{n}把", "已登记借用人及房号", 0.0),
        ("领取办公用品：记录本两本、签字笔一盒", "已签收", 0.0),
        ("交接前清点前台物品：对讲机{n}台、钥匙箱、雨伞、登记本", "数量无误，完好", 0.0),
        ("业主{owner}送来锦旗表扬维修班", "已拍照留存并转交客服主管", 0.0),
    ),
}

BACKDATE_REASONS = (
    "巡查途中无法及时记录，回岗后补记",
    "处理电梯困人事件，事后补记",
    "当时接待访客较多，稍后补录",
    "外出协助住户，返回后补记",
    "电话占线，补记前一时段事项",
)
CORRECTION_NOTES = ("类别选错", "房号记错", "时间记错", "处理结果记录不完整", "业主姓氏记错")
REVIEW_REMARKS = ("", "", "", "", "已阅", "记录完整", "请跟进报修回访", "投诉请按时回访")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾"
GUARDS = ("老李", "小王", "小陈", "老赵", "小刘")
COURIERS = ("顺丰", "京东", "中通", "圆通", "韵达", "邮政EMS")
GOODS = ("旧沙发一套", "冰箱一台", "书柜一个", "纸箱五个", "自行车一辆", "旧家电若干")
CATEGORY_WEIGHTS = {
    LogCategory.CONSULTATION: 16,
    LogCategory.HELP_REQUEST: 9,
    LogCategory.REPAIR: 18,
    LogCategory.COMPLAINT: 8,
    LogCategory.PATROL: 20,
    LogCategory.EQUIPMENT: 8,
    LogCategory.SECURITY: 12,
    LogCategory.INCIDENT: 2,
    LogCategory.OTHER: 7,
}


class _Text:
    """Fills the templates; one random source so the output depends only on the seed."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._categories = list(CATEGORY_WEIGHTS)
        weights = list(CATEGORY_WEIGHTS.values())
        self._cumulative = [sum(weights[: i + 1]) for i in range(len(weights))]

    def category(self) -> LogCategory:
        pick = self._rng.random() * self._cumulative[-1]
        return self._categories[bisect.bisect_right(self._cumulative, pick)]

    def _params(self, local: datetime) -> dict[str, Any]:
        rng = self._rng
        b = rng.randint(1, 12)
        fl = rng.randint(1, 18)
        later = local + timedelta(minutes=rng.randint(10, 120))
        return {
            "b": b,
            "b2": min(12, b + rng.randint(1, 4)),
            "u": rng.randint(1, 4),
            "fl": fl,
            "r": f"{fl}{rng.randint(1, 4):02d}",
            "r2": f"{max(1, fl - 1)}{rng.randint(1, 4):02d}",
            "n": rng.randint(1, 4),
            "owner": rng.choice(SURNAMES) + rng.choice(("先生", "女士")),
            "visitor": rng.choice(SURNAMES) + rng.choice(("先生", "女士")),
            "guard": rng.choice(GUARDS),
            "courier": rng.choice(COURIERS),
            "goods": rng.choice(GOODS),
            "plate": f"粤B{rng.randint(10000, 99999)}",
            "month": local.month,
            "dd": min(28, local.day + rng.randint(1, 5)),
            "t": local.strftime("%H:%M"),
            "later": later.strftime("%H:%M"),
        }

    def entry(self, category: LogCategory, local: datetime) -> tuple[str, str, bool]:
        situation, handling, follow = self._rng.choice(TEMPLATES[category])
        params = self._params(local)
        return (
            situation.format(**params),
            handling.format(**params),
            self._rng.random() < follow,
        )


@dataclass
class _Written:
    """What a correction may point at: an earlier entry of this or the previous shift."""

    id: int
    shift_date: date
    category: str
    situation: str
    handling: str


def _local_now_day(services: Services) -> tuple[datetime, date]:
    now = services.clock.now().replace(microsecond=0)
    return now, now.astimezone(services.desk.info().tz).date()


def _ensure_desk(services: Services, summary: DemoSummary) -> tuple[Actor, list[Actor]]:
    """The supervisor who signs and the clerks who keep the log (created when missing)."""
    accounts = services.accounts
    if not services.desk.is_set_up():
        supervisor = services.desk.set_up(
            accounts,
            desk_name=DESK_NAME,
            timezone=TIMEZONE,
            shifts=PRESETS["three_shifts_24h"],
            supervisor_username=SUPERVISOR[0],
            supervisor_name=SUPERVISOR[1],
            supervisor_password=DEMO_PASSWORD,
        )
        summary.accounts.append((SUPERVISOR[0], SUPERVISOR[1], Role.SUPERVISOR.value))
    else:
        bosses = [a for a in accounts.staff() if a.role is Role.SUPERVISOR and a.active]
        if not bosses:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError", "Demo data needs an active supervisor account to sign the days."
                )
            )
        first = min(bosses, key=lambda a: a.id)
        supervisor = accounts.seed_session(first.id, "demo data")
    existing = {a.username: a for a in accounts.staff()}
    clerks: list[Actor] = []
    for username, name in CLERKS:
        info = existing.get(username)
        if info is None:
            info = accounts.create(supervisor, username, name, DEMO_PASSWORD, Role.CLERK)
            summary.accounts.append((username, name, Role.CLERK.value))
        clerks.append(accounts.seed_session(info.id, "demo data"))
    if MANAGER[0] not in existing:
        # A supervisor may not create a higher role through the service rule, so the
        # manager is built by the service and stored here, with an audit record.
        manager = accounts.build_account(
            MANAGER[0], MANAGER[1], DEMO_PASSWORD, Role.MANAGER, supervisor.account_id
        )
        with services.db.write(supervisor) as session:
            session.add(manager)
            audit(session, services.clock.now(), supervisor.account_id, "account.created",
                  f"{MANAGER[0]} manager (demo data)")
        summary.accounts.append((MANAGER[0], MANAGER[1], Role.MANAGER.value))
    if not services.handover.items(include_retired=True):
        for name, unit, expected in HANDOVER_ITEMS:
            services.handover.add_item(supervisor, name, unit, expected)
    return supervisor, clerks


def _split(total: int, weights: list[int]) -> list[int]:
    """``total`` entries over shifts in proportion to their length (largest remainder)."""
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    shares = [total * w / whole for w in weights]
    counts = [int(s) for s in shares]
    order = sorted(range(len(weights)), key=lambda i: counts[i] - shares[i])
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def generate(
    services: Services,
    days: int,
    *,
    entries_per_day: int = 40,
    seed: int = 1,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty log with ``days`` days of entries ending yesterday (desk time)."""
    if days <= 0 or entries_per_day <= 0:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "Demo data needs at least one day and one entry a day.")
        )
    with services.db.read() as session:
        if session.scalar(select(LogEntry.id).limit(1)) is not None:
            raise ValidationError(
                QT_TRANSLATE_NOOP(
                    "DeskError",
                    "This database already has log entries; demo data is only made in an "
                    "empty log, so that it never mixes with a real one.",
                )
            )
    summary = DemoSummary()
    supervisor, clerks = _ensure_desk(services, summary)
    desk = services.desk.info()
    tz = desk.tz
    templates = services.desk.shift_templates()
    if not templates:
        raise ValidationError(QT_TRANSLATE_NOOP("DeskError", "The desk needs at least one shift."))
    now, today = _local_now_day(services)
    now_db = to_db(now)
    last_day = today - timedelta(days=1)
    first_day = last_day - timedelta(days=days - 1)
    rng = random.Random(seed)
    words = _Text(rng)
    with services.db.read() as session:
        already_signed = set(session.scalars(select(DayReview.day)))

    # When the supervisor signs each day: after its last shift ends, usually the next
    # morning, sometimes on a night check soon after (so a correction made during the
    # night shift can come after the signature).
    all_days = [first_day + timedelta(days=i) for i in range(days)]
    signatures: list[tuple[datetime, date, str]] = []
    for index, day in enumerate(all_days):
        ends = max(occurrence(t, day, tz).end for t in templates).astimezone(UTC)
        if index >= days - UNSIGNED_RECENT_DAYS or day in already_signed:
            continue
        if index < days - 7 and rng.random() < MISSED_SIGNATURE_RATE:
            continue
        if rng.random() < 0.3:
            delay = timedelta(minutes=rng.randint(10, 120))
        else:
            delay = timedelta(minutes=rng.randint(510, 660))
        signed_at = (ends + delay).replace(tzinfo=None, microsecond=0)
        if signed_at < now_db:
            signatures.append((signed_at, day, rng.choice(REVIEW_REMARKS)))
    signatures.sort()
    sign_time = {day: at for at, day, _ in signatures}
    next_signature = 0

    days_per_batch = max(1, ROWS_PER_TRANSACTION // entries_per_day)
    next_id = 1
    shift_counter = 0
    previous_shift: list[_Written] = []
    corrected: set[int] = set()
    weights = [t.duration_minutes for t in templates]

    def occurrences(day: date) -> list[ShiftOccurrence]:
        return sorted((occurrence(t, day, tz) for t in templates), key=lambda o: o.start)

    for batch_start in range(0, days, days_per_batch):
        batch_days = all_days[batch_start : batch_start + days_per_batch]
        rows: list[dict[str, Any]] = []
        for day in batch_days:
            shifts = occurrences(day)
            counts = _split(entries_per_day, [weights[templates.index(o.template)] for o in shifts])
            for occ, count in zip(shifts, counts, strict=True):
                clerk = clerks[shift_counter % len(clerks)]
                shift_counter += 1
                start = occ.start.astimezone(UTC).replace(tzinfo=None)
                end = min(occ.end.astimezone(UTC).replace(tzinfo=None), now_db)
                span = int((end - start).total_seconds())
                if span <= 120 or count == 0:
                    continue
                offsets = sorted(rng.randrange(60, span - 60) for _ in range(count))
                this_shift: list[_Written] = []
                for offset in offsets:
                    recorded = start + timedelta(seconds=offset)
                    row = _entry_row(
                        rng, words, recorded, start, tz, occ, clerk, desk.timezone,
                        this_shift, previous_shift, corrected, sign_time, next_id, summary,
                    )
                    rows.append(row)
                    this_shift.append(
                        _Written(
                            next_id, occ.shift_date, row["category"], row["situation"],
                            row["handling"],
                        )
                    )
                    next_id += 1
                previous_shift = this_shift
        last_recorded = rows[-1]["recorded_at"] if rows else now_db
        with services.db.write() as session:
            due: list[dict[str, Any]] = []
            final = batch_start + days_per_batch >= days
            while next_signature < len(signatures) and (
                final or signatures[next_signature][0] <= last_recorded
            ):
                at, day, remark = signatures[next_signature]
                due.append(
                    {"day": day, "signer_id": supervisor.account_id, "signed_at": at, "remark": remark}
                )
                next_signature += 1
            done = log_chain.append(session, rows)
            if done and done[-1]["id"] != next_id - 1:
                raise RuntimeError("log ids out of step with the demo generator")
            if due:
                # Each signature covers the entries written up to it (ids follow the time).
                for review in due:
                    review["covers_to_id"] = int(
                        session.scalar(
                            select(func.coalesce(func.max(LogEntry.id), 0)).where(
                                LogEntry.recorded_at <= review["signed_at"]
                            )
                        )
                        or 0
                    )
                session.execute(insert(DayReview), due)
            closures = _closures(rng, done, last_day, now_db, clerks)
            if closures:
                session.execute(insert(FollowUpClosure), closures)
            summary.signed_days += len(due)
            if final:
                # Fresh statistics for the query planner over the new rows.
                session.execute(text("ANALYZE"))
        summary.entries += len(rows)
        if progress is not None:
            progress(min(days, batch_start + len(batch_days)), days)
    with services.db.write() as session:
        # Merge the search index's segments into one: faster look-ups from the start.
        session.execute(text("INSERT INTO log_fts(log_fts) VALUES ('optimize')"))
    summary.days = days
    summary.first_day = first_day
    summary.last_day = last_day
    return summary


def _closures(
    rng: random.Random, rows: list[dict[str, Any]], last_day: date, now_db: datetime, clerks: list[Actor]
) -> list[dict[str, Any]]:
    """Most follow-ups of the days before yesterday were dealt with a few hours later."""
    closures: list[dict[str, Any]] = []
    for row in rows:
        if not row["follow_up"] or row["shift_date"] >= last_day or rng.random() >= FOLLOW_UP_CLOSED_RATE:
            continue
        closed_at = min(row["recorded_at"] + timedelta(minutes=rng.randint(30, 1200)), now_db)
        closures.append(
            {
                "log_entry_id": row["id"],
                "closed_at": closed_at,
                "closed_by": rng.choice(clerks).account_id,
                "note": rng.choice(FOLLOW_UP_NOTES),
                "handover_id": None,
            }
        )
    return closures


def _entry_row(
    rng: random.Random,
    words: _Text,
    recorded: datetime,
    shift_start: datetime,
    tz: Any,
    occ: ShiftOccurrence,
    clerk: Actor,
    tz_name: str,
    this_shift: list[_Written],
    previous_shift: list[_Written],
    corrected: set[int],
    sign_time: dict[date, datetime],
    entry_id: int,
    summary: DemoSummary,
) -> dict[str, Any]:
    occurred = recorded
    reason = ""
    corrects_id: int | None = None
    after_review = False
    local = recorded.replace(tzinfo=UTC).astimezone(tz)
    target: _Written | None = None
    if rng.random() < CORRECTION_RATE:
        target = _pick_target(rng, this_shift, previous_shift, corrected, sign_time, recorded)
    if target is not None:
        note = rng.choice(CORRECTION_NOTES)
        category = LogCategory(target.category)
        if note == CORRECTION_NOTES[0]:
            category = words.category()
        situation = target.situation
        handling = f"{target.handling}（更正第{target.id}号记录：{note}）"[:HANDLING_MAX]
        follow = rng.random() < 0.2
        corrects_id = target.id
        corrected.add(target.id)
        signed = sign_time.get(target.shift_date)
        after_review = signed is not None and signed <= recorded
        summary.corrections += 1
    else:
        category = words.category()
        if rng.random() < BACKDATE_RATE:
            back = timedelta(minutes=rng.randint(5, 90))
            occurred = max(shift_start, recorded - back)
            if recorded - occurred >= timedelta(minutes=1):
                reason = rng.choice(BACKDATE_REASONS)
                summary.backdated += 1
                local = occurred.replace(tzinfo=UTC).astimezone(tz)
            else:
                occurred = recorded
        situation, handling, follow = words.entry(category, local)
    if follow:
        summary.follow_ups += 1
    return {
        "clerk_id": clerk.account_id,
        "shift_template_id": occ.template.id,
        "shift_date": occ.shift_date,
        "occurred_at": occurred,
        "recorded_at": recorded,
        "tz": tz_name,
        "category": category.value,
        "situation": situation,
        "handling": handling,
        "backdate_reason": reason,
        "follow_up": follow,
        "corrects_id": corrects_id,
        "after_review": after_review,
    }


def _pick_target(
    rng: random.Random,
    this_shift: list[_Written],
    previous_shift: list[_Written],
    corrected: set[int],
    sign_time: dict[date, datetime],
    recorded: datetime,
) -> _Written | None:
    """An earlier entry of this or the previous shift that nobody corrected yet."""
    pools: list[list[_Written]] = []
    signed_before = [
        w for w in previous_shift[-5:]
        if (at := sign_time.get(w.shift_date)) is not None and at <= recorded
    ]
    if signed_before:
        pools.append(signed_before)  # a correction after the supervisor signed
    pools.extend((this_shift[-8:], previous_shift[-8:]))
    for pool in pools:
        free = [w for w in pool if w.id not in corrected]
        if free:
            return rng.choice(free)
    return None


__all__ = ["DEMO_PASSWORD", "DemoSummary", "generate"]
