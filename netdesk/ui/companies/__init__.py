"""The Companies view: organisations you know people at, your targets, and the ways in."""

from netdesk.ui.companies.view import CompaniesView

__all__ = ["CompaniesView"]
