"""The ticket queue tab (工单)."""

from desk_app.ui.ticket_tab.tab import TicketTab

__all__ = ["TicketTab"]
