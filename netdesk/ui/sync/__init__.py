"""Sync in the window: the settings dialog, the status bar item and Sync now, the conflicts."""
