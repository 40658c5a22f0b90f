"""Typing drafts: kept per account and form, never shown to another account, nothing kept
for an empty form, and a draft that cannot be read (edited by hand) dropped, not shown."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import text

from desk_app.services.drafts import SIZE_MAX


def test_a_draft_is_the_account_s_own_and_goes_when_emptied(services, clerk, supervisor, clock):
    services.drafts.save(clerk, "log_entry", {"situation": "3栋漏水", "follow_up": True})
    clock.advance(timedelta(minutes=3))
    draft = services.drafts.load(clerk, "log_entry")
    assert draft is not None and draft.fields == {"situation": "3栋漏水", "follow_up": True}
    assert draft.saved_at == clock.now() - timedelta(minutes=3)
    assert services.drafts.load(supervisor, "log_entry") is None
    assert services.drafts.load(clerk, "ticket_register") is None
    services.drafts.save(clerk, "log_entry", {"situation": "   ", "follow_up": True})  # nothing typed
    assert services.drafts.load(clerk, "log_entry") is None


def test_an_over_long_draft_keeps_what_fits(services, clerk):
    services.drafts.save(clerk, "ticket_register", {"description": "漏" * (SIZE_MAX * 2), "name": "李先生"})
    draft = services.drafts.load(clerk, "ticket_register")
    assert draft is not None and draft.fields["name"] == "李先生"
    assert 0 < len(draft.fields["description"]) < SIZE_MAX


def test_a_draft_edited_by_hand_into_nonsense_is_dropped(services, clerk):
    services.drafts.save(clerk, "log_entry", {"situation": "快递柜故障"})
    for bad in ("not json", '["a list"]', '{"situation": {"nested": 1}}'):
        with services.db.write() as session:
            session.execute(text("UPDATE typing_draft SET fields_json = :j"), {"j": bad})
        assert services.drafts.load(clerk, "log_entry") is None
        with services.db.read() as session:
            assert session.execute(text("SELECT count(*) FROM typing_draft")).scalar() == 0
        services.drafts.save(clerk, "log_entry", {"situation": "快递柜故障"})
