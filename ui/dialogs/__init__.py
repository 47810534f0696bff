"""Dialogs: one class per module, named after the form it shows."""
