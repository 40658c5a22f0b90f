"""The handover tab (交接班): the wizard, the item list, the supervisor's check."""

from desk_app.ui.handover_tab.tab import HandoverTab

__all__ = ["HandoverTab"]
