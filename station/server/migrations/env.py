"""Alembic environment of the town server (separate from the station's migrations).

The engine comes from :mod:`station.server.db`; the version table has its own name so a
server schema can never be mistaken for a station's.
"""

from __future__ import annotations

from alembic import context

from station.server.db import VERSION_TABLE
from station.server.models import Base

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        version_table=VERSION_TABLE,
        render_as_batch=engine.dialect.name == "sqlite",
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
