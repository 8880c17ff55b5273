"""The moment the tests' fake clock (the `clock` fixture of tests/conftest.py) starts at."""

from __future__ import annotations

from datetime import datetime

NOW = datetime(2026, 3, 11, 14, 30)  # a Wednesday
