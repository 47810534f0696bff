"""The desktop app (PySide6). Talks to ``station.services`` only; never to SQLAlchemy."""
