"""Meetings: one kind per series, undated meetings kept, one event reported twice is one
meeting, a year clue in the sentence, dated visits. Made-up sentences in news shapes."""

from datetime import date

from apps.ingest.pipeline.extract.meetings import find_meetings, link_officials
from apps.ingest.pipeline.types import OfficialFact, Span


def test_a_series_of_meetings_shares_one_kind():
    text = "3月4日，某市召开“产业升级”第一场专题座谈会。3月12日召开第二场座谈会。3月20日召开第三场座谈会。"
    meetings = find_meetings(text, date(2024, 4, 1))
    assert len(meetings) == 3
    assert {m.kind for m in meetings} == {"专题座谈会"}


def test_a_meeting_without_a_date_is_kept_undated():
    [meeting] = find_meetings("某市召开全市制造业高质量发展推进大会，部署全年工作。", date(2024, 4, 1))
    assert (meeting.date, meeting.name) == (None, "全市制造业高质量发展推进大会")


def test_one_event_reported_twice_is_one_meeting():
    text = "5月6日，某市召开全市制造业高质量发展推进大会。全市制造业高质量发展推进大会强调，要抓好落实。"
    [meeting] = find_meetings(text, date(2024, 5, 7))
    assert meeting.date == date(2024, 5, 6)


def test_the_year_comes_from_the_sentence_own_clue():
    [meeting] = find_meetings("3月2日，某市召开2023年第一次全体会议。", date(2024, 12, 30))
    assert meeting.date == date(2023, 3, 2)


def test_a_dated_visit_is_a_meeting_of_its_kind():
    # With a talk held on it (a 汇报 heard, a 座谈会): a tour alone is no meeting (round 15, visit_talk).
    [visit] = find_meetings(
        "5月8日，市委书记张某某赴高新区调研集成电路产业，听取工作汇报。", date(2024, 5, 9), official_names=["张某某"]
    )
    assert (visit.kind, visit.date) == ("调研", date(2024, 5, 8))
    assert (
        find_meetings("5月8日，市委书记张某某赴高新区调研集成电路产业。", date(2024, 5, 9), official_names=["张某某"])
        == []
    )


def test_officials_named_in_a_meeting_evidence_are_linked():
    [meeting] = find_meetings("5月6日，某市召开工业大会。", date(2024, 5, 7))
    chair = OfficialFact(name="王芳", title="市长", evidence=Span(0, 2, "王芳"), confidence=0.9)
    assert link_officials([meeting], [chair])[0].official_names == ()
    [meeting] = find_meetings("5月6日，市长王芳主持召开工业大会。", date(2024, 5, 7))
    assert link_officials([meeting], [chair])[0].official_names == ("王芳",)


# Shapes of tests/fixtures/realnews 34 福州 and 22 越城, 24 大关 (docs/gold-news.md, "Meeting dates").
def test_a_page_timestamp_is_not_the_meeting_day_and_a_lead_day_is_this_month():
    from datetime import date as _date

    from apps.ingest.pipeline.extract.meetings import find_meetings

    text = (
        "5月份全市经济工作推进会召开 2024-05-28 19:57 福州新闻\n"
        "【摘要】27日，市长主持召开5月份全市经济工作推进会，研究部署下一阶段工作。"
    )
    [meeting] = find_meetings(text, _date(2024, 5, 28))
    assert meeting.date == _date(2024, 5, 27)
    assert meeting.name.startswith("5月份")


def test_launch_ceremonies_and_study_sessions_are_meetings():
    from datetime import date as _date

    from apps.ingest.pipeline.extract.meetings import find_meetings

    found = find_meetings("4月27日，某区举行数智产业园项目启动仪式。", _date(2023, 5, 1))
    assert [(m.date, m.kind) for m in found] == [(_date(2023, 4, 27), "启动仪式")]
    found = find_meetings("6月28日晚，县委书记主持开展县委理论学习中心组2021年第四次集中学习。", _date(2021, 7, 1))
    assert [(m.date, m.name) for m in found] == [(_date(2021, 6, 28), "县委理论学习中心组2021年第四次集中学习")]


