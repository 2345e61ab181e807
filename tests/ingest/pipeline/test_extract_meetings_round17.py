"""Round 17: meetings and years found wrong in a precision audit on fresh unlabeled pages. Short
excerpts (names made generic), origin noted, each with a counter-example."""

from datetime import date

from apps.ingest.pipeline.extract.dates import likely_year
from apps.ingest.pipeline.extract.meetings import find_meetings


def _dated(text, published=None):
    return [m.date for m in find_meetings(text, published) if m.date]


def test_a_span_of_days_is_one_event_dated_by_its_first_day():
    # Shape of http://www.qzfuke.com.cn/a_news.asp?id=782 (a city's project tour over four days).
    text = "7月31日至8月3日,某市召开2022年上半年全市重点项目现场观摩会。"
    assert _dated(text, date(2022, 8, 5)) == [date(2022, 7, 31)]
    assert _dated("5月11日-17日,某市召开招商对接会。", date(2022, 5, 20)) == [date(2022, 5, 11)]
    # Counter-example: days listed apart are separate sessions.
    listed = "7月31日、8月3日,某市召开全市重点项目现场观摩会。"
    assert _dated(listed, date(2022, 8, 5)) == [date(2022, 7, 31), date(2022, 8, 3)]


def test_a_year_whose_work_is_still_to_be_opened_or_arranged_is_the_pages_own():
    # Shape of http://yhg994208.cn/news/qa/2013022015050645574.htm: a February standing committee
    # meeting preparing the 两会 "to open up 2013's work".
    opened = "2月20日,某县委书记主持召开县委常委会议。会议要求,为全县干部群众鼓干劲,开创2013年各项工作新局面。"
    assert likely_year(opened) == 2013
    # Shape of http://caideshuang.com/art/2024/4/29/art_64014_2941520.html: this year's arrangement.
    arranged = "4月29日下午,市长主持召开市政府常务会议。会议研究了2024年市政府领导督办重点人大代表建议安排意见。"
    assert likely_year(arranged) == 2024
    # Counter-example: a year's result, reported early in the next year.
    result = "2月20日,某县召开县委常委会议。会议指出,2013年全县生产总值增长8%。"
    assert likely_year(result) == 2014


def test_an_event_named_by_a_later_part_of_its_year_held_before_it_begins_is_next_years():
    # Shape of http://www.syiptv.com/article/show/73349: a January tour reviewing last year's fourth quarter.
    review = "1月21日,2018年第四季度全市重点项目拉练在某区拉开。"
    assert _dated(review, date(2019, 1, 23)) == [date(2019, 1, 21)]
    # Counter-examples: held inside that quarter; a first quarter's event in its own March.
    inside = "10月21日,2018年第四季度全市重点项目集中开工仪式举行。"
    assert _dated(inside, date(2018, 10, 23)) == [date(2018, 10, 21)]
    first = "3月2日,2021年一季度重点项目集中开工仪式举行。"
    assert _dated(first, date(2021, 3, 5)) == [date(2021, 3, 2)]


def test_the_first_event_of_a_named_year_is_held_in_that_year():
    # Shape of http://www.sft-tech.net/ln/mhlx/20250120/t20250120_527046364.shtml (a January launch).
    text = "1月18日,某文化节活动签约暨启动仪式在某区举办。此次活动是某区2025年商务发展的首场活动。"
    assert likely_year(text) == 2025
    # Counter-example: a year's result, stated early in the next year.
    done = "1月18日,某区召开商务工作会议。会议指出,2025年某区社会消费品零售总额增长6%。"
    assert likely_year(done) == 2026


def test_a_meeting_named_inside_a_documents_title_is_not_held():
    # Shape of https://fcwmw.cn/page95?article_id=88: the standing committee approves a proposal to hold a plenum.
    proposal = (
        "会议还研究并原则同意了县委办公室提交的《关于召开中国共产党某县第十四届委员会第九次全体会议的建议安排》等。"
    )
    assert find_meetings(proposal, date(2021, 1, 6)) == []
    # Counter-example: a title before the kind word names the event held.
    held = "1月5日,某县召开《某县志》首发式暨座谈会。"
    assert _dated(held, date(2021, 1, 6)) == [date(2021, 1, 5)]
