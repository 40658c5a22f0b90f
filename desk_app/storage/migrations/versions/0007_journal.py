"""the journal: every write to every table appended to one chain of MACs, with a
baseline event for every row already there (see desk_app/storage/journal.py).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

from desk_app.storage import journal

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The log's search index becomes an external-content FTS5 table over a view that
    # recomputes each entry's indexed text, so FTS5's own 'integrity-check' can compare
    # the whole index with the log (``desk-app verify``); before, it was contentless and
    # could not be checked against anything.
    op.execute("DROP TABLE log_fts")
    op.execute(
        f"CREATE VIEW {journal.LOG_INDEX_SOURCE} AS SELECT id, dd_index(situation, handling) AS body FROM log_entry"
    )
    op.execute(
        "CREATE VIRTUAL TABLE log_fts USING fts5(body, content='log_index_source', content_rowid='id', "
        'tokenize="unicode61 remove_diacritics 0")'
    )
    op.execute("INSERT INTO log_fts(log_fts) VALUES ('rebuild')")
    journal.install(op.get_bind())


def downgrade() -> None:
    bind = op.get_bind()
    for table in journal.covered_tables(bind):
        for statement in journal.drop_triggers_ddl(table):
            op.execute(statement)
    op.execute(f"DROP TABLE {journal.JOURNAL}")
    op.execute("DROP TABLE log_fts")
    op.execute(f"DROP VIEW {journal.LOG_INDEX_SOURCE}")
    op.execute("CREATE VIRTUAL TABLE log_fts USING fts5(body, content='', tokenize=\"unicode61 remove_diacritics 0\")")
    op.execute("INSERT INTO log_fts(rowid, body) SELECT id, dd_index(situation, handling) FROM log_entry")
