"""One person and one event across documents.

The parser stores an official once per document and a meeting once per report of it, because
each row quotes its own passage. Readers want the person (市长 in 2021, 市委书记 in 2023) and the
event (one 人代会 session, however many articles report it). These functions group plain rows;
pages and exports call them on the rows they already fetched, so grouping costs no query.
"""

from collections import defaultdict
from dataclasses import dataclass, field


@dataclass
class Tenure:
    """A title a person held, from the first to the last document that gives it."""

    title: str
    first_seen: object  # date or None
    last_seen: object
    fact_ids: list = field(default_factory=list)


@dataclass
class Person:
    city_id: int
    name: str
    tenures: list  # Tenure, in the order the titles were first seen

    @property
    def current_title(self):
        return self.tenures[-1].title if self.tenures else ""

    @property
    def fact_ids(self):
        return [pk for tenure in self.tenures for pk in tenure.fact_ids]


@dataclass
class Event:
    """One meeting as reported by one or more documents."""

    city_id: int
    date: object
    kind: str
    name: str
    meeting_ids: list
    document_ids: list


def _when(row):
    return getattr(row, "document_date", None)


def _sort_key(value):
    return (value is None, value or 0)


def group_people(officials) -> list:
    """Persons from official rows (id, city_id, name, title, document_date), by city and name.

    A name is one person within one city: two cities' 张伟 stay two people. Titles are ordered by
    the date of the documents that give them; an undated document's title comes last.
    """
    by_person = defaultdict(lambda: defaultdict(list))
    for row in officials:
        by_person[(row.city_id, row.name)][(row.title or "").strip()].append(row)
    people = []
    for (city_id, name), by_title in by_person.items():
        tenures = []
        for title, rows in by_title.items():
            dates = [d for d in map(_when, rows) if d is not None]
            tenures.append(
                Tenure(
                    title=title,
                    first_seen=min(dates) if dates else None,
                    last_seen=max(dates) if dates else None,
                    fact_ids=sorted(r.id for r in rows),
                )
            )
        # A bare name ("" title) adds nothing beside a titled mention of the same person.
        if len(tenures) > 1:
            untitled = [t for t in tenures if not t.title]
            tenures = [t for t in tenures if t.title]
            if untitled:
                tenures[0].fact_ids = sorted(tenures[0].fact_ids + untitled[0].fact_ids)
        tenures.sort(key=lambda t: _sort_key(t.first_seen))
        people.append(Person(city_id=city_id, name=name, tenures=tenures))
    people.sort(key=lambda p: (p.city_id, _sort_key(p.tenures[-1].last_seen if p.tenures else None), p.name))
    return people


def group_events(meetings) -> list:
    """Events from meeting rows (id, city_id, date, kind, name, document_id).

    Two dated rows of one city are one event when they share the date and the kind (or, with no
    kind, the name). Undated rows are never merged: nothing says they are the same occasion.
    """
    groups, events = {}, []
    for row in sorted(meetings, key=lambda r: (_sort_key(r.date), r.id)):
        key = (row.city_id, row.date, row.kind or row.name) if row.date else None
        event = groups.get(key) if key else None
        if event is None:
            event = Event(
                city_id=row.city_id, date=row.date, kind=row.kind, name=row.name, meeting_ids=[], document_ids=[]
            )
            events.append(event)
            if key:
                groups[key] = event
        event.meeting_ids.append(row.id)
        if row.document_id not in event.document_ids:
            event.document_ids.append(row.document_id)
        if len(row.name) > len(event.name):
            event.name = row.name  # the fullest name any report gives
    return events
