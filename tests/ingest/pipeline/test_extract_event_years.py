"""How news pages state the year of their events and figures: a year that opens the name of an
event the page holds, a reporter's 今天 a few days after the stated day, a joint provincial and
local event, a year compared with, the first years of a five-year plan counted as done, and a
running total that counts from 今年以来. Short excerpts in the shapes of realnews_dev3 and
realnews_dev4 pages (origin noted), with counter-examples."""

from datetime import date

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.extract.dates import held_event_year, likely_year, plan_milestone_year
from apps.ingest.pipeline.extract.meetings import find_meetings
from apps.ingest.pipeline.normalize import normalize


def years(text):
    return {str(t.value): (t.kind, t.year) for t in extract(normalize(text)).targets}


def test_a_year_opening_a_held_event_name_is_the_event_year():
    # dev3 02 元氏, 19 东山, 25 祁东; dev4 12 伊犁 (2023(中国)…); dev3 12 泰山 (2017京鲁…).
    assert held_event_year("日前，某某县2021年第二次项目集中签约仪式在县政府举行。") == 2021
    assert held_event_year("3月10日上午，某县举行2020年第一季度项目集中开工仪式。") == 2020
    assert held_event_year("8月18日，2023(中国)某某商品贸易博览会重点项目签约仪式在会展中心举行。") == 2023
    assert held_event_year("11月26日，2017京鲁(泰山)产业协作项目对接推进会在北京举行。") == 2017
    # Counter-examples: a year of review, a deadline, a year not opening a held event.
    assert held_event_year("1月5日，召开2023年度总结表彰大会。") is None
    assert held_event_year("到2025年建成产业大会永久会址。") is None
    assert held_event_year("2019年全县招商引资大会提出，要加快发展。") is None


def test_the_year_in_a_held_event_name_dates_the_sentence_day():
    # dev3 25 祁东: the longer name (…等9个产业项目集中开工) is kept, the year comes from the other.
    text = "3月3日，2020年某县产业项目集中开工仪式在工业园举行，某某生产线等9个产业项目集中开工。"
    [meeting] = find_meetings(text, date(2021, 12, 31))
    assert meeting.date == date(2020, 3, 3)
    assert likely_year(text) == 2020


def test_a_held_event_year_dates_an_undated_page_running_totals():
    # dev3 02 元氏: 日前 only, the year in the ceremony's name, 今年以来…截至目前 totals.
    text = (
        "日前，某某县2021年第二次项目集中签约仪式在县政府举行。此次签约的8个项目总投资约110亿元。\n"
        "今年以来，某某县持续推动招商引资，截至目前，共签约项目21个，协议引资122.36亿元。"
    )
    found = years(text)
    assert found["8"] == ("actual", 2021)
    assert found["21"] == ("actual", 2021)


def test_a_running_total_since_this_year_on_a_dated_page_is_that_year():
    # dev3 08 泗洪 (2023-09-30 page): 今年以来，…。截至目前，全县共新签约亿元以上项目98个.
    text = "2023-09-30 10:00\n今年以来，我县聚焦招商引资。截至目前，全县共新签约亿元以上项目98个，协议总投资491.5亿元。"
    assert years(text)["98"] == ("actual", 2023)
    # dev3 15 罗山: 截9月底 is this year's month end.
    assert years("2021-10-09 10:00\n截9月底，全县重点项目累计完成投资167.1亿元。")["167.1"] == ("actual", 2021)
    # Counter-example: a total with no 今年以来 before it is a standing level of no one year.
    assert years("2023-09-30 10:00\n截至目前，全市累计建成新型研发机构61家。")["61"][1] is None


def test_a_year_compared_with_is_not_the_figure_year():
    # dev4 09 晋中: 去年，…达到972.2亿元，较2020年增加369.3亿元 (a 2025 page): both are 去年's.
    text = "2025-10-24 10:00\n去年，全市工业增加值达到972.2亿元，较2020年增加369.3亿元。"
    found = years(text)
    assert found["972.2"] == ("actual", 2024)
    assert found["369.3"] == ("actual", 2024)
    # Counter-example: a year heading the clause still dates it.
    assert years("2025-10-24 10:00\n2023年，全市工业增加值达到900亿元。")["900"] == ("actual", 2023)


