"""Small reusable widgets of the forms (pickers, lookups, inline errors)."""
