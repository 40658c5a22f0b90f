"""0011: the desk's holiday tables come with their journal triggers and go without a trace."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect

from desk_app.domain.workdays import DayKind
from desk_app.storage import migrate
from desk_app.storage.database import create_db_engine


def _triggers(engine) -> set[str]:
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").all()
    return {name for (name,) in rows if "holiday" in name}


def test_the_holiday_step_with_rows_downgrades_and_upgrades_again(db_url, services, supervisor):
    services.holidays.set_day(supervisor, 2027, date(2027, 2, 11), DayKind.HOLIDAY, "春节")
    services.holidays.confirm_year(supervisor, 2027, "国办发明电〔2026〕7号")
    services.close()
    engine = create_db_engine(db_url)
    assert _triggers(engine) == {
        f"journal_{table}_{op}" for table in ("holiday_day", "holiday_year") for op in ("insert", "update", "delete")
    }
    cfg = migrate.alembic_config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0010")
        conn.commit()
    assert not {"holiday_day", "holiday_year"} & set(inspect(engine).get_table_names())
    assert _triggers(engine) == set()
    migrate.upgrade(engine)
    assert {"holiday_day", "holiday_year"} <= set(inspect(engine).get_table_names())
    assert len(_triggers(engine)) == 6
    engine.dispose()
