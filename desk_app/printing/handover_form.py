"""The printed handover record (交接班记录表): one handover on one or more A4 pages.

The same paper rules as the shift log (DOMAIN.md "Paper"): every page carries the desk, the
form title, the shift date and shift, signature lines and "第 n 页 共 m 页". The body runs
over the pages as a flow of ruled tables: the two clerks and their times, the item count,
the open work (closed or handed over, with a supervisor's release), the anomalies, the
faults during the handover and the supervisor's check. A signed handover prints the record
that was hashed at signing, and the page's seal (the fingerprint of the handover and of what
belongs to it, as text and as a QR code), so the paper can be checked against the database
with ``desk-app verify-page``; a handover still being filled in prints its draft,
marked 未完成 on every page.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from reportlab.pdfgen.canvas import Canvas

from desk_app.domain.handover import Condition, Disposition, HandoverDraft, WorkSource
from desk_app.domain.hashing import fingerprint
from desk_app.printing.fonts import TextMeasure
from desk_app.printing.form_footer import SEAL_ROOM, SignatureSlot, draw_footer, draw_signature_lines
from desk_app.printing.form_layout import FormField, PageGeometry, atomic_pdf, draw_fields, draw_title
from desk_app.printing.logbook import chinese_date
from desk_app.printing.ruled_table import Align, LaidRow, Para, RuledTable, columns_by_share
from desk_app.printing.table_flow import Block, Section, draw_blocks, flow_sections
from desk_app.printing.text_lines import TextStyle, draw_line
from desk_app.services import page_seal
from desk_app.services.container import Services

Progress = Callable[[int, int], None]

FORM_TITLE = "交接班记录表"
UNFINISHED = "未完成"
NOTHING = "无"

GEOMETRY = PageGeometry()
HEADER_HEIGHT = 68.0  # desk name, form title, date/shift/state line
FOOTER_HEIGHT = 62.0  # signature lines with their times, digest and page number

TEXT = TextStyle(size=9.0)
CENTER = TextStyle(size=9.0, align="center")
NOTE = TextStyle(size=7.5, gray=0.25)
MARK = TextStyle(size=7.5)
EMPTY = TextStyle(size=9.0, gray=0.4, align="center")
HEADING = TextStyle(size=10.5)

CONDITION = {Condition.GOOD: "完好", Condition.DAMAGED: "损坏"}
DISPOSITION = {Disposition.PENDING: "未处理", Disposition.CLOSED: "已关闭", Disposition.HANDED_OVER: "移交"}
SOURCE = {WorkSource.LOG_FOLLOW_UP: "值班记录", WorkSource.TICKET: "工单", WorkSource.FREE: "交接登记"}


def _time(value: datetime | None, day: bool = True) -> str:
    if value is None:
        return "—"
    return f"{value:%Y-%m-%d %H:%M}" if day else f"{value:%H:%M}"


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if isinstance(value, str) and value else None


@dataclass(frozen=True)
class HandoverSheet:
    """What the paper shows, taken from the signed record or, while open, from the draft,
    with when it is printed and the seal of the handover and what belongs to it."""

    desk_name: str
    signed: bool
    date_text: str
    shift_text: str
    outgoing: str
    incoming: str
    started_at: datetime | None
    arrived_at: datetime | None
    signed_at: datetime | None
    expected_by: datetime
    early_arrival_minutes: int
    late_minutes: int | None
    draft: HandoverDraft
    printed_at: datetime
    supervisors: Mapping[int, str] = field(default_factory=dict)
    checked_by: str | None = None
    checked_at: datetime | None = None
    check_remark: str = ""
    log_entry_id: int | None = None
    digest: str | None = None
    seal: page_seal.Seal | None = None

    @classmethod
    def gather(cls, services: Services, handover_id: int) -> HandoverSheet:
        view = services.handover.get(handover_id)
        desk = services.desk.info()
        tz = desk.tz
        template = view.shift.template
        record = view.record if view.signed else None
        if record is not None:
            draft = HandoverDraft.from_json(_draft_json(record))
            outgoing, incoming = str(record["outgoing"]), str(record["incoming"])
            started = _parse(record.get("started_at"))
            arrived = _parse(record.get("incoming_arrived_at"))
            signed_at = _parse(record.get("signed_at"))
            early = int(record.get("early_arrival_minutes", view.early_arrival_minutes))
            late: int | None = int(record.get("late_minutes", 0))
        else:
            draft = view.draft  # get() gives an open handover with the item list as it is now
            outgoing, incoming = view.outgoing_name, view.incoming_name or ""
            started, arrived, signed_at = view.started_at, view.incoming_arrived_at, None
            early, late = view.early_arrival_minutes, None
        digest = view.record_digest
        names = {a.id: a.display_name for a in services.accounts.staff()}
        return cls(
            desk_name=desk.name,
            signed=record is not None,
            date_text=chinese_date(view.shift.shift_date),
            shift_text=f"{template.name} {template.span_text()}",
            outgoing=outgoing,
            incoming=incoming,
            started_at=started.astimezone(tz) if started else None,
            arrived_at=arrived.astimezone(tz) if arrived else None,
            signed_at=signed_at.astimezone(tz) if signed_at else None,
            expected_by=(view.shift.end - timedelta(minutes=early)).astimezone(tz),
            early_arrival_minutes=early,
            late_minutes=late,
            draft=draft,
            printed_at=services.desk.now(),
            supervisors=names,
            checked_by=view.checked_by,
            checked_at=view.checked_at,
            check_remark=view.check_remark,
            log_entry_id=view.log_entry_id,
            digest=digest,
            seal=page_seal.seal(services.db, page_seal.handover_rule(handover_id), tz),
        )

    @property
    def digest_text(self) -> str:
        if self.digest is None:
            return "记录摘要 —（未签名）"
        return f"记录摘要 #{self.log_entry_id} {fingerprint(self.digest)}"


def _draft_json(record: dict[str, Any]) -> str:
    keys = ("records_acknowledged", "counts", "open_work", "anomalies", "faults", "step", "no_items_by", "no_items_at")
    return json.dumps({k: record[k] for k in keys if k in record}, ensure_ascii=False)


class HandoverLayout:
    """Turns a handover into pages of blocks (pass 1 and 2), then draws them (pass 3)."""

    def __init__(self, sheet: HandoverSheet, measure: TextMeasure | None = None) -> None:
        self.sheet = sheet
        self.measure = measure or TextMeasure()
        self.width = GEOMETRY.content_width
        self.top = GEOMETRY.top - HEADER_HEIGHT
        self.room = self.top - (GEOMETRY.bottom + FOOTER_HEIGHT)

    # -- sections ----------------------------------------------------------------------
    def _table(self, columns: Sequence[tuple[str, float, Align]]) -> RuledTable:
        """Columns as (title, share of the width, align); the last takes what is left."""
        return RuledTable(columns_by_share(self.width, columns), self.measure)

    def _empty(self, table: RuledTable, text: str = NOTHING) -> list[LaidRow]:
        return [table.lay_out_span([Para(text, EMPTY)])]

    def people(self) -> Section:
        s = self.sheet
        table = self._table([("", 0.14, "center"), ("交班人", 0.43, "left"), ("接班人", 0.43, "left")])
        late = "—"
        if s.late_minutes is not None:
            late = f"迟到 {s.late_minutes} 分钟" if s.late_minutes > 0 else "按时到岗"
        elif s.arrived_at is not None:
            minutes = int((s.arrived_at - s.expected_by).total_seconds() // 60)
            late = f"迟到 {minutes} 分钟（未签名）" if minutes > 0 else "按时到岗"
        rows = [
            ("姓名", s.outgoing, s.incoming or "—（尚未确认）"),
            ("时间", f"开始交接 {_time(s.started_at)}", f"到岗 {_time(s.arrived_at)}"),
            (
                "到岗要求",
                f"{_time(s.expected_by + timedelta(minutes=s.early_arrival_minutes), False)} 交班，"
                "提前 15 分钟整理岗位",
                f"提前 {s.early_arrival_minutes} 分钟，{_time(s.expected_by, False)} 前到岗；{late}",
            ),
            ("签名时间", _time(s.signed_at), _time(s.signed_at)),
        ]
        laid = [table.lay_out_row([[Para(a, CENTER)], [Para(b, TEXT)], [Para(c, TEXT)]]) for a, b, c in rows]
        return Section("", table, laid)

    def counts(self) -> Section:
        table = self._table(
            [
                ("物品", 0.19, "left"),
                ("单位", 0.07, "center"),
                ("应有", 0.08, "center"),
                ("实点", 0.08, "center"),
                ("差异", 0.08, "center"),
                ("状况", 0.08, "center"),
                ("说明", 0.42, "left"),
            ]
        )
        rows: list[LaidRow] = []
        for c in self.sheet.draft.counts:
            diff = c.difference
            diff_text = "未点" if diff is None else (f"+{diff}" if diff > 0 else str(diff))
            rows.append(
                table.lay_out_row(
                    [
                        [Para(c.name, TEXT)],
                        [Para(c.unit)],
                        [Para(str(c.expected))],
                        [Para("—" if c.counted is None else str(c.counted))],
                        [Para(diff_text)],
                        [Para(CONDITION[c.condition])],
                        [Para(c.explanation, TEXT)] if c.explanation else [],
                    ]
                )
            )
        return Section("一、物品清点", table, rows or self._empty(table, self._no_items_text()))

    def _no_items_text(self) -> str:
        draft = self.sheet.draft
        if draft.keeps_no_items:
            return f"本岗位不保管需清点的物品（{draft.no_items_by} 于 {draft.no_items_at} 记录）"
        return "未清点：岗位未设物品清单"

    def open_work(self) -> Section:
        table = self._table(
            [
                ("事项", 0.32, "left"),
                ("来源", 0.09, "center"),
                ("处理", 0.09, "center"),
                ("备注", 0.24, "left"),
                ("主管放行", 0.26, "left"),
            ]
        )
        rows: list[LaidRow] = []
        for w in self.sheet.draft.open_work:
            item = [Para(w.description, TEXT)]
            if w.important:
                item.insert(0, Para("【重要】", MARK))
            release: list[Para] = []
            if w.override_by is not None:
                name = self.sheet.supervisors.get(w.override_by, f"#{w.override_by}")
                release = [Para(name, TEXT), Para(w.override_reason, NOTE)]
            rows.append(
                table.lay_out_row(
                    [
                        item,
                        [Para(SOURCE[w.source])],
                        [Para(DISPOSITION[w.disposition])],
                        [Para(w.note, TEXT)] if w.note else [],
                        release,
                    ]
                )
            )
        return Section("二、遗留事项", table, rows or self._empty(table))

    def anomalies(self) -> Section:
        table = self._table([("异常", 0.45, "left"), ("说明", 0.55, "left")])
        rows = [
            table.lay_out_row([[Para(a.description, TEXT)], [Para(a.explanation, TEXT)] if a.explanation else []])
            for a in self.sheet.draft.anomalies
        ]
        return Section("三、区域异常", table, rows or self._empty(table))

    def faults(self) -> Section:
        table = self._table([("故障", 0.45, "left"), ("处理", 0.55, "left")])
        rows = [
            table.lay_out_row(
                [[Para(f.description, TEXT)], [Para(f.resolution, TEXT)] if f.resolution else [Para("未处理", MARK)]]
            )
            for f in self.sheet.draft.faults
        ]
        return Section("四、交接中发生的故障", table, rows or self._empty(table))

    def check(self) -> Section:
        s = self.sheet
        table = self._table([("检查人", 0.18, "center"), ("时间", 0.22, "center"), ("意见", 0.60, "left")])
        if s.checked_by is None:
            rows = self._empty(table, "尚未检查")
        else:
            rows = [
                table.lay_out_row(
                    [[Para(s.checked_by)], [Para(_time(s.checked_at))], [Para(s.check_remark or "—", TEXT)]]
                )
            ]
        return Section("五、主管检查", table, rows)

    def sections(self) -> list[Section]:
        return [self.people(), self.counts(), self.open_work(), self.anomalies(), self.faults(), self.check()]

    def pages(self) -> list[list[Block]]:
        return flow_sections(self.sections(), self.room)

    # -- drawing -----------------------------------------------------------------------
    def draw_page(self, canvas: Canvas, blocks: Sequence[Block], number: int, total: int) -> None:
        m, g, s = self.measure, GEOMETRY, self.sheet
        top = g.top
        draw_title(canvas, m, g, s.desk_name, FORM_TITLE)
        if not s.signed:
            self._stamp(canvas, g.right - 78, top - 44)
        draw_fields(
            canvas,
            m,
            g.left,
            top - 58,
            g.content_width,
            [
                FormField("日期", s.date_text, 1.2),
                FormField("班次", s.shift_text, 1.0),
                FormField("状态", "已签名" if s.signed else f"{UNFINISHED}（尚未签名）", 1.0),
            ],
        )
        draw_blocks(canvas, m, g.left, self.top, blocks, HEADING)

        sign_y = g.bottom + 38
        signed = f"{_time(s.signed_at)}" if s.signed_at else ""
        draw_signature_lines(
            canvas,
            m,
            g.left,
            sign_y,
            g.content_width - SEAL_ROOM,
            [
                SignatureSlot("交班人签名", f"{s.outgoing} 时间 {signed}" if signed else "时间", 1.0),
                SignatureSlot("接班人签名", f"{s.incoming} 时间 {signed}" if signed else "时间", 1.0),
                SignatureSlot(
                    "主管检查签名",
                    f"{s.checked_by} 时间 {_time(s.checked_at)}" if s.checked_by else "时间",
                    1.1,
                ),
            ],
        )
        draw_footer(canvas, m, g, s.printed_at, number, total, s.digest_text, s.seal)

    def _stamp(self, canvas: Canvas, x: float, y: float) -> None:
        """A boxed 未完成 beside the title: this paper is not a signed record."""
        canvas.setStrokeGray(0)
        canvas.setLineWidth(1.2)
        canvas.rect(x, y, 74, 26, stroke=1, fill=0)
        draw_line(canvas, self.measure, x, y + 8, UNFINISHED, TextStyle(size=14, align="center"), 74)


def draw_handover(sheet: HandoverSheet, path: Path, *, progress: Progress | None = None) -> int:
    """Write the handover record of ``sheet`` to ``path`` as a PDF; return the page count.

    The file appears only when complete (written beside it, then renamed). ``progress``
    is called with (pages drawn, pages in all), from the calling thread.
    """
    layout = HandoverLayout(sheet)
    pages = layout.pages()
    total = len(pages)
    if progress is not None:
        progress(0, total)
    title = f"{FORM_TITLE} {sheet.date_text} {sheet.shift_text}"
    with atomic_pdf(Path(path), title=title, author=sheet.desk_name) as canvas:
        for number, blocks in enumerate(pages, start=1):
            layout.draw_page(canvas, blocks, number, total)
            canvas.showPage()
            if progress is not None:
                progress(number, total)
    return total


def render_handover_pdf(
    services: Services,
    handover_id: int,
    path: Path,
    *,
    progress: Progress | None = None,
) -> int:
    """Write handover ``handover_id`` to ``path`` as a PDF; return the page count."""
    return draw_handover(HandoverSheet.gather(services, handover_id), path, progress=progress)
