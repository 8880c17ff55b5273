"""NetDesk: a private, local-first desktop CRM for your professional network."""

__version__ = "0.1.0"
