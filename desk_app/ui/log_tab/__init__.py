"""The shift-log tab (值班记录)."""

from desk_app.ui.log_tab.tab import LogTab

__all__ = ["LogTab"]