def test_a_wire_dateline_is_not_the_meeting_day():
    # Shape of tests/fixtures/realnews/03: the wire's date, then a meeting held months before.
    from datetime import date as _date

    from apps.ingest.pipeline.extract.meetings import find_meetings

    text = "中新网四川新闻11月13日电 今年六月，某某县召开推进制造业高质量发展大会。"
    assert [m.date for m in find_meetings(text, _date(2024, 11, 13))] in ([], [None])


def test_a_year_given_a_theme_is_the_year_the_text_speaks_from():
    # Shapes of tests/fixtures/realnews 15 修武 and 21 吉安: no date line, the year named by its theme.
    from apps.ingest.pipeline.extract.dates import likely_year

    assert likely_year("会议指出，2015年是全县的产业发展年。") == 2015
    assert likely_year("把2024年作为重大产业项目突破年。今年以来，全市签约项目增长。") == 2024
    assert likely_year("2023年，全市生产总值增长5%。") == 2024  # a year reported on early in the next
    # Years of a clause led by 计划 are planned dates, not the year the text speaks from.
    assert likely_year("5月27日，某县签署协议。该项目计划2025年7月开工建设，2026年11月竣工投产。") is None


def test_a_lead_day_after_a_wire_dateline_takes_the_wire_s_month():
    from datetime import date as _date

    from apps.ingest.pipeline.extract.meetings import find_meetings

    text = "中新网南昌3月20日电(记者)20日，记者从全市产业发展新闻发布会上获悉，全市将加快发展。"
    assert [(m.date, m.kind) for m in find_meetings(text, _date(2024, 12, 31))] == [(_date(2024, 3, 20), "发布会")]


def test_a_year_in_the_event_name_dates_it_but_not_a_review_of_that_year():
    [signing] = find_meetings("7月12日，某县举行2017年招商引资签约暨重点项目开工仪式。", date(2018, 12, 31))
    assert signing.date == date(2017, 7, 12)
    [review] = find_meetings("1月8日，某市召开2023年度工作总结大会。", date(2024, 1, 9))
    assert (review.name, review.date) == ("2023年度工作总结大会", date(2024, 1, 8))


def test_a_standing_committee_that_meets_names_its_meeting():
    # Shaped after 桐乡 (tests/fixtures/realnews_dev2/06): 市委常委会召开会议 with a bare 会议.
    [meeting] = find_meetings("5月23日上午，某市市委常委会召开会议，研究经济工作。", date(2024, 5, 24))
    assert (meeting.name, meeting.date) == ("某市市委常委会会议", date(2024, 5, 23))


def test_a_dated_signing_of_an_agreement_is_an_event():
    # Shaped after 新和 (tests/fixtures/realnews/31): a signing reported without 仪式.
    [signing] = find_meetings("5月27日，某县政府与某投资集团正式签署棉纺项目投资协议。", date(2025, 5, 28))
    assert (signing.kind, signing.date) == ("签约", date(2025, 5, 27))
    assert find_meetings("某县与某集团签署投资协议。", date(2025, 5, 28)) == []


def test_yesterday_counts_back_from_a_stated_page_date_only():
    # Shaped after 连云港 and 镇江 (tests/fixtures/realnews/07, realnews_dev2/05): 昨日下午 leads the story.
    text = "昨日下午，市长某某主持召开市政府第30次常务会议，研究经济运行。"
    [meeting] = find_meetings(text, date(2023, 7, 26), stated=date(2023, 7, 26))
    assert meeting.date == date(2023, 7, 25)
    [guessed] = find_meetings(text, date(2023, 12, 31))  # a year guessed from the text gives no day
    assert guessed.date is None


def test_a_year_whose_work_is_planned_is_the_year_the_text_speaks_from():
    # Genre shape (a January meeting that studies the year's 发展思路; a December one that deploys
    # next year's work), written for this rule; counter-examples: a review of a year, a plain year.
    from apps.ingest.pipeline.extract.dates import likely_year

    assert likely_year("1月8日，县委召开会议，研究2025年发展思路和重点工作。") == 2025
    assert likely_year("12月26日，县委召开经济工作会议，部署2025年重点工作。") == 2024
    assert likely_year("3月5日，全县召开会议，安排2024年全县工业工作要点。") == 2024
    # Not a plan of work: a year reported on is still read as the year before the page.
    assert likely_year("1月8日，县委召开会议，总结2024年工作。") == 2025
    assert likely_year("2023年，全市生产总值增长5%。") == 2024


