"""The roster tab's words for what the services hand out as data: a solver conflict, a rule
break, a gap, a wish. Translated in the tab's context (``RosterTab``), where these strings
have always been."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desk_app.domain.roster import WishKind
from desk_app.roster.conflict import Rule
from desk_app.services.roster import IssueKind, MonthConflict, RosterIssue


def conflict_text(conflict: MonthConflict, names: Mapping[int, str], shifts: Mapping[int, str]) -> str:
    """A rule among those that leave no roster: "王丽: the most working days in a row"."""
    rule = conflict.rule
    if not conflict.account_ids:
        if rule is Rule.UNCHECKED:
            return QCoreApplication.translate("RosterTab", "the rules could not be checked in the time given")
        return QCoreApplication.translate("RosterTab", "at most one shift a day")
    name = ", ".join(names.get(a, "?") for a in conflict.account_ids)
    if rule is Rule.MAX_SHIFTS:
        shift = shifts.get(conflict.template_id, "?") if conflict.template_id is not None else "?"
        return QCoreApplication.translate("RosterTab", "{name}: the most {shift} shifts").format(name=name, shift=shift)
    texts = {
        Rule.DAYS_OFF: QCoreApplication.translate("RosterTab", "{name}: days off and approved leave"),
        Rule.LOCKED: QCoreApplication.translate("RosterTab", "{name}: locked cells"),
        Rule.FOLLOW: QCoreApplication.translate("RosterTab", "{name}: rest between shifts"),
        Rule.MIN_MINUTES: QCoreApplication.translate("RosterTab", "{name}: the minimum hours"),
        Rule.MAX_MINUTES: QCoreApplication.translate("RosterTab", "{name}: the maximum hours"),
        Rule.MAX_CONSECUTIVE_DAYS: QCoreApplication.translate("RosterTab", "{name}: the most working days in a row"),
        Rule.MIN_CONSECUTIVE_DAYS: QCoreApplication.translate("RosterTab", "{name}: the fewest working days in a row"),
        Rule.MIN_CONSECUTIVE_DAYS_OFF: QCoreApplication.translate("RosterTab", "{name}: the fewest days off in a row"),
        Rule.MAX_WEEKENDS: QCoreApplication.translate("RosterTab", "{name}: the most weekends"),
    }
    return texts.get(rule, f"{{name}}: {rule}").format(name=name)


def rule_text(rule: Rule) -> str:
    """A rule the month as it stands breaks."""
    texts = {
        Rule.ONE_SHIFT_A_DAY: QCoreApplication.translate("RosterTab", "more than one shift a day"),
        Rule.FOLLOW: QCoreApplication.translate("RosterTab", "too little rest between two shifts"),
        Rule.MAX_SHIFTS: QCoreApplication.translate(
            "RosterTab", "more of a shift than allowed (or a shift not allowed, e.g. nights)"
        ),
        Rule.MIN_MINUTES: QCoreApplication.translate("RosterTab", "fewer hours than the minimum"),
        Rule.MAX_MINUTES: QCoreApplication.translate("RosterTab", "more hours than the maximum"),
        Rule.MAX_CONSECUTIVE_DAYS: QCoreApplication.translate("RosterTab", "too many working days in a row"),
        Rule.MIN_CONSECUTIVE_DAYS: QCoreApplication.translate("RosterTab", "too few working days in a row"),
        Rule.MIN_CONSECUTIVE_DAYS_OFF: QCoreApplication.translate("RosterTab", "too few days off in a row"),
        Rule.MAX_WEEKENDS: QCoreApplication.translate("RosterTab", "too many weekends"),
        Rule.DAYS_OFF: QCoreApplication.translate("RosterTab", "works on approved leave or a day off"),
    }
    return texts.get(rule, str(rule))


def issue_text(issue: RosterIssue) -> str:
    """A gap ("12-01 早班: 0 of 1 people") or a rule break ("12-01 王丽: …")."""
    when = f"{issue.day:%m-%d} " if issue.day is not None else ""
    if issue.kind is IssueKind.GAP:
        return QCoreApplication.translate("RosterTab", "{when}{shift}: {planned} of {needed} people").format(
            when=when, shift=issue.subject, planned=issue.planned, needed=issue.needed
        )
    return f"{when}{issue.subject}: {rule_text(issue.rule) if issue.rule is not None else ''}"


def wish_text(kind: WishKind, shift: str, weight: int) -> str:
    """A wish as the grid's tooltip shows it (``shift`` empty: any shift / the whole day)."""
    if kind is WishKind.ON:
        text = QCoreApplication.translate("RosterTab", "work {shift} (weight {w})")
    else:
        text = QCoreApplication.translate("RosterTab", "off {shift} (weight {w})")
    return text.format(shift=shift, w=weight).replace("  ", " ")
