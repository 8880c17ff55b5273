"""Reach out today: the few people most worth a message now, each with its reason in words.

Every living (not archived, not deleted, not a group) contact can earn a score from four
signals; a person's score is their strongest signal's, and the list is the highest scores
first (ties by name), `limit` long (5 by default):

- **check-in overdue** — the contact has a keep-in-touch interval (their own cadence, else their
  circle's ideal: `core.cadence`) and it is at least that since the last interaction (or since
  they were added): with r = elapsed / cadence, score = 1.0 + (r − 1) / 2, at most 2.5 ("2.3×
  past your 3-month check-in": 1.65); past the maximum the reason ends ", drifting". The cap
  keeps a long-neglected check-in below a fresh meeting or a birthday, which pass in days.
- **met recently, no follow-up yet** — met at an event (`met_at`) that started 0–14 days ago and
  no interaction since the day after it: score = 3.0 − 0.1 per day ("met at PyCon 2 days ago":
  2.8), so a fresh meeting outranks all but far-overdue check-ins.
- **birthday** — in 0–2 days: today 3.0, tomorrow 2.6, the day after 2.2 (SQL picks the few
  birthdays on those month-days, so 100,000 contacts are not read into Python).
- **went quiet** — no cadence (own or circle's), at least 5 interactions ever ("was close") and
  none for 6 months or more: score = 1.0 + months / 12, at most 3.0 ("went quiet: 14 months,
  was close": 2.17).
- **give back** — they gave the user something in the last 12 months (an interaction marked
  "received") and the user gave nothing since: score = 2.2 − 0.8 × days since / 365, + 0.1 for
  each earlier receive not given back, at most 2.5 ("helped you in March (introduction to Ana);
  you have not given back"). Fresh help ranks with a far-overdue check-in, under a fresh meeting
  or a birthday today; a year-old debt fades to 1.4.

Check-ins and silences, which tens of thousands of people can have at once, are read from the
head of indexes (`core.checkin_rank`), only `limit` + skipped people deep; the chosen people's
weaker check-in or silence is then read for their reason, so the list is the exhaustive
ranking's head (tested). Birthdays and recent meetings are read by index too
(`store.reach_out_indexes`, `met_at`'s).

A person the user skipped ("not now") is left out until `SKIP_DAYS` later (`ReachOutSkip`).
Other signals a person has are added to the reason after the strongest one. Stored times are
naive UTC (the clock's local time is converted); birthdays compare with the local date.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from netdesk.core import checkin_rank
from netdesk.core.cadence import Keep, keep_state
from netdesk.core.clock import Clock
from netdesk.core.give_back import debt_score, first_owed, since
from netdesk.core.give_take import Owed, owed, to_local
from netdesk.store.models import ReachOutSkip, db
from netdesk.store.reach_out_indexes import BIRTHDAY, LIVING, MONTH_DAY
from netdesk.store.rows import tuples

DEFAULT_LIMIT = 5
SKIP_DAYS = 7
MET_WINDOW_DAYS = 14
BIRTHDAY_WINDOW_DAYS = 2
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)  # not strftime's %B, which follows the locale Qt sets: the reasons are English
_BIRTHDAY_WORDS = ("birthday today", "birthday tomorrow", "birthday in 2 days")


@dataclass(frozen=True)
class Suggestion:
    """One person to reach out to: why, in words, and how strongly (the list's order)."""

    contact_id: int
    name: str
    score: float
    reason: str
    signal: str = ""
    """The strongest signal's name ("cadence", "met", "birthday", "quiet", "give back"): the
    Write dialog picks its template by it."""
    keep: str = ""
    """ "due" or "drifting" when the person is past their keep-in-touch interval (amber, red)."""


def cadence_words(days: int) -> str:
    """A cadence as people say it: "weekly", "2-week", "monthly", "3-month", "yearly", "10-day"."""
    if days % 365 == 0:
        years = days // 365
        return "yearly" if years == 1 else f"{years}-year"
    months = round(days / 30.44)
    if months >= 1 and abs(months * 30.44 - days) <= 3:
        return "monthly" if months == 1 else f"{months}-month"
    if days % 7 == 0:
        return "weekly" if days == 7 else f"{days // 7}-week"
    return f"{days}-day"


def _ago(days: int) -> str:
    return {0: "today", 1: "yesterday"}.get(days, f"{days} days ago")


def _utc(local: datetime) -> datetime:
    """A naive local time as the store keeps times (naive UTC)."""
    return local.astimezone(UTC).replace(tzinfo=None)


class ReachOutService:
    """Ranks people to contact today and remembers who was skipped."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or Clock()
        self._keeps: dict[int, Keep] = {}

    def rank(self, limit: int = DEFAULT_LIMIT) -> list[Suggestion]:
        """The `limit` best people to reach out to now (see the module's docstring)."""
        now = _utc(self.clock.now())
        today = self.clock.today()
        skipped = self._skipped(today)
        enough = limit + len(skipped)
        found: dict[int, dict[str, tuple[float, str]]] = {}
        names: dict[int, str] = {}

        def add(signal: str, rows: Iterable[tuple[int, str, float, str]]) -> None:
            for contact_id, name, score, reason in rows:
                found.setdefault(contact_id, {})[signal] = (score, reason)
                names[contact_id] = name

        self._keeps = {}
        add("cadence", self._cadence(now, top=enough))
        add("met", self._met(now, today))
        add("birthday", self._birthdays(now, today))
        add("quiet", self._quiet(now, top=enough))
        add("give back", self._give_back(now, today, first_owed(now, enough)))
        for contact_id in skipped:
            found.pop(contact_id, None)
        best = sorted(found, key=lambda c: _order(c, names[c], found[c]))[:limit]
        # The signals many people have were read `enough` deep: a chosen person's weaker
        # check-in, silence or debt may lie below that and still belongs in their reason.
        add("cadence", self._cadence(now, among=best))
        add("quiet", self._quiet(now, among=best))
        add("give back", self._give_back(now, today, owed(since(now), among=best)))
        best.sort(key=lambda c: _order(c, names[c], found[c]))
        return [self._suggestion(c, names[c], found[c]) for c in best]

    def _suggestion(
        self, contact_id: int, name: str, signals: dict[str, tuple[float, str]]
    ) -> Suggestion:
        strongest = sorted(signals.items(), key=lambda item: -item[1][0])
        reason = "; ".join(text for _, (_, text) in strongest)
        score = round(strongest[0][1][0], 2)
        keep = str(self._keeps.get(contact_id, ""))
        return Suggestion(contact_id, name, score, reason, strongest[0][0], keep)

    def skip(self, contact_id: int) -> date | None:
        """Leave a person out for SKIP_DAYS ("not now"); return the skip it replaced, if any."""
        before = ReachOutSkip.get_or_none(ReachOutSkip.contact == contact_id)
        until = self.clock.today() + timedelta(days=SKIP_DAYS)
        ReachOutSkip.insert(contact=contact_id, until=until).on_conflict_replace().execute()
        return before.until if before else None

    def unskip(self, contact_id: int, before: date | None = None) -> None:
        """Undo `skip`: bring back the earlier skip, or none."""
        with db.atomic():
            ReachOutSkip.delete().where(ReachOutSkip.contact == contact_id).execute()
            if before is not None:
                ReachOutSkip.create(contact=contact_id, until=before)

    # -- the signals: each yields (contact id, name, score, reason) ----------------------------

    def _cadence(
        self, now: datetime, *, top: int = -1, among: list[int] | None = None
    ) -> Iterable[tuple[int, str, float, str]]:
        """People past their interval, the `top` highest scores first (-1: all), or only
        those `among` the given ids."""
        if among is None:
            people = checkin_rank.overdue(now, top)
        else:
            people = checkin_rank.overdue_among(now, among)
        for person in people:
            words = f"{person.elapsed / person.ideal:.1f}× past your "
            words += f"{cadence_words(person.ideal)} check-in"
            keep = self._keeps[person.contact_id] = keep_state(
                person.elapsed, person.ideal, person.maximum
            )
            if keep is Keep.DRIFTING:
                words += ", drifting"
            yield person.contact_id, person.name, person.score, words

    def _met(self, now: datetime, today: date) -> Iterable[tuple[int, str, float, str]]:
        """The events of the window first, then their people (by `met_at`'s index)."""
        sql = (
            "SELECT c.id, c.display_name, e.name, e.starts_at, c.last_contacted_at "
            "FROM event e CROSS JOIN contact c INDEXED BY contact_met_at_id "
            "ON c.met_at_id = e.id WHERE e.starts_at <= ? AND e.starts_at > ? "
            "AND c.deleted_at IS NULL AND c.archived = 0 AND c.is_group = 0"
        )
        since = now - timedelta(days=MET_WINDOW_DAYS + 1)
        for contact_id, name, event, starts, last in db.execute_sql(
            sql, (now.isoformat(" "), since.isoformat(" "))
        ):
            starts = checkin_rank.moment(starts)
            last = checkin_rank.moment(last) if last is not None else None
            if last is not None and last >= starts + timedelta(days=1):
                continue
            days = (now - starts).days
            reason = f"met at {event} {_ago(days)}, no follow-up yet"
            yield contact_id, name, 3.0 - 0.1 * days, reason

    def _birthdays(self, now: datetime, today: date) -> Iterable[tuple[int, str, float, str]]:
        """Birthdays congratulated in the window's days, by their month-day (read from SQL as
        the index has it: no date parsed or stepped in Python)."""
        days: dict[str, int] = {}
        for n in range(BIRTHDAY_WINDOW_DAYS + 1):
            day = today + timedelta(days=n)
            days[day.strftime("%m-%d")] = n
            if (day.month, day.day) == (2, 28) and not calendar.isleap(day.year):
                days["02-29"] = n  # congratulated on the 28th when the year has no 29th
        sql = (
            f"SELECT id, display_name, {MONTH_DAY} FROM contact INDEXED BY {BIRTHDAY} "
            f"WHERE {MONTH_DAY} IN ({', '.join('?' * len(days))}) "
            f"AND birthday IS NOT NULL AND {LIVING}"
        )
        for contact_id, name, month_day in db.execute_sql(sql, sorted(days)):
            n = days[month_day]
            yield contact_id, name, 3.0 - 0.4 * n, _BIRTHDAY_WORDS[n]

    def _quiet(
        self, now: datetime, *, top: int = -1, among: list[int] | None = None
    ) -> Iterable[tuple[int, str, float, str]]:
        """Close people gone quiet, the longest silences first (`top`, `among` as `_cadence`)."""
        if among is None:
            people = checkin_rank.quiet(now, top)
        else:
            people = checkin_rank.quiet_among(now, among)
        for person in people:
            months = int((now - person.last).days / 30.44)
            score = min(3.0, 1.0 + months / 12)
            words = f"went quiet: {months} months, was close"
            yield person.contact_id, person.name, score, words

    def _give_back(
        self, now: datetime, today: date, debts: Iterable[Owed]
    ) -> Iterable[tuple[int, str, float, str]]:
        for debt in debts:
            score = debt_score(now, debt)
            local = to_local(debt.received_at)
            when = _MONTHS[local.month - 1]
            if local.year != today.year:
                when += f" {local.year}"
            what = debt.kind
            if debt.kind == "introduction" and debt.introduced_name:
                what = f"introduction to {debt.introduced_name}"
            detail = f" ({what})" if what else ""
            yield (
                debt.contact_id,
                debt.name,
                score,
                f"helped you in {when}{detail}; you have not given back",
            )

    @staticmethod
    def _skipped(today: date) -> set[int]:
        query = ReachOutSkip.select(ReachOutSkip.contact).where(ReachOutSkip.until > today)
        return {contact_id for (contact_id,) in tuples(query)}


def _order(contact_id: int, name: str, signals: dict[str, tuple[float, str]]) -> tuple[Any, ...]:
    """The list's order: the strongest signal's score first, then the name."""
    return (-max(score for score, _ in signals.values()), name.casefold(), contact_id)