def test_the_first_years_of_a_plan_counted_as_done_name_the_page_year():
    # dev4 09 晋中: "“十四五”前四年…年均增长4.4%" on an undated page → 2025.
    assert plan_milestone_year("“十四五”前四年，全市工业增加值年均增长4.4%。") == 2025
    assert plan_milestone_year("十三五前两年，全县生产总值年均增长8%。") == 2018
    # Counter-example: the plan named without its first years counted gives no year.
    assert plan_milestone_year("“十四五”时期，全市推动工业立市。") is None


def test_a_meeting_that_deploys_next_year_work_is_in_that_year():
    # dev4 07 清镇: 1月5日…会议总结2025年经济工作，部署2026年经济工作 → 2026, not 2027.
    text = "1月5日，某市委经济工作会议召开。会议总结某市2025年经济工作，部署2026年经济工作重点任务。"
    assert likely_year(text) == 2026
    [meeting] = find_meetings(text, date(likely_year(text), 12, 31))
    assert meeting.date == date(2026, 1, 5)


def test_a_reporter_today_after_the_stated_day_is_the_same_event():
    # dev3 05 舒城 (page of 3月28日): 3月26日…集中开工活动…举行 … 今天集中开工的15个项目.
    text = (
        "3月26日上午，某县2023年第二批重点项目集中开工活动在开发区成功举行。\n"
        "据了解，今天集中开工的15个项目，总投资达86.38亿元。"
    )
    meetings = find_meetings(text, date(2023, 3, 28), stated=date(2023, 3, 28))
    assert [m.date for m in meetings] == [date(2023, 3, 26)]
    # Counter-example: 昨日 alone dates the page's event.
    [meeting] = find_meetings("昨日下午，市政协召开常委会会议。", date(2020, 10, 28), stated=date(2020, 10, 28))
    assert meeting.date == date(2020, 10, 27)
    # Counter-example: a different kind of event on 今天 is a second event.
    text = "3月26日，某县重点项目集中开工活动举行。今天，某县召开招商工作推进会。"
    meetings = find_meetings(text, date(2023, 3, 28), stated=date(2023, 3, 28))
    assert len(meetings) == 2


def test_self_held_and_joint_events():
    # dev3 06 怀远: "6月26日上午，…一批重点项目集中开工。" has no verb of holding but is the event.
    [meeting] = find_meetings("6月26日上午，某县某镇一批重点项目集中开工。", date(2023, 6, 27))
    assert meeting.date == date(2023, 6, 26)
    # dev3 15 罗山: 全省…活动暨某县…开工仪式正式启动 is the county's own ceremony.
    text = "10月8日上午，全省第二期“三个一批”活动暨某县产业园二期项目开工仪式正式启动。"
    [meeting] = find_meetings(text, date(2021, 10, 9))
    assert meeting.date == date(2021, 10, 8)
    # Counter-example: a provincial event alone stays the province's.
    assert find_meetings("10月8日，全省重点项目开工仪式举行。", date(2021, 10, 9)) == []


def test_a_bare_meeting_in_the_body_takes_the_headline_name():
    # dev4 23 江津: headline "…建设专题会上强调", body "2月18日，区委书记…主持召开会议专题研究…".
    text = "唐某在某产业园建设专题会上强调\n本报讯 2月18日，区委书记唐某主持召开会议专题研究某产业园建设工作。"
    [meeting] = find_meetings(text, date(2025, 2, 19))
    assert (meeting.date, meeting.name) == (date(2025, 2, 18), "某产业园建设专题会")
    # Without a meeting in the headline, the leader's 专题研究 names it (round 14: a dated meeting held,
    # only its name was missing).
    text = "推动某产业园早见成效\n2月18日，区委书记唐某主持召开会议专题研究某产业园建设工作。"
    [meeting] = find_meetings(text, date(2025, 2, 19))
    assert (meeting.date, meeting.name) == (date(2025, 2, 18), "专题研究某产业园建设工作")


def test_a_meeting_cited_as_guidance_is_not_held():
    # dev4 21 河东: "按照5月6日市长…召开的…座谈会的讲话精神，某区…" is the parent's meeting, quoted.
    text = "按照5月6日市长张某在某办事处召开的推进协同发展工作座谈会的讲话精神，某区积极融入协同发展。"
    assert find_meetings(text, date(2016, 5, 19)) == []
    # Counter-example: the meeting held, then its spirit carried out, is still held.
    text = "5月6日，某区召开推进协同发展工作座谈会，要求贯彻落实会议精神。"
    assert [m.date for m in find_meetings(text, date(2016, 5, 19))] == [date(2016, 5, 6)]


