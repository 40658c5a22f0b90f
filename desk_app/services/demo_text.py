"""The demo log's words: what happens at the desk by category (templates with the
parameters they are filled from), and the reasons, notes and remarks around them.

``DemoText`` draws from one random source, so the words depend only on the seed.
"""

from __future__ import annotations

import bisect
import random
from datetime import datetime, timedelta
from typing import Any

from desk_app.domain.categories import LogCategory

# Each template: (situation, handling, chance of "follow up"). Fields are filled from
# the parameters made in ``_params``.
Template = tuple[str, str, float]

TEMPLATES: dict[LogCategory, tuple[Template, ...]] = {
    LogCategory.CONSULTATION: (
        (
            "{owner}来电咨询物业费缴纳方式及{month}月账单明细",
            "告知可通过微信公众号、前台刷卡或银行代扣缴纳，已发送账单截图",
            0.0,
        ),
        ("{b}栋{u}单元{r}住户咨询装修申报所需材料", "告知需提供装修方案、施工队资质及押金，已发放《装修申请表》", 0.1),
        ("访客咨询{b}栋位置及访客停车规定", "已指引至{b}栋，告知访客车辆限停2小时", 0.0),
        ("{owner}咨询快递代收点开放时间", "告知快递柜24小时可用，前台代收至21:00", 0.0),
        (
            "{owner}咨询{month}月{dd}日停电通知内容",
            "告知供电局检修线路，{dd}日09:00-15:00停电，通知已在各单元张贴",
            0.0,
        ),
        ("{owner}咨询门禁卡补办手续", "告知携带身份证及房产证明到前台办理，工本费20元", 0.0),
        ("{b}栋{u}单元{r}租户咨询车位月租价格", "告知地面车位每月300元，地下车位每月450元", 0.0),
        ("{owner}来电咨询小区游泳池开放时间", "告知夏季开放时间为每日14:00-21:00，需办理游泳证", 0.0),
    ),
    LogCategory.HELP_REQUEST: (
        ("{b}栋{u}单元{r}{owner}钥匙忘带，请求开门", "核实业主身份后联系开锁师傅，{later}已开门", 0.0),
        (
            "住户来电求助：{b}栋{u}单元电梯困人，{n}人被困",
            "已通知电梯维保及工程部，安抚被困人员，{later}救出，无人受伤",
            0.3,
        ),
        ("{b}栋{u}单元{r}{owner}家中老人行动不便，请求协助下楼就医", "通知秩序维护员{guard}协助，并代叫出租车", 0.0),
        ("{b}栋{r}住户请求帮忙搬运大件家具", "安排保洁两名协助搬运，已完成", 0.0),
        ("{owner}借用{b}栋设备房钥匙", "登记钥匙借用，约定{later}前归还", 0.5),
        ("{owner}孩子在中心花园走失，请求帮助寻找", "通知各岗位协查并调取监控，{later}在泳池附近找到，已交还家长", 0.0),
        ("{b}栋{u}单元{r}住户家中漏水无法关闭总阀，请求紧急处理", "维修工{later}到场关闭总阀，约定次日上门维修", 0.6),
    ),
    LogCategory.REPAIR: (
        (
            "{b}栋{u}单元{r}卫生间漏水，楼下{r2}天花板渗水",
            "已填写《住户报修登记表》，通知维修班，约定{later}上门查看",
            0.6,
        ),
        ("{b}栋{u}单元{r}厨房水龙头漏水", "通知维修班，维修工{later}上门更换阀芯，已修好", 0.2),
        (
            "{b}栋{u}单元{r}家中停电，空气开关跳闸无法合上",
            "电工上门检查为热水器漏电，断开热水器后恢复供电，建议业主联系厂家",
            0.4,
        ),
        ("{b}栋{fl}楼走廊灯不亮", "通知电工更换灯管，已修复", 0.1),
        ("{b}栋{u}单元门禁卡读卡器失灵，刷卡无反应", "通知弱电维修，更换读卡模块，已恢复", 0.3),
        ("{b}栋{u}单元{r}下水道堵塞", "维修工上门疏通，已正常", 0.1),
        ("{b}栋{u}单元{r}阳台雨水管漏水", "约定{later}上门查看，需联系楼上业主配合", 0.7),
        ("{b}栋{u}单元{r}入户门锁损坏", "已登记报修，转有偿维修，费用按价目表收取", 0.5),
    ),
    LogCategory.COMPLAINT: (
        ("{b}栋{u}单元{r}投诉楼上{r2}夜间噪音扰民", "已上门劝导，对方表示会注意；已报客服主管，次日回访", 0.8),
        ("{owner}投诉{b}栋楼下有车辆占用消防通道", "通知秩序维护员{guard}联系车主挪车，{later}已挪走；已回复业主", 0.3),
        ("{owner}投诉垃圾清运不及时，{b}栋垃圾桶满溢", "通知保洁主管立即清运，两小时内回复业主", 0.6),
        ("{owner}投诉快递员将快递放在门口后丢失", "调取监控协查，已报客服主管，约定明日回复", 0.9),
        (
            "{owner}投诉{b}栋{u}单元{r}装修超时施工，噪音大",
            "上门告知装修时间为工作日08:00-12:00、14:00-18:00，施工方已停工",
            0.5,
        ),
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
        ("访客{visitor}到访{b}栋{u}单元{r}", "电话联系业主{owner}同意后登记放行", 0.0),
        ("{b}栋{u}单元{r}业主办理物品放行条，搬出{goods}", "核实业主身份，填写放行条并签字盖章，已放行", 0.0),
        ("发现陌生人在{b}栋楼道派发广告", "秩序维护员{guard}已劝离，并加强该楼栋巡查", 0.0),
        ("快递员{n}名进入小区派件", "登记身份信息后放行，提醒不得乱放快递", 0.0),
        ("{owner}门禁卡丢失，申请挂失", "核实身份后在门禁系统挂失原卡，补办新卡一张", 0.0),
        ("{b}栋{u}单元{r}业主反映门口有可疑人员徘徊", "通知秩序维护员{guard}到场查看，已离开", 0.3),
        ("外来车辆{plate}未登记闯入", "秩序维护员追至{b}栋，登记后引导至访客车位", 0.0),
    ),
    LogCategory.INCIDENT: (
        (
            "{b}栋{u}单元电梯困人，{n}人被困",
            "立即安抚被困人员，通知电梯维保单位，{later}救出，无人受伤；已上报客服主管",
            0.6,
        ),
        ("{b}栋突然停电，楼道照明中断", "启动应急照明，联系供电局抢修，{later}恢复供电；已上报管理处主任", 0.5),
        ("{b}栋{u}单元{r}水管爆裂，大面积漏水", "关闭该单元总阀，组织保洁清理积水，通知维修班抢修；已通知业主", 0.8),
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


class DemoText:
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

    def fill(self, template: str, local: datetime) -> str:
        """``template`` with its buildings, rooms and names made up (the same fields as an entry's)."""
        return template.format(**self._params(local))


# -- the handovers of the demo's last month (desk_app.services.demo_handovers) -------------
# How a follow-up was dealt with, hours after it was logged.
FOLLOW_UP_NOTES = ("已处理完毕", "工程部已修复，业主确认", "已回访，业主满意", "已电话回复业主", "已转交工程部跟进完毕")
# How an incident was dealt with, as the clerk on duty records it before the handover.
INCIDENT_CLOSURES = (
    "已处置完毕，现场恢复正常，已向客服主管汇报",
    "维保单位已到场检修，设备恢复运行，无人受伤",
    "抢修完毕，已恢复供水供电，已逐户告知业主",
    "伤者已由120送医，家属已到场，已向客服主管汇报",
    "现场已清理，工程部确认无安全隐患，已通知业主",
)
# A follow-up declared at a handover: handed over (with a note) or closed then and there.
HANDED_OVER_NOTES = (
    "已交接，接班人员继续跟进",
    "等待工程部回复，下一班继续跟进",
    "业主尚未回电，下一班再联系",
    "维修材料未到，已约业主明天上门",
    "已提醒接班人员按时回访",
)
CLOSED_AT_HANDOVER_NOTES = ("交接前已处理完毕", "已电话回复业主，业主满意", "工程部已修复，业主确认")
TICKET_HANDED_OVER_NOTE = "工单处理中，接班人员继续跟进"
# Parcels and the like kept at the desk for a resident: handed over once, collected later.
FREE_WORK = (
    "{b}栋{u}单元业主快递暂存前台，待业主来取",
    "{b}栋业主寄存钥匙一把，待家人来取",
    "装修单位明早来办理{b}栋{u}单元出入证",
)
FREE_WORK_HANDED_OVER = "已登记，接班人员核对后交付"
FREE_WORK_DONE = ("业主已取走，已签收", "已交付，对方签字确认", "已办理完毕")
# Differences found in the count: item, how many short (0: damaged), the outgoing clerk's
# explanation, and what the next shift found (an anomaly of the next handover), if anything.
COUNT_DIFFERENCES = (
    ("备用雨伞", 1, "一把借给{b}栋业主，已登记在借用本上", ""),
    ("备用雨伞", 1, "交班时少一把，已告知接班人员留意", "上一班少的一把备用雨伞在休息室找到，已放回伞架"),
    ("对讲机", 0, "一台天线折断，已报工程部更换", ""),
    ("对讲机", 1, "一台借给秩序维护员巡逻，下班前归还", "上一班借出的对讲机已由秩序维护员交回"),
    ("备用金", 15, "垫付业主到付快递费15元，收据在抽屉里", ""),
    ("手电筒", 1, "一支借给工程部夜间检修，已登记", "工程部已归还借用的手电筒"),
    ("钥匙", 1, "{b}栋设备房钥匙借给维修人员，已登记", "维修人员已归还设备房钥匙，核对无误"),
    ("门禁卡", 1, "临时门禁卡一张借给装修工人，已收押金", ""),
)
FOUND_EXPLANATION = "已核对，数量与清单相符"
# The supervisor's remark on the daily check of a handover (most checks have none).
CHECK_REMARKS = ("", "", "", "", "交接清楚", "物品差异已核实", "请按时回访未完成事项")
