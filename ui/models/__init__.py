"""Qt item models over service results (ids and dataclasses, never ORM objects)."""
