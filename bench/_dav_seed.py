"""Cards written straight into a Xandikos address book's store, in one git commit.

Xandikos keeps each address book as a git working tree (one file a card) and commits every PUT:
each commit writes the whole tree and index again, so a PUT costs more the more cards the book
has, and 10,000 PUTs take the better part of an hour. Writing the files and committing them
once is what the server would hold after those PUTs (the same names, the same card text), in
seconds. The server must be stopped meanwhile (it caches the index); it reads the cards again
at its next start.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path


def book_folder(server_folder: Path, book: str) -> Path:
    """The folder of address book `book` (its URL path) of the `tests.dav_servers.xandikos`
    server kept in `server_folder`."""
    return server_folder / "data" / book.strip("/")


def seed(folder: Path, cards: Iterable[tuple[str, str]]) -> int:
    """Write (file name, card text) pairs into the address book at `folder` and commit them;
    how many were written."""
    from dulwich.repo import Repo

    names = []
    for name, text in cards:
        (folder / name).write_text(text, encoding="utf-8", newline="")
        names.append(name)
    repo = Repo(str(folder))
    try:
        repo.get_worktree().stage(names)
        repo.get_worktree().commit(message=f"Seeded {len(names)} cards".encode())
    finally:
        repo.close()
    return len(names)
