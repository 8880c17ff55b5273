"""PyInstaller's entry script: the same `main` as the installed `netdesk` command."""

import sys

from netdesk.__main__ import main

sys.exit(main())
