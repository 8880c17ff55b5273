"""File formats in and out (vCard, CSV, iCalendar); plain Python, no database, no Qt."""
