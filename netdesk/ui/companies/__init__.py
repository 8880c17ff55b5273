"""The Companies view: organisations you know people at, your targets, and the ways in.

The view is in `view.py`: start-up imports the package's modules a few at a time before it.
"""
