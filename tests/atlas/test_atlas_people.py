"""One person and one event across documents, from plain rows."""

from datetime import date
from types import SimpleNamespace

from apps.atlas.people import group_events, group_people

_ids = iter(range(1, 10_000))


def official(name, title, when, city=1):
    return SimpleNamespace(id=next(_ids), city_id=city, name=name, title=title, document_date=when)


def meeting(when, kind, name, doc, city=1):
    return SimpleNamespace(id=next(_ids), city_id=city, date=when, kind=kind, name=name, document_id=doc)


def test_one_person_with_titles_over_time():
    rows = [
        official("刘文华", "市长", date(2023, 2, 21)),
        official("刘文华", "市委书记", date(2025, 1, 10)),
        official("刘文华", "市长", date(2024, 2, 1)),
        official("刘文华", "", None),
    ]
    [person] = group_people(rows)
    assert [(t.title, t.first_seen, t.last_seen) for t in person.tenures] == [
        ("市长", date(2023, 2, 21), date(2024, 2, 1)),
        ("市委书记", date(2025, 1, 10), date(2025, 1, 10)),
    ]
    assert person.current_title == "市委书记"
    assert sorted(person.fact_ids) == sorted(r.id for r in rows)  # the bare mention stays with the person


def test_the_same_name_in_two_cities_is_two_people():
    people = group_people(
        [official("张伟", "市长", date(2024, 1, 1), city=1), official("张伟", "县长", date(2024, 1, 1), city=2)]
    )
    assert [(p.city_id, p.current_title) for p in people] == [(1, "市长"), (2, "县长")]


def test_one_session_reported_by_two_documents_is_one_event():
    rows = [
        meeting(date(2024, 1, 20), "人代会", "市第十七届人民代表大会第四次会议", doc=1),
        meeting(date(2024, 1, 20), "人代会", "市十七届人大四次会议", doc=2),
        meeting(date(2024, 1, 20), "座谈会", "企业家座谈会", doc=2),
        meeting(None, "座谈会", "企业家座谈会", doc=3),
        meeting(None, "座谈会", "企业家座谈会", doc=4),
    ]
    events = group_events(rows)
    assert [(e.date, e.kind, len(e.meeting_ids), e.document_ids) for e in events] == [
        (date(2024, 1, 20), "人代会", 2, [1, 2]),
        (date(2024, 1, 20), "座谈会", 1, [2]),
        (None, "座谈会", 1, [3]),
        (None, "座谈会", 1, [4]),
    ]
    assert events[0].name == "市第十七届人民代表大会第四次会议"
