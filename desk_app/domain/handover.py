"""The handover (交接班) as a state machine, with no Qt and no database.

The wizard in the window only draws these steps; whether the handover may go on, and
why not, is decided here (DOMAIN.md "Handover"; 000 交班, 002 4.3, 004 8.6). A draft is
plain data that serialises to JSON, so a handover interrupted by a closed program or a
power cut resumes with everything that was typed.
"""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, field
from typing import Any

from desk_app.domain.errors import QT_TRANSLATE_NOOP, ValidationError
from desk_app.domain.text_rules import FIELD_ITEM, FIELD_UNIT, NAME_MAX, clean_text

UNIT_MAX = 10
EXPECTED_MAX = 100_000

# What a new desk usually keeps at the post (DOMAIN.md "Handover"): first-start setup
# offers these, in the window's language, to be edited before the desk is set up.
# (name, unit, expected); the names and units are translation sources (context ``StartingItem``).
STARTING_ITEMS: tuple[tuple[str, str, int], ...] = (
    (QT_TRANSLATE_NOOP("StartingItem", "Keys"), QT_TRANSLATE_NOOP("StartingItem", "pcs"), 12),
    (QT_TRANSLATE_NOOP("StartingItem", "Walkie-talkies"), QT_TRANSLATE_NOOP("StartingItem", "units"), 3),
    (QT_TRANSLATE_NOOP("StartingItem", "Access cards"), QT_TRANSLATE_NOOP("StartingItem", "cards"), 20),
    (QT_TRANSLATE_NOOP("StartingItem", "Spare umbrellas"), QT_TRANSLATE_NOOP("StartingItem", "pcs"), 5),
    (QT_TRANSLATE_NOOP("StartingItem", "Cash float"), QT_TRANSLATE_NOOP("StartingItem", "yuan"), 200),
    (QT_TRANSLATE_NOOP("StartingItem", "Torches"), QT_TRANSLATE_NOOP("StartingItem", "pcs"), 2),
    (QT_TRANSLATE_NOOP("StartingItem", "Registers and logbooks"), QT_TRANSLATE_NOOP("StartingItem", "books"), 3),
)


def valid_item(name: str, unit: str, expected: int) -> tuple[str, str, int]:
    """A line of the item list as it is stored, or ValidationError."""
    name = clean_text(name, field=FIELD_ITEM, max_len=NAME_MAX, required=True)
    unit = clean_text(unit, field=FIELD_UNIT, max_len=UNIT_MAX, required=True)
    # bool is an int subclass: a checkbox value must not become a quantity of 1.
    if isinstance(expected, bool) or not isinstance(expected, int) or not 0 <= expected <= EXPECTED_MAX:
        raise ValidationError(
            QT_TRANSLATE_NOOP("DeskError", "The expected quantity is a whole number from 0 to {max}."),
            max=EXPECTED_MAX,
        )
    return name, unit, expected


class HandoverState(enum.StrEnum):
    """Where a handover stands (stored in ``handover.state``)."""

    OPEN = "open"  # being filled in; at most one at a time
    SIGNED = "signed"  # both clerks signed: a frozen record


class ItemAction(enum.StrEnum):
    """What a change to the item list did (stored in ``handover_item_change.action``)."""

    ADDED = "added"
    CHANGED = "changed"
    RETIRED = "retired"


class Step(enum.IntEnum):
    RECORDS = 0  # the incoming clerk reads the outgoing shift's records
    COUNT = 1  # every item kept at the post is counted
    OPEN_WORK = 2  # every piece of open work is closed or handed over
    AREA = 3  # anomalies found in the area, each explained
    SIGN_OFF = 4  # both clerks sign


class Condition(enum.StrEnum):
    GOOD = "good"
    DAMAGED = "damaged"


class Disposition(enum.StrEnum):
    PENDING = "pending"
    CLOSED = "closed"
    HANDED_OVER = "handed_over"


class WorkSource(enum.StrEnum):
    LOG_FOLLOW_UP = "log"  # a log entry marked "needs follow-up"
    TICKET = "ticket"  # an open ticket (fed by the ticket queue)
    FREE = "free"  # a pending item typed during the handover


@dataclass
class ItemCount:
    item_id: int
    name: str
    unit: str
    expected: int
    counted: int | None = None
    condition: Condition = Condition.GOOD
    explanation: str = ""

    @property
    def difference(self) -> int | None:
        return None if self.counted is None else self.counted - self.expected

    @property
    def needs_explanation(self) -> bool:
        return self.counted is not None and (self.counted != self.expected or self.condition is Condition.DAMAGED)


@dataclass
class OpenWork:
    source: WorkSource
    ref_id: int | None
    description: str
    important: bool = False
    disposition: Disposition = Disposition.PENDING
    note: str = ""
    override_by: int | None = None  # supervisor who let important work pass
    override_reason: str = ""

    @property
    def key(self) -> str:
        return f"{self.source.value}:{self.ref_id}" if self.ref_id is not None else f"free:{self.description}"


@dataclass
class Anomaly:
    description: str
    explanation: str = ""


@dataclass
class Fault:
    """A fault that arose during the handover: it pauses everything until dealt with."""

    description: str
    resolution: str = ""


@dataclass
class Problem:
    """Why a step cannot be finished: an English message (context ``Handover``) and values."""

    step: Step
    message: str
    params: dict[str, Any] = field(default_factory=dict)

    def english(self) -> str:
        return self.message.format(**self.params)


