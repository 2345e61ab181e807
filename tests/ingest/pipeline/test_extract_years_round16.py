"""Round 16: meetings' days and years, and the years of figures, read from how the genre states them.
Short written sentences in the shapes of the dev9–dev11 pages (names made generic), each with a
counter-example."""

from datetime import date

from apps.ingest.pipeline.extract.dates import held_event_year, likely_year
from apps.ingest.pipeline.extract.meetings import find_meetings


def _dated(text, published=None):
    return [m.date for m in find_meetings(text, published) if m.date]


def _years(text):
    from apps.ingest.pipeline.extract import extract
    from apps.ingest.pipeline.normalize import normalize

    return {str(t.value): t.year for t in extract(normalize(text)).targets}


def test_a_wire_day_under_its_dateline_takes_the_month_and_the_events_year():
    # Shape of dev11 06: the day alone before 在某地举行, under a wire's dateline without a year.
    text = "某某网四川新闻7月29日电 (记者某某)2024年某州火把节产业投资推介会28日在某市举行,推出221个重大项目。"
    assert held_event_year(text) == 2024
    assert likely_year(text) == 2024
    assert _dated(text, date(2024, 12, 31)) == [date(2024, 7, 28)]
    # Counter-example: a day after the dateline's is not taken for that month.
    later = "某某网四川新闻7月29日电 某州产业投资推介会30日在某市举行。"
    assert _dated(later, date(2024, 12, 31)) == []


def test_a_quoted_event_name_held_alongside_carries_its_year():
    # Shape of dev11 08: “2024年‘…’招商推介会”同期举行 on a page with no date of its own.
    text = "5月5日下午,某县“三月会”活动开幕,“2024年‘投资某州·商集某县’招商推介会”同期举行。"
    assert held_event_year(text) == 2024
    assert _years(text + "据了解,本次招商推介会共促成30个项目达成合作协议。")["30"] == 2024
    # Counter-example: a name quoted as a plan, not held.
    assert held_event_year("某县将筹备“2025年‘投资某县’招商推介会”。") is None


def test_next_years_projects_planned_at_a_years_end_date_the_meeting_in_the_year_before():
    # Shape of dev9 05: a November meeting hears 2019年重点项目 and 2020年全县重点项目谋划情况.
    text = "11月1日,某县召开重点项目暨招商引资工作推进会。会上,通报了全县2019年重点项目、2020年全县重点项目谋划情况。"
    assert likely_year(text) == 2019
    assert _dated(text, date(likely_year(text), 12, 31)) == [date(2019, 11, 1)]
    # Counter-example: without the planning, a named later year is the page's own.
    assert likely_year("11月1日,某县召开推进会。通报了2019年重点项目、2020年重点项目开工情况。") == 2020


def test_a_short_plans_draft_discussed_dates_the_page_in_its_first_year():
    # Shapes of dev9 04 (会议讨论了《…三年行动方案(2021—2023年)》) and dev10 20 (行动计划(2021—2023)…初稿进行了讨论).
    text = "8月17日,某县制造业高质量发展推进会议召开。会议讨论了《某县制造业高质量发展三年行动方案(2021—2023年)》。"
    assert likely_year(text) == 2021
    # Counter-examples: a long plan (2021—2035年) or a plan only cited, not discussed.
    assert likely_year("8月17日,某县推进会议召开。会议讨论了《某县国土空间规划(2021—2035年)》。") is None
    assert likely_year("8月17日,某县推进会议召开。会议要求落实《某县三年行动方案(2021—2023年)》。") is None


def test_a_year_in_a_titled_work_is_not_the_pages_year():
    # Shape of dev11 19: a signing shows the film 《某县产业集聚区2016年发展纪实》.
    text = "8月9日上午,某县产业园专案签约仪式隆重举行。仪式上首先观看了《某县产业集聚区2016年发展纪实》宣传片。"
    assert likely_year(text) is None
    # Counter-example: the same year written in the prose is counted.
    assert likely_year("8月9日上午,某县签约仪式举行。2016年,某县产业集聚区发展迅速。") == 2017


def test_a_year_end_estimate_names_the_year_the_page_reports():
    # Shape of dev9 06: 预计2023年,全县… in one paragraph, 预计全年… in the next.
    text = "预计2023年,全县地区生产总值完成57.16亿元。\n做强竹木加工产业,预计全年规上工业总产值完成24.57亿元。"
    assert likely_year(text) == 2023
    assert _years(text)["24.57"] == 2023
    # Counter-example: an estimate of a later completion is a plan, no period of the page.
    assert likely_year("该项目预计2026年建成投产。") != 2026


def test_a_year_on_its_own_lead_line_dates_the_paragraph_below():
    # Shape of dev9 16: "2024年,某市步履铿锵。" on one line, the figures on the next.
    text = "2月14日,某市三级干部大会召开。\n2024年,某市步履铿锵。\n在经济承压的当下,完成地区生产总值940.05亿元。"
    assert _years(text)["940.05"] == 2024
    # Counter-example: a long opening paragraph is no lead line for the next.
    long_lead = (
        "2月14日,某市三级干部大会召开。\n2024年,某市坚持稳中求进工作总基调,统筹发展和安全,各项事业取得新进展。\n"
        "在经济承压的当下,完成地区生产总值940.05亿元。"
    )
    assert _years(long_lead)["940.05"] != 2024


def test_a_goals_year_reaches_past_a_quoted_slogan():
    # Shape of dev9 16: 2025年全力冲刺“经济总量过千亿” — the year before the quote dates the goal.
    text = "2月14日,某市三级干部大会释放出强烈信号:2025年全力冲刺“经济总量过1000亿元”的奋斗目标。"
    assert _years(text)["1000"] == 2025
    # Counter-example: a year in an earlier comma clause is not the goal's.
    assert _years("2月14日,某市2024年完成生产总值940亿元,全力冲刺“经济总量过1000亿元”。").get("1000") != 2024


def test_a_year_heading_a_semicolon_part_dates_every_goal_of_it():
    # Shape of dev11 13: "；2027年末签约投资额6.6亿元,落地项目3个,到位资金2.7亿元" for each chain.
    text = "某县印发行动方案。某产业链方面,力争2025年签约投资额2亿元;2027年末签约投资额6.6亿元,落地项目3个,到位资金2.7亿元。"
    years = _years(text)
    assert (years["6.6"], years["3"], years["2.7"]) == (2027, 2027, 2027)
    # Counter-example: a deadline written inside the part wins over the year heading it.
    other = "某县印发行动方案。某产业链方面,力争2025年签约投资额2亿元;2027年末签约投资额6.6亿元,到2030年落地项目3个。"
    assert _years(other)["3"] == 2030


def test_a_total_to_date_on_a_dated_page_is_the_pages_years():
    # Shapes of dev10 11 (截至目前,新签约项目22个 under a 2020-12-03 date line) and dev6 18 (截至目前,入园企业已达41家).
    head = "2020-12-03\n某县举行集中开工仪式\n"
    years = _years(head + "截至目前,新签约项目22个,总投资100.9亿元。")
    assert (years["22"], years["100.9"]) == (2020, 2020)
    assert _years(head + "截至目前,入园企业已达41家。")["41"] == 2020
    # Counter-examples: a cumulative count over years, and an undated page.
    assert _years(head + "截至目前,全县累计签约项目109个。")["109"] is None
    assert _years("某县举行集中开工仪式\n截至目前,新签约项目22个。")["22"] is None
