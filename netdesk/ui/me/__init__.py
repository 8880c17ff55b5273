"""The Me page: your own profiles with their checklists and refresh reminders, and your pitches.

The view is in `view.py`: start-up imports the package's modules a few at a time before it.
"""
