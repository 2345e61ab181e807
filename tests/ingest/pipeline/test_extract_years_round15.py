"""Round 15: the year an undated page speaks from, read from how the genre states it. Short written
sentences in the shapes of the dev5–dev8 pages (no page's names), each with a counter-example."""

from datetime import date

from apps.ingest.pipeline.extract.dates import held_event_year, likely_year
from apps.ingest.pipeline.extract.meetings import GIVEN_AT, find_meetings


def test_a_year_whose_work_is_ahead_or_under_way_is_the_pages_own():
    # Shape of dev8 20 (2月17日 签约仪式 … 2025年，某区将…) and dev6 08 (进展情况汇报 of the year's work).
    assert likely_year("2月17日，某区举行项目签约仪式。2025年，某区将全力抓招商促发展。") == 2025
    assert likely_year("9月10日，县长主持召开常务会议。会议听取了全县2020年农产品营销工作进展情况汇报。") == 2020
    # Shape of dev7 19: baselines (相较于2012年的…, 是2012年的N倍) are not the year reported on.
    text = "9月20日，某市新闻发布会举行。2021年全县GDP283.1亿元，相较于2012年的86亿元；规上企业141家，是2012年的3.26倍，是2012年的2倍。"
    assert likely_year(text) == 2022
    # Counter-example: a result reported on is written early the next year (将近 is no future).
    assert likely_year("2023年，全市生产总值增长5%。") == 2024
    assert likely_year("2月3日，某县召开大会。2023年，全县签约项目将近50个。") == 2024


def test_a_series_event_names_its_session_before_the_holding_verb():
    # Shape of dev7 18: a city's series of press conferences, one session per county.
    text = "4月3日，2025年“聚力发展”系列新闻发布会第八场（某县）召开，介绍经济运行情况。"
    assert held_event_year(text) == 2025
    assert [m.date for m in find_meetings(text, None) if m.date] == [date(2025, 4, 3)]
    # Counter-example: a session still to come is not held in the text.
    assert held_event_year("2025年“聚力发展”系列新闻发布会第九场将于下周举办。") is None


def test_a_year_end_meeting_on_next_years_work_is_held_the_year_before():
    # Shape of dev8 01: a November 汇报会 named by the year whose projects it prepares, 明年 in the talk.
    text = "11月13日，县长主持召开2024年全县重点项目情况汇报会。会议要求，科学谋划好明年项目盘子。"
    assert likely_year(text) == 2023
    assert [m.date for m in find_meetings(text, None) if m.date] == [date(2023, 11, 13)]
    # Counter-examples: the same meeting without 明年's work; a named quarter is that year's own.
    plain = "11月13日，县长主持召开2024年全县重点项目情况汇报会。会议要求，加快项目建设。"
    assert [m.date for m in find_meetings(plain, None) if m.date] == [date(2024, 11, 13)]
    quarter = "11月13日，某县举行2024年第四季度重点项目集中开工仪式。会议要求，谋划好明年项目。"
    assert [m.date for m in find_meetings(quarter, None) if m.date] == [date(2024, 11, 13)]


def _years(text):
    from apps.ingest.pipeline.extract import extract
    from apps.ingest.pipeline.normalize import normalize

    return {str(t.value): t.year for t in extract(normalize(text)).targets}


def test_a_total_counted_from_a_start_year_is_the_pages_years():
    # Shapes of dev5 07 (2024年以来…总投资 on a 2025 page) and dev7 17 (首届 in 2005 … 16年来 … 共签约投资).
    head = "发布时间：2025-06-05\n某县项目签约活动举行\n"
    assert _years(head + "2024年以来，园区已招引落地11个项目，总投资36.85亿元。")["36.85"] == 2025
    assert _years(head + "2005年8月，某县举办首届交易会后，20年来，共签约投资319亿元。")["319"] == 2025
    # Counter-example: a year written after the start dates its own clause.
    assert _years(head + "2020年以来，全县持续招商，2023年签约项目12个。")["12"] == 2023


