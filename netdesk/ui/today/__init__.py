"""The Today view: a plan to work through, one section per part (see `sections.py`).

The view is in `view.py`: start-up imports the package's modules a few at a time before it.
"""
