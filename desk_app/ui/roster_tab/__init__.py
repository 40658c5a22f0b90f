"""The roster calendar tab (值班安排表)."""

from desk_app.ui.roster_tab.tab import RosterTab

__all__ = ["RosterTab"]