def test_a_planned_start_dates_an_undated_signing_before_it():
    # Shape of tests/fixtures/realnews/31 新和: "5月27日…签署…投资协议…计划2025年7月开工建设", no other year.
    from datetime import date as _date

    from apps.ingest.pipeline.extract.dates import infer_year, planned_start

    text = "5月27日，某县政府与某集团签署项目投资协议。该项目计划2025年7月开工建设，2026年11月竣工投产。"
    assert planned_start(text) == _date(2025, 7, 31)
    assert infer_year(5, 27, planned_start(text), text)[0] == 2025
    assert infer_year(11, 3, planned_start(text), text)[0] == 2024  # months after the start: the year before
    # A planned completion alone does not bound an event (a ground-breaking can be years before it).
    assert planned_start("5月27日，某项目开工。项目预计2026年11月竣工投产。") is None
    assert planned_start("争取2025年3月底前开工建设") == _date(2025, 3, 31)
    assert planned_start("计划2025年12月开工") == _date(2025, 12, 31)


def test_an_undated_page_s_signing_takes_the_planned_start_s_year():
    # Shape of tests/fixtures/realnews/31 新和, through the whole extractor.
    from apps.ingest.pipeline.extract import extract
    from apps.ingest.pipeline.normalize import normalize

    text = "5月27日，新和县政府与某集团正式签署棉纺项目投资协议。该项目计划2025年7月开工建设，2026年11月竣工投产。"
    assert [m.date.isoformat() for m in extract(normalize(text)).meetings if m.date] == ["2025-05-27"]


def test_a_month_day_after_last_year_or_last_month_is_read_from_the_page_s_date():
    # Genre shapes (written for this rule): 去年6月15日 in a page of November, 上月28日 in one of March.
    from datetime import date as _date

    from apps.ingest.pipeline.extract.meetings import find_meetings

    page = _date(2024, 11, 20)
    assert [m.date for m in find_meetings("去年6月15日，全县召开招商引资推进大会。", page)] == [_date(2023, 6, 15)]
    assert [m.date for m in find_meetings("今年1月5日，全县召开招商引资推进大会。", page)] == [_date(2024, 1, 5)]
    page = _date(2024, 3, 10)
    assert [m.date for m in find_meetings("上月28日，全县召开招商引资推进大会。", page)] == [_date(2024, 2, 28)]
    # Counter-example: with no page date there is no year to count back from.
    assert [m.date for m in find_meetings("去年6月15日，全县召开招商引资推进大会。", None)] == [None]
    # Counter-example: a plain month-day in a January page is still December of the year before.
    assert [m.date for m in find_meetings("12月28日，全县召开招商引资推进大会。", _date(2025, 1, 3))] == [
        _date(2024, 12, 28)
    ]


def test_this_year_named_as_a_five_year_plan_s_first_or_last_year():
    # Genre shapes (written for this rule): "今年是“十四五”规划收官之年", "今年是十五五开局之年".
    from apps.ingest.pipeline.extract.dates import likely_year

    assert likely_year("6月3日，县委召开会议。今年是“十四五”规划收官之年，全县要…") == 2025
    assert likely_year("2月10日，县委召开会议。今年是“十五五”开局之年。") == 2026
    assert likely_year("今年正值十四五开局之年，全市签约项目增长。") == 2021
    # Counter-examples: a plan's end named as a deadline or a past span is no statement of 今年.
    assert likely_year("到“十四五”末，全县工业总产值达到100亿元。") is None
    assert likely_year("去年是“十四五”收官之年，2025年全县生产总值增长5%。") == 2026


def test_a_named_meeting_s_huiyi_shang_keeps_the_whole_name():
    # docs/gold-news.md dev miss ("会议上" cut meeting names); sentences written for this rule.
    from datetime import date as _date

    from apps.ingest.pipeline.extract.meetings import find_meetings

    text = "8月12日，在全县重点项目推进会议上，县长张某强调要加快进度。"
    assert [m.name for m in find_meetings(text, _date(2025, 8, 20))] == ["全县重点项目推进会议"]
    # Counter-examples: a bare 会议上 names no meeting.
    for text in ("5月6日，市长张某在会议上指出，要狠抓落实。", "8月12日，张某在此次会议上强调，要抓好落实。"):
        assert find_meetings(text, _date(2025, 8, 20)) == []
