"""One program per desk computer and database."""

from __future__ import annotations

from desk_app.single_instance import SingleInstance, is_running, server_name


def test_a_second_start_hands_over_to_the_first(qtbot, tmp_path):
    database = tmp_path / "desk.sqlite"
    first = SingleInstance(database)
    assert first.claim()
    assert is_running(database)
    second = SingleInstance(database)
    with qtbot.waitSignal(first.activate_requested, timeout=5000):
        assert not second.claim()  # it asks the first to come to the front, and ends
    first.release()
    assert not is_running(database)
    third = SingleInstance(database)
    assert third.claim()  # after the first ended, a new start runs
    third.release()


def test_another_database_is_another_program(qtbot, tmp_path):
    a = SingleInstance(tmp_path / "a.sqlite")
    b = SingleInstance(tmp_path / "b.sqlite")
    assert a.claim() and b.claim()
    assert server_name(tmp_path / "a.sqlite") != server_name(tmp_path / "b.sqlite")
    a.release()
    b.release()
