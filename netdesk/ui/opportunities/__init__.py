"""Opportunities: the board and the list of openings and leads, the people behind them."""

from netdesk.ui.opportunities.view import OpportunitiesView

__all__ = ["OpportunitiesView"]
