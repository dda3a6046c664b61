"""pantau's knowledge-base store (SQLite or PostgreSQL through SQLAlchemy Core).

    schema.py  tables, schema version and migrations
    db.py      `--db` argument -> engine, schema brought up to date on open
    rows.py    one Document -> rows of every table
    ingest.py  the single writer: one document per transaction, skip / replace / failures
    batch.py   inputs -> extraction (optionally in N processes) -> writer, in order
    kb.py      knowledge-base ids and commitment status
    query.py   filtered reads as flat rows
    show.py    everything known about one id, with evidence
    export.py  JSONL (record and knowledge-base contracts), CSV and Parquet writers
"""
