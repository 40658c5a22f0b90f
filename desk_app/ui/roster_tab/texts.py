"""The roster tab's words for what the services hand out as data: a solver conflict, a rule
break, a gap, a wish, a month's summary. Translated in the tab's context (``RosterTab``), where these strings
have always been."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from desk_app.domain.roster import WishKind
from desk_app.roster.conflict import Rule
from desk_app.services.roster import IssueKind, MonthConflict, MonthSummary, RosterIssue


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


def issue_text(issue: RosterIssue, shifts: Mapping[int, str] | None = None) -> str:
    """A gap ("12-01 早班: 0 of 1 people"), a wish not met ("12-24 王丽: off the whole day (weight 5)")
    or a rule break ("12-01 王丽: …"); ``shifts`` names the wishes' shifts."""
    when = f"{issue.day:%m-%d} " if issue.day is not None else ""
    if issue.kind is IssueKind.GAP:
        return QCoreApplication.translate("RosterTab", "{when}{shift}: {planned} of {needed} people").format(
            when=when, shift=issue.subject, planned=issue.planned, needed=issue.needed
        )
    if issue.kind is IssueKind.WISH and issue.wish is not None:
        shift = (shifts or {}).get(issue.template_id, "") if issue.template_id is not None else ""
        return f"{when}{issue.subject}: {wish_text(issue.wish, shift, issue.weight)}"
    return f"{when}{issue.subject}: {rule_text(issue.rule) if issue.rule is not None else ''}"


def summary_headline(summary: MonthSummary) -> str:
    """The month in one line, each part counted: shifts short of people, wishes not met,
    rules not kept."""
    if summary.gaps:
        text = QCoreApplication.translate(
            "RosterTab",
            "Short of people: {n} shifts ({people} people missing); wishes not met: {wishes}; rules not kept: {rules}",
        )
    else:
        text = QCoreApplication.translate(
            "RosterTab", "Every shift has its people; wishes not met: {wishes}; rules not kept: {rules}"
        )
    return text.format(
        n=len(summary.gaps), people=summary.people_missing, wishes=len(summary.wishes), rules=len(summary.rules)
    )


def group_title(kind: IssueKind, count: int) -> str:
    """The heading of a group in the list under the grid."""
    texts = {
        IssueKind.GAP: QCoreApplication.translate("RosterTab", "Shifts short of people ({n})"),
        IssueKind.WISH: QCoreApplication.translate("RosterTab", "Wishes not met ({n})"),
        IssueKind.RULE: QCoreApplication.translate("RosterTab", "Rules not kept ({n})"),
    }
    return texts[kind].format(n=count)


def generated_text(summary: MonthSummary, proven_best: bool, seconds: float) -> str:
    """What a generated roster achieves, counted from the roster saved, and whether the
    search proved it the best the people and rules allow."""
    if summary.gaps and proven_best:
        text = QCoreApplication.translate(
            "RosterTab",
            "Short of people: {n} shifts cannot be filled. With these people and rules this is "
            "the best roster possible (found in {s:.1f} s).",
        )
    elif summary.gaps:
        text = QCoreApplication.translate(
            "RosterTab",
            "Short of people: {n} shifts are not filled. The search stopped after {s:.1f} s "
            "before proving this the best roster; with more time it may fill more.",
        )
    elif proven_best:
        text = QCoreApplication.translate(
            "RosterTab",
            "Generated in {s:.1f} s: every shift has its people; this is the best roster the rules allow.",
        )
    else:
        text = QCoreApplication.translate(
            "RosterTab",
            "Generated in {s:.1f} s: every shift has its people. The search stopped before "
            "proving this the best roster; with more time it may meet more wishes.",
        )
    parts = [text.format(n=len(summary.gaps), s=seconds)]
    if summary.wishes:
        parts.append(
            QCoreApplication.translate("RosterTab", "{n} wishes could not be met.").format(n=len(summary.wishes))
        )
    if summary.rules:
        parts.append(
            QCoreApplication.translate("RosterTab", "{n} rules are not kept (see the list).").format(
                n=len(summary.rules)
            )
        )
    said = parts[0]
    for part in parts[1:]:  # Chinese sentences follow each other without a space
        said += part if said.endswith("。") else " " + part
    return said


def wish_text(kind: WishKind, shift: str, weight: int) -> str:
    """A wish as the grid's tooltip and the summary show it: ``shift`` is the shift's whole
    name (早班: "想上早班", never "想上早班班"); empty: any shift / the whole day off."""
    if shift and kind is WishKind.ON:
        text = QCoreApplication.translate("RosterTab", "work {shift} (weight {w})")
    elif shift:
        text = QCoreApplication.translate("RosterTab", "off {shift} (weight {w})")
    elif kind is WishKind.ON:
        text = QCoreApplication.translate("RosterTab", "work any shift (weight {w})")
    else:
        text = QCoreApplication.translate("RosterTab", "off the whole day (weight {w})")
    return text.format(shift=shift, w=weight)
