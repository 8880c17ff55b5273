"""What NetDesk does: services with a plain-Python API over the store. No Qt."""
