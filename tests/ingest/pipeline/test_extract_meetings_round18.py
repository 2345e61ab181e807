"""Round 18: meetings and years missed or misdated on realnews_dev13 and in a precision audit on fresh
unlabeled pages. Short excerpts (names made generic), origin noted, each with a counter-example."""

from datetime import date

from apps.ingest.pipeline.extract.dates import likely_year
from apps.ingest.pipeline.extract.meetings import find_meetings


def _dated(text, published=None, stated=None):
    return [m.date for m in find_meetings(text, published, stated=stated) if m.date]


def test_deputies_inspection_with_its_talk_is_an_event():
    # Shape of realnews_dev13 05 (a congress deputies' group inspecting projects, then a 座谈会).
    text = "11月29日,省、市人大代表某县小组集中调研某县重点工业项目建设情况。\n座谈会上,副县长介绍了情况。"
    assert _dated(text, date(2013, 12, 3)) == [date(2013, 11, 29)]
    # Shape of https://www.leifute.com/page/news-center/currentAffairs/20221013/586161.html (CPPCC members).
    members = "10月11日,某区政协组织部分政协委员视察全区重点项目建设情况。在随后召开的座谈会上,区发改委通报了情况。"
    assert _dated(members, date(2022, 10, 13)) == [date(2022, 10, 11)]
    # Counter-example: a tour with no talk held on it is a visit, not a meeting.
    tour = "11月29日,省、市人大代表某县小组集中调研某县重点工业项目建设情况。代表们察看了企业。"
    assert _dated(tour, date(2013, 12, 3)) == []


def test_a_year_leading_an_event_title_with_a_middle_dot_is_the_events():
    # Shape of realnews_dev13 17 (a wire's 20th-anniversary trade event).
    text = "中新网某市9月28日电 9月28日,该市举行隆重而又简朴的2014·某某建设经贸活动。该市将围绕2020年目标。"
    assert _dated(text, date(2021, 12, 31)) == [date(2014, 9, 28)]


def test_a_wire_day_run_into_its_dateline_is_dated():
    # Shape of realnews_dev13 20: the byline between "4月3日电" and "3日" is stripped.
    text = "中新网某省新闻4月3日电3日,某县举行重点项目全面启动现场会。"
    assert _dated(text, date(2024, 12, 31)) == [date(2024, 4, 3)]


def test_a_day_alone_takes_no_month_from_a_year_in_an_events_name():
    # Shape of https://642255.nync.com/article/445546.html: "27日上午…2017年第一季度…开工仪式" gives no month.
    text = "27日上午,某县设立分会场,同步举行某省2017年第一季度重大项目集中开工仪式。"
    assert _dated(text, date(2017, 12, 31)) == []
    # Counter-example: a date the page states gives the month.
    assert _dated(text, date(2017, 3, 28), stated=date(2017, 3, 28)) == [date(2017, 3, 27)]


def test_today_after_a_papers_dateline_is_that_day():
    # Shape of http://www.yx2019.net/html/2018/qcyw_1010/1609.html (published the morning after).
    text = "本报10月9日讯今天下午,市长主持召开市长办公会议,听取重点项目进展情况汇报。"
    assert _dated(text, date(2018, 10, 10), stated=date(2018, 10, 10)) == [date(2018, 10, 9)]
    # Counter-example: with no dateline, 今天 is the page's own day.
    plain = "今天下午,市长主持召开市长办公会议,听取重点项目进展情况汇报。"
    assert _dated(plain, date(2018, 10, 10), stated=date(2018, 10, 10)) == [date(2018, 10, 10)]


def test_a_year_whose_work_opens_or_is_planned_is_the_pages_own():
    # Shape of realnews_dev13 06: a January signing "opens" the year's investment work.
    opened = "1月8日上午,某区招商引资项目集中签约活动举行。标志着某区2021年招商引资工作全面拉开大幕。"
    assert likely_year(opened) == 2021
    # Shape of realnews_dev13 20: the year's plan and start of its projects.
    planned = "副市长宣布2024年某县重点产业项目全面开工。2024年,某县计划推进重点项目32个。"
    assert likely_year(planned) == 2024
    # Counter-example: a year's result, reported early in the next year.
    result = "1月8日,某区召开招商工作会议。2020年某区签约项目30个,总投资45亿元。"
    assert likely_year(result) == 2021


def test_a_years_government_work_report_and_targets_date_the_page():
    # Shape of realnews_dev13 07: a standing meeting splits the year's work report into tasks.
    split = "2月17日,县长主持召开县政府第26次常务会议,审议了《关于印发<2023年县政府工作报告目标任务分解方案>的通知》。"
    assert likely_year(split) == 2023
    # Shape of https://swj.xlgl.gov.cn (a league's investment conference hands out the year's targets).
    targets = "及时召开全盟招商引资大会,通报了2022年全盟招商引资工作情况,并下达了2023年招商引资目标任务书。"
    assert likely_year(targets) == 2023


def test_a_work_conference_relayed_by_its_year_dates_the_page():
    # Shape of https://tjxnjz.com/contentOpen/detail/5abcb5a1f8380e502a66604c.htm (a March standing meeting).
    text = "3月26日,县长主持召开县政府常务会议。会议传达了全市2018年商务工作会议、县委常委扩大会议等会议精神。"
    assert likely_year(text) == 2018
    # Counter-example: an economic work conference may be held in the December before its year.
    economic = "会议传达了全市2018年经济工作会议精神。2018年全市生产总值增长7%。"
    assert likely_year(economic) == 2019