def test_an_archive_stamp_is_not_the_pages_date():
    from apps.ingest.pipeline.extract.dates import footer_date, publication

    # Shape of dev8 11: a government site's footer after a column was shelved.
    assert footer_date("正文。\n此栏目已归档\n归档时间:2023-10-26\n归档备注:某某") is None
    # Counter-example: the page's own date line at its foot still dates it.
    assert footer_date("正文。\n发布时间:2023-10-26") == date(2023, 10, 26)
    # An aggregator's day-first header line with its clock (dev6 13) is the page's date.
    assert publication("标题一则\n\n13.08.2015  20:26\n\n正文。")[0] == date(2015, 8, 13)


def test_a_reports_dateline_names_the_meeting_it_was_given_at():
    # Shape of dev6 06: a report to a standing committee, its dateline on a line of its own.
    text = "关于某区上半年计划执行情况的报告\n\n——2024年8月22日在某区第十七届人民代表大会常务委员会第二十四次会议上\n\n主任、各位副主任："
    assert [(m.date, m.kind) for m in find_meetings(text, date(2024, 8, 22))] == [(date(2024, 8, 22), "会议")]
    # Counter-example: a sentence that goes on after the meeting is not a dateline.
    assert GIVEN_AT.match("2024年8月22日在某区常务会议上，区长强调要加快发展。") is None


def test_a_wire_day_before_the_holding_verb_and_yesterday_before_it():
    stated = date(2022, 6, 27)
    # Shapes of dev6 19 (新闻办24日举行…发布会) and dev6 13 (从市政府昨日召开的市长碰头会上获悉).
    held = find_meetings("某省政府新闻办24日举行某州专场新闻发布会，州长介绍情况。", stated, stated=stated)
    assert [m.date for m in held] == [date(2022, 6, 24)]
    met = find_meetings("从某市政府昨日召开的市长碰头会上获悉，今年招商成果丰硕。", stated, stated=stated)
    assert [m.date for m in met] == [date(2022, 6, 26)]
    # Counter-examples: a day after the page's date is no day of this month held; no stated date, no day.
    assert [m.date for m in find_meetings("某县28日召开推进会。", stated, stated=stated) if m.date] == []
    assert [m.date for m in find_meetings("从某市政府昨日召开的市长碰头会上获悉。", None) if m.date] == []


def test_a_year_in_an_events_name_after_held_at():
    # Shape of dev6 13: "在北京召开的2015某省·北京综合招商活动上" on a page with no year of its own.
    [meeting] = [
        m for m in find_meetings("8月7日，在北京召开的2015某省·北京综合招商活动上，某市签约项目7个。", None) if m.date
    ]
    assert meeting.date == date(2015, 8, 7)


def test_a_source_line_at_the_foot_dates_the_page_and_a_sources_day_is_no_event():
    from apps.ingest.pipeline.extract.dates import footer_date

    # Shape of dev6 18: a repost that names its source and date under the text.
    assert footer_date("正文。\n摘自:某某新闻网 2007年8月18日") == date(2007, 8, 18)
    # "据8月18日某某网报道，某区围绕项目抓推介，开展招商活动": the day is the source's, not an event's.
    text = "据8月18日某某新闻网报道，某区围绕项目抓推介，开展一系列招商活动。"
    assert [m.date for m in find_meetings(text, date(2007, 8, 18)) if m.date] == []
    # Counter-example: an event's day after 据悉 is still its day.
    held = find_meetings("据悉，8月18日，某区举办招商推介会。", date(2007, 8, 20))
    assert [m.date for m in held if m.date] == [date(2007, 8, 18)]


def test_a_value_after_its_own_year_and_a_projected_output():
    # Shapes of dev6 14 (较2020年的24.7亿元), dev7 19 (相较于2012年的…, 是2012年的3.26倍) and dev5 18 (建成投产后).
    head = "发布时间：2024-05-05\n某县经济运行情况\n"
    years = _years(head + "2023年全县地区生产总值49.1亿元，较2020年的24.7亿元接近翻番。")
    assert (years["49.1"], years["24.7"]) == (2023, 2020)
    years = _years(head + "2021年全县GDP283.1亿元，相较于2012年的86亿元，净增长近200亿元，人均GDP突破10万元。")
    assert years["10"] == 2021
    years = _years(head + "2021年工业营业收入743.7亿元，是2012年的3.04倍，规上企业141家，是2012年的3.26倍。")
    assert years["141"] == 2021
    years = _years(head + "5月4日，某县8个重点项目集中开工，总投资14亿元，建成投产后销售收入18亿元。")
    assert (years["14"], years["18"]) == (2024, None)
