"""Importing contacts in the GUI: preview dialog, drops and File menu actions, import history."""
