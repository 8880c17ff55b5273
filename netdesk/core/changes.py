"""A tiny publish/subscribe hub: services announce what they changed, views refresh.

Topics name what changed ("contacts", "followups", "events", "interactions", "imports",
"goals", "profiles", "companies", "opportunities"); ids say
which rows (empty means "possibly all"). Subscribers may be called from a worker thread: the UI
wraps the hub in a Qt signal, which queues the call onto the GUI thread.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable

Subscriber = Callable[[str, frozenset[int]], None]

TOPICS = (
    "contacts",
    "followups",
    "events",
    "interactions",
    "imports",
    "settings",
    "templates",
    "goals",
    "profiles",
    "employment",
    "companies",
    "opportunities",
)


class Changes:
    """Keeps subscribers and calls each of them on every publish."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def subscribe(self, subscriber: Subscriber) -> None:
        """Call `subscriber(topic, ids)` after every change."""
        with self._lock:
            self._subscribers.append(subscriber)

    def unsubscribe(self, subscriber: Subscriber) -> None:
        """Stop calling `subscriber`."""
        with self._lock:
            if subscriber in self._subscribers:
                self._subscribers.remove(subscriber)

    def publish(self, topic: str, ids: Iterable[int] = ()) -> None:
        """Tell every subscriber that rows of `topic` changed."""
        if topic not in TOPICS:
            raise ValueError(f"unknown change topic {topic!r}")
        frozen = frozenset(ids)
        with self._lock:
            subscribers = list(self._subscribers)
        for subscriber in subscribers:
            subscriber(topic, frozen)
