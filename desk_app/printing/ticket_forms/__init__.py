"""The ticket queue's paper (DOMAIN.md "Tickets", "Paper"), one module a form:

- registers: 投诉受理登记表 / 住户报修登记表, every complaint (repair) registered in a date
  range, one ruled row per ticket, A4 landscape, the clerk's and the supervisor's signatures;
- release_slip: 物品放行条, one slip in two parts (存根 kept by the desk, 放行联 shown at the
  gate) with the items, the identity check and the signatures of the resident and the clerk;
- incident_report: 重大事件报告, the written report a major incident needs by the next day;
- monthly_report: 部门客户投诉工作月报, counts by kind and building, the on-time reply rate
  and the follow-up rate, with a bar chart;
- common: the styles they share.

Each form is a sheet of plain values (``XSheet.gather(services, …)`` reads it, with its
pages' seals), drawn by ``draw_x(sheet, path)``; ``render_x_pdf(services, …)`` does both.
Every page carries the desk, the form title, "第 n 页 共 m 页", its signature lines and its
seal (the fingerprint of the tickets it prints, as text and as a QR code: services/page_seal/).
No Qt here.
"""

from desk_app.printing.ticket_forms.incident_report import (
    INCIDENT_TITLE,
    IncidentReportSheet,
    draw_incident_report,
    render_incident_report_pdf,
)
from desk_app.printing.ticket_forms.monthly_report import (
    MONTHLY_TITLE,
    MonthlyReportSheet,
    draw_monthly_report,
    monthly_figures,
    render_monthly_report_pdf,
)
from desk_app.printing.ticket_forms.registers import (
    COMPLAINT_TITLE,
    REGISTERS,
    REPAIR_TITLE,
    RegisterSheet,
    RegisterSpec,
    draw_register,
    render_register_pdf,
)
from desk_app.printing.ticket_forms.release_slip import (
    SLIP_TITLE,
    ReleaseSlipSheet,
    draw_release_slip,
    render_release_slip_pdf,
)

__all__ = [
    "COMPLAINT_TITLE",
    "INCIDENT_TITLE",
    "MONTHLY_TITLE",
    "REGISTERS",
    "REPAIR_TITLE",
    "SLIP_TITLE",
    "IncidentReportSheet",
    "MonthlyReportSheet",
    "RegisterSheet",
    "RegisterSpec",
    "ReleaseSlipSheet",
    "draw_incident_report",
    "draw_monthly_report",
    "draw_register",
    "draw_release_slip",
    "monthly_figures",
    "render_incident_report_pdf",
    "render_monthly_report_pdf",
    "render_register_pdf",
    "render_release_slip_pdf",
]