@dataclass
class HandoverDraft:
    records_acknowledged: bool = False
    counts: list[ItemCount] = field(default_factory=list)
    open_work: list[OpenWork] = field(default_factory=list)
    anomalies: list[Anomaly] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    step: Step = Step.RECORDS
    # Set by the service, never by what the clerks type: the supervisor who recorded that
    # this desk keeps no items to count, and when ("YYYY-MM-DD HH:MM", desk time).
    no_items_by: str = ""
    no_items_at: str = ""

    @property
    def keeps_no_items(self) -> bool:
        """A supervisor has recorded that this desk keeps nothing to count."""
        return bool(self.no_items_by)

    # -- the rules ---------------------------------------------------------------------
    def problems(self, step: Step) -> list[Problem]:
        found: list[Problem] = [
            Problem(
                step,
                QT_TRANSLATE_NOOP(
                    "Handover",
                    "A fault is being dealt with ({fault}): the handover waits until the "
                    "outgoing clerk records how it was handled.",
                ),
                {"fault": fault.description},
            )
            for fault in self.faults
            if not fault.resolution.strip()
        ]
        if step is Step.RECORDS and not self.records_acknowledged:
            found.append(
                Problem(
                    step,
                    QT_TRANSLATE_NOOP("Handover", "The incoming clerk must confirm having read the records."),
                )
            )
        if step is Step.COUNT:
            if not self.counts and not self.keeps_no_items:
                found.append(
                    Problem(
                        step,
                        QT_TRANSLATE_NOOP(
                            "Handover",
                            "The desk has no item list, so nothing can be counted. A supervisor adds the "
                            "items kept at the desk (Item list… in the handover tab), or records there "
                            "that this desk keeps none.",
                        ),
                    )
                )
            for item in self.counts:
                if item.counted is None:
                    found.append(
                        Problem(step, QT_TRANSLATE_NOOP("Handover", "{item}: not counted."), {"item": item.name})
                    )
                elif item.counted < 0:
                    found.append(
                        Problem(
                            step,
                            QT_TRANSLATE_NOOP("Handover", "{item}: a count cannot be negative."),
                            {"item": item.name},
                        )
                    )
                elif item.needs_explanation and not item.explanation.strip():
                    found.append(
                        Problem(
                            step,
                            QT_TRANSLATE_NOOP(
                                "Handover",
                                "{item}: {counted} counted, {expected} expected or damaged — "
                                "the outgoing clerk must explain.",
                            ),
                            {"item": item.name, "counted": item.counted, "expected": item.expected},
                        )
                    )
        if step is Step.OPEN_WORK:
            for work in self.open_work:
                if work.disposition is Disposition.PENDING:
                    found.append(
                        Problem(
                            step,
                            QT_TRANSLATE_NOOP("Handover", "{work}: record it closed or hand it over."),
                            {"work": work.description},
                        )
                    )
                elif work.disposition is Disposition.HANDED_OVER and not work.note.strip():
                    found.append(
                        Problem(
                            step,
                            QT_TRANSLATE_NOOP("Handover", "{work}: handing over needs a note."),
                            {"work": work.description},
                        )
                    )
                if (
                    work.important
                    and work.disposition is not Disposition.CLOSED
                    and not (work.override_by is not None and work.override_reason.strip())
                ):
                    found.append(
                        Problem(
                            step,
                            QT_TRANSLATE_NOOP(
                                "Handover",
                                "{work} is important and unfinished: it must be done first, "
                                "or a supervisor must allow the handover with a reason.",
                            ),
                            {"work": work.description},
                        )
                    )
        if step is Step.AREA:
            for anomaly in self.anomalies:
                if not anomaly.description.strip():
                    found.append(Problem(step, QT_TRANSLATE_NOOP("Handover", "An anomaly has no description.")))
                elif not anomaly.explanation.strip():
                    found.append(
                        Problem(
                            step,
                            QT_TRANSLATE_NOOP("Handover", "{anomaly}: the outgoing clerk must explain."),
                            {"anomaly": anomaly.description},
                        )
                    )
        return found

    def blocking(self) -> list[Problem]:
        """Everything that keeps the handover from being signed, in step order."""
        seen: set[str] = set()
        result: list[Problem] = []
        for step in Step:
            if step is Step.SIGN_OFF:
                continue
            for problem in self.problems(step):
                text = problem.english()
                if text not in seen:
                    seen.add(text)
                    result.append(problem)
        return result

    def can_sign(self) -> bool:
        return not self.blocking()

    # -- persistence (resume after an interruption) -----------------------------------------
    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> HandoverDraft:
        raw = json.loads(text)
        return cls(
            records_acknowledged=bool(raw.get("records_acknowledged", False)),
            counts=[
                ItemCount(**{**c, "condition": Condition(c.get("condition", "good"))}) for c in raw.get("counts", [])
            ],
            open_work=[
                OpenWork(
                    **{
                        **w,
                        "source": WorkSource(w["source"]),
                        "disposition": Disposition(w.get("disposition", "pending")),
                    }
                )
                for w in raw.get("open_work", [])
            ],
            anomalies=[Anomaly(**a) for a in raw.get("anomalies", [])],
            faults=[Fault(**f) for f in raw.get("faults", [])],
            step=Step(raw.get("step", 0)),
            no_items_by=str(raw.get("no_items_by", "")),
            no_items_at=str(raw.get("no_items_at", "")),
        )
