"""Opportunities: the board and the list of openings and leads, the people behind them.

The view is in `view.py`: start-up imports the package's modules a few at a time before it.
"""
