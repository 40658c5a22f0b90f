"""DutyDesk (值班台): the duty-desk program of a reception desk."""

__version__ = "0.1.0"
