"""The handover's rules as a state machine: what blocks each step, with no Qt and no database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desk_app.domain.handover import (
    Anomaly,
    Condition,
    Disposition,
    Fault,
    HandoverDraft,
    ItemCount,
    OpenWork,
    Step,
    WorkSource,
)

STEPS = list(Step)


def _keys(counted: int | None = 12, expected: int = 12, **kw) -> ItemCount:
    return ItemCount(1, "钥匙", "把", expected, counted, **kw)


def _work(**kw) -> OpenWork:
    return OpenWork(**{"source": WorkSource.LOG_FOLLOW_UP, "ref_id": 7, "description": "#7 电梯异响", **kw})


def _texts(draft: HandoverDraft, step: Step) -> list[str]:
    return [p.english() for p in draft.problems(step)]


def _complete() -> HandoverDraft:
    """A draft with something in every step, all of it in order."""
    return HandoverDraft(
        records_acknowledged=True,
        counts=[_keys(11, condition=Condition.GOOD, explanation="1把借给工程部"), ItemCount(2, "对讲机", "台", 3, 3)],
        open_work=[
            _work(disposition=Disposition.CLOSED, note="已回访"),
            OpenWork(WorkSource.FREE, None, "5栋快递待取", disposition=Disposition.HANDED_OVER, note="业主晚上来取"),
        ],
        anomalies=[Anomaly("大堂灯闪烁", "已报工程部")],
        faults=[Fault("门禁主机死机", "重启后恢复")],
    )


# -- the complete draft ------------------------------------------------------------------


def test_a_complete_draft_has_no_problem_in_any_step_and_can_be_signed() -> None:
    draft = _complete()
    for step in STEPS:
        assert draft.problems(step) == [], step
    assert draft.blocking() == [] and draft.can_sign()


def test_an_empty_draft_needs_the_records_read_and_an_item_list_or_none_kept() -> None:
    draft = HandoverDraft()
    assert _texts(draft, Step.RECORDS) == ["The incoming clerk must confirm having read the records."]
    assert all(draft.problems(s) == [] for s in STEPS if s not in (Step.RECORDS, Step.COUNT))
    assert not draft.can_sign()
    draft.records_acknowledged = True
    assert not draft.can_sign()  # no item list: nothing was counted
    draft.no_items_by, draft.no_items_at = "张敏", "2026-11-24 15:45"
    assert draft.can_sign()


# -- records -----------------------------------------------------------------------------


def test_records_not_acknowledged_block_the_records_step_only() -> None:
    draft = _complete()
    draft.records_acknowledged = False
    (problem,) = draft.problems(Step.RECORDS)
    assert problem.step is Step.RECORDS and "read the records" in problem.english()
    assert draft.problems(Step.COUNT) == []
    assert not draft.can_sign()


# -- count -------------------------------------------------------------------------------


def test_an_item_not_counted_blocks() -> None:
    draft = _complete()
    draft.counts[1].counted = None
    assert _texts(draft, Step.COUNT) == ["对讲机: not counted."]
    assert not draft.can_sign()


def test_a_negative_count_blocks_even_with_an_explanation() -> None:
    draft = _complete()
    draft.counts[1].counted = -1
    draft.counts[1].explanation = "说明"
    assert _texts(draft, Step.COUNT) == ["对讲机: a count cannot be negative."]
    assert not draft.can_sign()


@pytest.mark.parametrize("explanation", ["", "   ", "\u3000"])
def test_a_difference_without_explanation_blocks(explanation: str) -> None:
    draft = _complete()
    draft.counts[0] = _keys(11, explanation=explanation)
    (problem,) = draft.problems(Step.COUNT)
    assert problem.params == {"item": "钥匙", "counted": 11, "expected": 12}
    assert "must explain" in problem.english()
    assert not draft.can_sign()


def test_more_than_expected_also_needs_an_explanation() -> None:
    draft = HandoverDraft(records_acknowledged=True, counts=[_keys(13)])
    assert len(draft.problems(Step.COUNT)) == 1
    draft.counts[0].explanation = "业主寄存1把"
    assert draft.problems(Step.COUNT) == []


def test_damage_without_explanation_blocks_even_when_the_count_is_right() -> None:
    draft = HandoverDraft(records_acknowledged=True, counts=[_keys(12, condition=Condition.DAMAGED)])
    assert draft.counts[0].difference == 0 and draft.counts[0].needs_explanation
    assert len(draft.problems(Step.COUNT)) == 1 and not draft.can_sign()
    draft.counts[0].explanation = "1把钥匙齿断"
    assert draft.problems(Step.COUNT) == [] and draft.can_sign()


def test_an_explained_difference_is_fine() -> None:
    draft = HandoverDraft(records_acknowledged=True, counts=[_keys(11, explanation="借给工程部王师傅")])
    assert draft.counts[0].difference == -1
    assert draft.problems(Step.COUNT) == [] and draft.can_sign()


def test_an_exact_count_needs_no_explanation() -> None:
    item = _keys(12)
    assert item.difference == 0 and not item.needs_explanation
    assert _keys(None).difference is None and not _keys(None).needs_explanation


# -- open work ---------------------------------------------------------------------------


def test_pending_open_work_blocks() -> None:
    draft = _complete()
    draft.open_work[0].disposition = Disposition.PENDING
    assert _texts(draft, Step.OPEN_WORK) == ["#7 电梯异响: record it closed or hand it over."]
    assert not draft.can_sign()


def test_handing_over_needs_a_note() -> None:
    draft = _complete()
    draft.open_work[1].note = "  "
    assert _texts(draft, Step.OPEN_WORK) == ["5栋快递待取: handing over needs a note."]
    draft.open_work[1].note = "业主晚上来取"
    assert draft.can_sign()


def test_a_closed_item_needs_no_note() -> None:
    draft = _complete()
    draft.open_work[0].note = ""
    assert draft.problems(Step.OPEN_WORK) == []


@pytest.mark.parametrize(
    ("override_by", "reason", "blocks"),
    [
        pytest.param(None, "", True, id="no-override"),
        pytest.param(None, "主管同意", True, id="reason-without-supervisor"),
        pytest.param(1, "", True, id="supervisor-without-reason"),
        pytest.param(1, "   ", True, id="supervisor-blank-reason"),
        pytest.param(1, "主管同意移交，夜班继续跟进", False, id="supervisor-and-reason"),
    ],
)
def test_important_work_not_closed_blocks_unless_a_supervisor_lets_it_pass(override_by, reason, blocks) -> None:
    draft = _complete()
    draft.open_work[1].important = True
    draft.open_work[1].override_by = override_by
    draft.open_work[1].override_reason = reason
    texts = _texts(draft, Step.OPEN_WORK)
    assert bool(texts) is blocks
    assert draft.can_sign() is not blocks
    if blocks:
        assert texts == [
            "5栋快递待取 is important and unfinished: it must be done first, "
            "or a supervisor must allow the handover with a reason."
        ]


def test_important_work_that_is_closed_needs_no_override() -> None:
    draft = _complete()
    draft.open_work[0].important = True
    assert draft.open_work[0].disposition is Disposition.CLOSED
    assert draft.problems(Step.OPEN_WORK) == []


def test_important_pending_work_names_both_problems() -> None:
    draft = HandoverDraft(records_acknowledged=True, open_work=[_work(important=True)])
    texts = _texts(draft, Step.OPEN_WORK)
    assert len(texts) == 2 and "closed or hand it over" in texts[0] and "important" in texts[1]


def test_the_key_of_open_work() -> None:
    assert _work().key == "log:7"
    assert OpenWork(WorkSource.FREE, None, "快递").key == "free:快递"


# -- area --------------------------------------------------------------------------------


def test_an_anomaly_without_explanation_blocks() -> None:
    draft = _complete()
    draft.anomalies.append(Anomaly("B2车库积水", " "))
    assert _texts(draft, Step.AREA) == ["B2车库积水: the outgoing clerk must explain."]
    assert not draft.can_sign()


def test_an_anomaly_without_description_blocks() -> None:
    draft = _complete()
    draft.anomalies.append(Anomaly("  ", "说明"))
    assert _texts(draft, Step.AREA) == ["An anomaly has no description."]


# -- faults ------------------------------------------------------------------------------


@pytest.mark.parametrize("step", STEPS)
def test_an_unresolved_fault_blocks_every_step(step: Step) -> None:
    draft = _complete()
    draft.faults.append(Fault("消防报警主机故障"))
    problems = draft.problems(step)
    assert len(problems) == 1
    assert problems[0].step is step and problems[0].params == {"fault": "消防报警主机故障"}
    assert "fault" in problems[0].english()


def test_a_resolved_fault_blocks_nothing_and_a_blank_resolution_is_unresolved() -> None:
    draft = _complete()
    draft.faults = [Fault("停电", " \u3000")]
    assert not draft.can_sign()
    draft.faults[0].resolution = "已切换备用电源"
    assert draft.can_sign()


# -- blocking ----------------------------------------------------------------------------


def test_blocking_lists_problems_in_step_order_and_a_fault_once() -> None:
    draft = HandoverDraft(
        records_acknowledged=False,
        counts=[_keys(None)],
        open_work=[_work()],
        anomalies=[Anomaly("大堂灯闪烁")],
        faults=[Fault("门禁主机死机")],
    )
    blocking = draft.blocking()
    assert [p.step for p in blocking] == [Step.RECORDS, Step.RECORDS, Step.COUNT, Step.OPEN_WORK, Step.AREA]
    texts = [p.english() for p in blocking]
    assert "门禁主机死机" in texts[0]
    assert sum("门禁主机死机" in t for t in texts) == 1  # not once per step
    assert "read the records" in texts[1]
    assert texts[2] == "钥匙: not counted."
    assert "电梯异响" in texts[3] and "大堂灯闪烁" in texts[4]
    assert not draft.can_sign()


def test_blocking_never_includes_the_sign_off_step() -> None:
    draft = _complete()
    draft.faults.append(Fault("停电"))
    assert all(p.step is not Step.SIGN_OFF for p in draft.blocking())


# -- persistence -------------------------------------------------------------------------


def test_json_round_trip_keeps_everything() -> None:
    draft = _complete()
    draft.step = Step.AREA
    draft.open_work[1].important = True
    draft.open_work[1].override_by = 3
    draft.open_work[1].override_reason = "主管同意"
    text = draft.to_json()
    assert "钥匙" in text  # readable, not \\u escapes
    again = HandoverDraft.from_json(text)
    assert again == draft
    assert isinstance(again.step, Step) and isinstance(again.counts[0].condition, Condition)
    assert isinstance(again.open_work[0].source, WorkSource)
    assert isinstance(again.open_work[0].disposition, Disposition)


def test_an_old_or_partial_json_gets_defaults() -> None:
    assert HandoverDraft.from_json("{}") == HandoverDraft()
    draft = HandoverDraft.from_json('{"counts": [{"item_id": 1, "name": "伞", "unit": "把", "expected": 5}]}')
    assert draft.counts == [ItemCount(1, "伞", "把", 5)]


_text = st.text(max_size=12)
_counts = st.builds(
    ItemCount,
    item_id=st.integers(1, 10_000),
    name=_text,
    unit=_text,
    expected=st.integers(0, 100_000),
    counted=st.none() | st.integers(-5, 100_005),
    condition=st.sampled_from(Condition),
    explanation=_text,
)
_work_items = st.builds(
    OpenWork,
    source=st.sampled_from(WorkSource),
    ref_id=st.none() | st.integers(1, 10**6),
    description=_text,
    important=st.booleans(),
    disposition=st.sampled_from(Disposition),
    note=_text,
    override_by=st.none() | st.integers(1, 100),
    override_reason=_text,
)
_drafts = st.builds(
    HandoverDraft,
    records_acknowledged=st.booleans(),
    counts=st.lists(_counts, max_size=5),
    open_work=st.lists(_work_items, max_size=5),
    anomalies=st.lists(st.builds(Anomaly, description=_text, explanation=_text), max_size=3),
    faults=st.lists(st.builds(Fault, description=_text, resolution=_text), max_size=3),
    step=st.sampled_from(Step),
)


@given(_drafts)
def test_any_draft_survives_json_with_the_same_rules(draft: HandoverDraft) -> None:
    again = HandoverDraft.from_json(draft.to_json())
    assert again == draft
    assert again.to_json() == draft.to_json()
    assert [p.english() for p in again.blocking()] == [p.english() for p in draft.blocking()]
    assert again.can_sign() == draft.can_sign()


@given(_drafts)
def test_can_sign_means_no_step_has_a_problem(draft: HandoverDraft) -> None:
    assert draft.can_sign() == all(not draft.problems(s) for s in STEPS)


def test_an_empty_item_list_blocks_the_count_unless_the_desk_keeps_none() -> None:
    draft = HandoverDraft(records_acknowledged=True)
    (problem,) = draft.problems(Step.COUNT)
    assert problem.english().startswith("The desk has no item list")
    assert not draft.can_sign()
    kept = HandoverDraft(records_acknowledged=True, no_items_by="张敏", no_items_at="2026-11-24 15:45")
    assert kept.keeps_no_items and kept.problems(Step.COUNT) == [] and kept.can_sign()
    assert HandoverDraft.from_json(kept.to_json()) == kept
    assert HandoverDraft(counts=[_keys()], records_acknowledged=True).can_sign()  # items: counted, not this rule
