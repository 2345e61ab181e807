"""Round 14: events and dates as local news states them in words the development pages did not use.
Written sentences in the genre's shapes (no page's names), each with a counter-example."""

from datetime import date

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.extract.dates import current_period_year, footer_date, title_period_year
from apps.ingest.pipeline.extract.meetings import find_meetings
from apps.ingest.pipeline.normalize import normalize

FILLER = "各部门要切实提高认识，压实工作责任，确保各项工作落到实处，推动经济社会高质量发展。\n" * 14


def test_a_date_line_at_the_foot_of_the_page_dates_it():
    # Government sites put 发布时间 under the body; an editor's line or a bracketed date does the same.
    assert footer_date("正文。\n发布时间：2023年08月06日") == date(2023, 8, 6)
    assert footer_date("正文。\n责任编辑：某某 2023-08-06") == date(2023, 8, 6)
    assert footer_date("正文。\n（2023年8月6日）") == date(2023, 8, 6)
    # Counter-examples: a link to another page, a sentence of the body that ends with a date.
    assert footer_date("正文。\n上一篇：某县召开项目推进会 2023-07-01") is None
    assert footer_date("正文。\n该项目于2019年5月6日正式投产，目前运行良好，年产值稳定增长，带动就业明显。") is None


def test_the_footer_date_gives_a_month_day_its_year():
    text = "某县召开项目推进会\n8月5日，某县召开重点项目推进会。\n" + FILLER + "发布时间：2023-08-06"
    extraction = extract(normalize(text))
    assert [m.date for m in extraction.meetings] == [date(2023, 8, 5)]


def test_events_named_by_a_common_word_are_held_only_where_a_verb_holds_them():
    text = "6月10日，某县高新区创新中心授牌仪式在县行政中心举行。6月12日，某县组织开展第二季度重点项目观摩。"
    assert [(m.date, m.kind) for m in find_meetings(text, date(2023, 6, 30))] == [
        (date(2023, 6, 10), "仪式"),
        (date(2023, 6, 12), "观摩"),
    ]
    # Counter-example: 活动 as economic activity, with a date.
    assert find_meetings("6月10日以来，全县经济活动加快恢复。", date(2023, 6, 30)) == []


def test_an_event_stated_by_its_verb_alone_is_held():
    # A contest or a campaign has no kind word: 在某地举行, 正式启动, 某县举办….
    text = "5月10日，某县第五届创新创业大赛决赛在县文化中心举行。"
    [meeting] = find_meetings(text, date(2024, 5, 12))
    assert (meeting.date, meeting.name) == (date(2024, 5, 10), "某县第五届创新创业大赛决赛")
    # Counter-examples: a project started, an event still to come, a province's event.
    assert find_meetings("5月10日，某县物流园项目正式启动。", date(2024, 5, 12)) == []
    assert find_meetings("5月10日，某县第五届创新创业大赛将于下月在县城举行。", date(2024, 5, 12)) == []
    assert find_meetings("5月10日，省政府举办全省创新创业大赛。", date(2024, 5, 12)) == []


def test_the_same_day_and_the_next_take_the_day_of_the_sentence_before():
    text = (
        "3月8日，县委书记张某赴开发区调研。当日下午，某县召开全县招商引资工作推进会。"
        "次日，某县举行重点项目集中签约仪式。"
    )
    found = {m.date: m.name for m in find_meetings(text, date(2023, 3, 10), official_names=["张某"])}
    assert found == {date(2023, 3, 8): "全县招商引资工作推进会", date(2023, 3, 9): "重点项目集中签约仪式"}
    # Counter-example: 当天 with no day before it stays undated.
    [meeting] = find_meetings("当天，某县召开全县招商引资工作推进会。", date(2023, 3, 10))
    assert meeting.date is None


def _years(text):
    return {str(t.value): (t.kind, t.year) for t in extract(normalize(text)).targets}


def test_relative_goal_years_count_from_the_page_year():
    # A year-end page: 明年 is the next year, 今后三年 three years on, a range's goal is due at its end.
    found = _years(
        "2023-12-10 10:00\n明年，全市力争引进亿元以上项目30个。今后三年，全市数字经济核心产业增加值年均增长15%以上。"
        "《某市制造业三年行动计划（2023—2025年）》提出，全市规上工业产值突破3000亿元。"
    )
    assert found["30"] == ("target", 2024)
    assert found["15"] == ("target", 2026)
    assert found["3000"] == ("target", 2025)


def test_an_undated_page_goal_for_this_year_is_its_event_year():
    text = "1月5日，某县召开2024年全县经济工作会议。今年，全县力争招引亿元以上项目100个。"
    assert _years(text)["100"] == ("target", 2024)
    # Counter-example: with no dated event, 今年 has no year.
    assert _years("今年，全县力争招引亿元以上项目100个。")["100"][1] is None


def test_a_year_heading_a_sentence_dates_all_its_clauses():
    found = _years("2024-03-10 10:00\n2023年全市实现地区生产总值1280亿元，增长6.1%。")
    assert found["1280"] == ("actual", 2023)
    assert found["6.1"] == ("actual", 2023)


def test_a_month_end_or_months_to_date_name_the_current_year():
    assert current_period_year("截至2024年9月底，全市新增市场主体5600户。") == 2024
    assert current_period_year("2024年1—10月，全市规上工业增加值增长9.2%。") == 2024
    # Counter-examples: a deadline, a comparison, a whole year (December) that a later page reviews.
    assert current_period_year("到2025年6月底前完成全部项目。") is None
    assert current_period_year("较2023年6月末增长3.8%。") is None
    assert current_period_year("2023年1-12月，全市规上工业增加值增长7%。") is None


def test_an_undated_statistics_page_takes_the_year_of_its_month_end():
    # A 上半年 review whose year is written only at a month end further down.
    text = (
        "某市上半年经济运行情况\n上半年全市实现地区生产总值31.8亿元，同比增长2.4%。\n"
        "2024年6月末，全市本外币各项存款150亿元。"
    )
    assert _years(text)["31.8"] == ("actual", 2024)


def test_a_headline_opening_with_its_year_dates_an_undated_page():
    assert title_period_year("2023年某县经济运行情况") == 2023
    assert title_period_year("某县2023年度招商引资工作综述") == 2023
    # Counter-examples: a span, a deadline, a range, a review written the year after.
    assert title_period_year("2021年以来某县新增企业500家") is None
    assert title_period_year("到2025年某县将建成产业园") is None
    assert title_period_year("2023—2025年某县制造业行动计划") is None
    assert title_period_year("某县2023年度招商引资工作总结") is None
    found = _years("2023年某县经济运行情况\n全年全县实现地区生产总值300亿元，同比增长6.2%。")
    assert found["300"] == ("actual", 2023)


def test_the_past_year_of_a_dated_page_is_the_year_before():
    assert _years("2024-01-15 10:00\n过去一年，全县地区生产总值增长6.5%。")["6.5"] == ("actual", 2023)


def test_a_span_of_days_written_once_starts_on_its_first_day():
    for text in ("11月14至16日，某县举办第三届农产品交易会。", "11月14—16日，第三届农产品交易会在某县举办。"):
        [meeting] = find_meetings(text, date(2023, 11, 20))
        assert meeting.date == date(2023, 11, 14)
    [meeting] = find_meetings("11月14号，某县召开项目推进会。", date(2023, 11, 20))
    assert meeting.date == date(2023, 11, 14)
    # Counter-example: a building number is no day.
    assert find_meetings("某县召开项目推进会，会场设在11月5号楼。", date(2023, 11, 20))[0].date is None
