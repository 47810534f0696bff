"""Alembic environment: the engine comes from ``station.db.migrate``, never from a URL."""

from __future__ import annotations

from alembic import context

from station.db.models import Base

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite can only ALTER via table copies
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