def test_a_dateline_with_xiaoxi_or_xun_is_not_a_meeting_day():
    # dev4 03 文山: "某某网昆明10月24日消息(记者…)10月23日，…新闻发布会…举行".
    text = "某某网昆明10月24日消息(记者 某某)10月23日，某州专场新闻发布会在昆明举行。"
    assert [m.date for m in find_meetings(text, date(2024, 10, 24))] == [date(2024, 10, 23)]
    # dev4 10 黑河 (big5): "东北网11月12日讯 11月11日，某市组织召开…".
    text = "某某网11月12日讯 11月11日，某市召开县域经济发展推进会。"
    assert [m.date for m in find_meetings(text, date(2020, 11, 12))] == [date(2020, 11, 11)]


def test_taking_part_in_the_parent_ceremony_is_an_event():
    # dev4 13 乌苏: "9月23日，乌苏市参加地区9月招商引资项目集中签约仪式".
    text = "9月23日，某市参加地区9月招商引资项目集中签约仪式，某市共签约两个项目。"
    assert [m.date for m in find_meetings(text, date(2021, 9, 26))] == [date(2021, 9, 23)]
    # Counter-example: leaders listed as 参加 of a meeting the province holds stay the province's.
    assert find_meetings("9月23日，市领导参加全省招商引资工作会议。", date(2021, 9, 26)) == []


def test_a_newspaper_page_line_with_spaces_dates_the_page():
    # dev4 11 吉林: "吉林日报/2025 年/8 月/6 日/第 006 版市州· 江城" above the headline.
    from apps.ingest.pipeline.extract.dates import publication

    published, _publisher, title = publication(
        "正文复制\n吉林日报/2025 年/8 月/6 日/第 006 版市州\n工业强基 三产并进\n"
    )
    assert (published, title) == (date(2025, 8, 6), "工业强基 三产并进")
    assert publication("某某日报\n2025年8月6日 第006版\n工业强基 三产并进\n")[0] == date(2025, 8, 6)
    # Counter-example: a year in a body sentence is no page line.
    assert publication("2023年，全市生产总值增长5%。\n今年第1版")[0] is None


def test_a_year_in_a_goal_own_clause_is_the_goal_year():
    # dev4 13 乌苏: "乌苏市2021年招商引资目标任务为55亿元" on a 2021-09-26 page.
    from apps.ingest.pipeline.extract.targets import find_targets

    [goal, *_] = find_targets("某市2021年招商引资目标任务为55亿元，已完成任务37.05亿元。", published_year=2021)
    assert (goal.kind, goal.year) == ("target", 2021)
    # Counter-example: a year compared with is no goal's year.
    [goal] = find_targets("力争比2020年翻一番，达到200亿元。", published_year=2021)
    assert goal.year is None


def test_following_a_higher_meeting_at_a_branch_venue_is_an_event():
    # dev4 10 黑河 (big5): "11月11日，黑河市组织收听收看2020年第三季度全省县域经济发展交流擂台赛".
    text = (
        "某某网11月12日讯 11月11日，某市组织收听收看2020年第三季度全省县域经济发展交流擂台赛，市委副书记在分会场发言。"
    )
    [meeting] = find_meetings(text, date(2020, 11, 12))
    assert meeting.date == date(2020, 11, 11)
    # Counter-example: watching without organising a session (全体人员观看宣传片) is no event.
    assert find_meetings("11月11日，全体人员观看了招商宣传片。", date(2020, 11, 12)) == []


def test_yishang_inside_a_name_is_no_topic_verb():
    # realnews 29 克山: "举行了克山县2020年黑龙江省百大项目暨亿元以上重点产业项目集中开工仪式".
    text = "4月18日，某县举行了某县2020年百大项目暨亿元以上重点产业项目集中开工仪式。"
    [meeting] = find_meetings(text, date(2020, 4, 18))
    assert meeting.name == "某县2020年百大项目暨亿元以上重点产业项目集中开工仪式"
    # Counter-example: 以 as the verb that makes a meeting a topic still does.
    assert find_meetings("4月18日，某县要以产业大会为契机，加快发展。", date(2020, 4, 18)) == []


def test_a_years_work_that_opens_now_is_the_pages_year():
    # shaped after tests/fixtures/realnews_dev13/06_shiguai (an undated signing report)
    text = "1月8日上午，某区招商引资项目集中签约活动举行。本次活动标志着某区2021年招商引资工作全面拉开大幕。"
    assert likely_year(text) == 2021
