"""Command line entry: `netdesk [FILE...]` starts the GUI, `netdesk COMMAND ...` runs a command.

Qt and the heavier modules are imported only by the path that needs them, so `--version` and
the commands start fast.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from netdesk import __version__
from netdesk.cli import COMMANDS, load_command, run_command
from netdesk.core.clock import Clock


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors (exit status 2)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message}\n")


def _add_common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="keep the database here instead of the user data folder (or set NETDESK_DATA_DIR)",
    )


def _gui_parser() -> argparse.ArgumentParser:
    commands = "\n".join(f"  {name:<10} {help_}" for name, (_, help_) in COMMANDS.items())
    parser = _Parser(
        prog="netdesk",
        description="NetDesk: your professional network, on your own machine.",
        epilog=f"commands (netdesk COMMAND --help):\n{commands}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"NetDesk {__version__}")
    _add_common(parser)
    parser.add_argument("files", nargs="*", metavar="FILE", help="contact files to import")
    return parser


def _split_command(argv: list[str]) -> tuple[list[str], str | None, list[str]]:
    """Split argv into leading options, the command name (if any) and the command's arguments."""
    leading: list[str] = []
    i = 0
    while i < len(argv):
        arg = argv[i]
        if arg in COMMANDS:
            return leading, arg, argv[i + 1 :]
        if arg == "--data-dir" and i + 1 < len(argv):
            leading += argv[i : i + 2]
            i += 2
            continue
        if not arg.startswith("-") or arg == "--":
            break
        leading.append(arg)
        i += 1
    return argv, None, []


def main(argv: Sequence[str] | None = None, clock: Clock | None = None) -> int:
    """Run NetDesk; returns the process exit status (2 for usage errors). A command runs on
    `clock` (the real one when None; tests pass a fake)."""
    try:
        return _dispatch(list(sys.argv[1:] if argv is None else argv), clock or Clock())
    except SystemExit as stop:
        return stop.code if isinstance(stop.code, int) else (0 if stop.code is None else 2)


def _dispatch(args_list: list[str], clock: Clock) -> int:
    """Parse the arguments and run the GUI or the command they name."""
    leading, command, rest = _split_command(args_list)
    if command is None:
        parser = _gui_parser()
        args = parser.parse_args(args_list)
        missing = [f for f in args.files if not os.path.exists(f)]
        if missing:
            parser.error(f"{missing[0]}: no such file")
        from netdesk import paths

        resolved = paths.resolve(args.data_dir)
        from netdesk.display import display_problem

        problem = display_problem()
        if problem:
            print(problem, file=sys.stderr)
            return 1
        from netdesk.core.gc_pause import hold_for_startup, release_after_startup

        hold_for_startup()  # released once the window's start-up is over (`ui.startup`)
        try:
            from netdesk.ui.app import run_gui

            return run_gui(resolved, args.files)
        finally:
            release_after_startup()

    module = load_command(command)
    parser = _Parser(prog=f"netdesk {command}", description=COMMANDS[command][1])
    _add_common(parser)
    module.configure(parser)
    args = parser.parse_args(leading + rest)
    from netdesk import paths

    return run_command(module, args, paths.resolve(args.data_dir), clock)


if __name__ == "__main__":
    sys.exit(main())
