"""The register lists as .xlsx: read back with openpyxl."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from desk_app.domain.errors import ValidationError
from desk_app.domain.tickets import Source, TicketDetails, TicketKind, Validity
from desk_app.services.ticket_export import BY_KIND, columns_for, export_register_xlsx
from desk_app.services.tickets import ResidentInput, TicketInput

LI = ResidentInput("李先生", "3栋", "2单元1203", "13800138000")
DAY = date(2026, 11, 24)


def _rows(path):
    sheet = load_workbook(path).active
    rows = list(sheet.iter_rows(values_only=True))
    return rows[0], [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]


def test_complaints_export_with_real_times_and_their_clocks(services, clock, clerk, tmp_path):
    ticket = services.tickets.register(clerk, TicketInput(TicketKind.COMPLAINT, Source.PHONE, "楼上装修噪音扰民", LI))
    services.tickets.judge(clerk, ticket.id, Validity.VALID, "属实")
    clock.advance(timedelta(minutes=30))
    services.tickets.reply(clerk, ticket.id, "已通知装修方整改", resolved=True)
    out = tmp_path / "complaints.xlsx"
    progress = []
    assert (
        export_register_xlsx(services, TicketKind.COMPLAINT, DAY, DAY, out, progress=lambda *a: progress.append(a)) == 1
    )
    header, rows = _rows(out)
    assert header == tuple(c.title for c in columns_for(TicketKind.COMPLAINT))
    row = rows[0]
    assert row["编号"] == ticket.id
    assert row["登记时间"] == datetime(2026, 11, 24, 10, 0)  # desk time, a real date-time
    assert row["答复时限"] == datetime(2026, 11, 24, 12, 0)
    assert row["答复时间"] == datetime(2026, 11, 24, 10, 30)
    assert row["按时答复"] == "是"
    assert row["性质"] == "有效"
    assert row["状态"] == "待回访"
    assert row["电话"] == "13800138000"  # text, not a number that loses its leading digits
    assert "已通知装修方整改" in row["处理经过"]
    assert progress[-1] == (1, 1)


def test_text_that_looks_like_a_formula_stays_text(services, clerk, tmp_path):
    services.tickets.register(clerk, TicketInput(TicketKind.REPAIR, Source.VISIT, '=HYPERLINK("http://x","点我")', LI))
    out = tmp_path / "repairs.xlsx"
    export_register_xlsx(services, TicketKind.REPAIR, DAY, DAY, out)
    sheet = load_workbook(out).active
    cell = sheet.cell(row=2, column=8)
    assert cell.value == '=HYPERLINK("http://x","点我")'
    assert cell.data_type == "s"


@pytest.mark.parametrize("kind", list(TicketKind))
def test_every_kind_has_its_columns(kind):
    titles = [c.title for c in columns_for(kind)]
    assert len(titles) == len(set(titles))
    assert kind in BY_KIND


def test_item_releases_list_their_items(services, clerk, tmp_path):
    details = TicketDetails(items=["电视机 1台", "沙发 1张"], identity_checked=True, identity_note="身份证后四位 1234")
    services.tickets.register(clerk, TicketInput(TicketKind.ITEM_RELEASE, Source.VISIT, "搬家", LI, details=details))
    out = tmp_path / "release.xlsx"
    export_register_xlsx(services, TicketKind.ITEM_RELEASE, DAY, DAY, out)
    _, rows = _rows(out)
    assert rows[0]["放行物品"] == "电视机 1台、沙发 1张"
    assert rows[0]["身份核验"] == "身份证后四位 1234"


def test_a_bad_range_writes_nothing_and_an_existing_file_is_kept(services, supervisor, tmp_path):
    out = tmp_path / "keep.xlsx"
    out.write_bytes(b"old")
    with pytest.raises(ValidationError):
        export_register_xlsx(services, TicketKind.COMPLAINT, DAY, DAY - timedelta(days=1), out)
    assert out.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir() if p.suffix != ".sqlite" and "sqlite" not in p.name] == ["keep.xlsx"]


def test_an_empty_range_is_a_sheet_with_its_header(services, supervisor, tmp_path):
    out = tmp_path / "empty.xlsx"
    assert export_register_xlsx(services, TicketKind.VISITOR, DAY, DAY, out) == 0
    header, rows = _rows(out)
    assert "来访人" in header and rows == []
