"""Free-text fields of a user action (reasons, notes, results), checked at the boundary."""

from __future__ import annotations

from station.errors import ValidationError


def clean_text(value: str | None, *, field: str, label: str, required: bool, limit: int) -> str:
    """``value`` trimmed; a ValidationError on ``field`` when it is missing but ``required``
    or longer than ``limit`` characters, the message naming it by ``label``."""
    value = (value or "").strip()
    if required and not value:
        raise ValidationError(f"请填写{label}", code="required", field=field)
    if len(value) > limit:
        raise ValidationError(f"{label}最多{limit}字", code="too_long", field=field)
    return value
