"""Which year a work report's figures belong to when the report itself says so in a heading or
with 今年, whatever its dateline or title suggest. Excerpts shaped after 夏县 2024
(tests/fixtures/realnews/32, a report reposted with its table of contents first) and 淮北 2016
(the year's goals under a five-year heading)."""

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.normalize import normalize

REVIEW_AFTER_CONTENTS = """一、2023年工作回顾
二、2024年工作安排
2024年某县政府工作报告
各位代表：
现在，我代表县人民政府，向大会报告工作，请予审议。
一、2023年工作回顾
过去的一年，全县经济社会发展总体平稳。全年地区生产总值完成82.86亿元，增长2.5%。
"""

GOALS_UNDER_FIVE_YEAR_HEADING = """——2016年1月13日在某市第十五届人民代表大会第五次会议上
各位代表：
现在，我代表市人民政府，向大会报告工作，请予审议。
一、2015年工作回顾
一年来，全市生产总值增长8%。
二、“十三五”：努力实现全面建成小康社会奋斗目标
今后五年，全市生产总值年均增长8%。
开局之年：奋力谱写新篇章
今年是“十三五”的开局之年。经济社会发展的主要预期目标是：全市生产总值增长7%左右，固定资产投资增长10%以上。
"""


def years(text):
    """{value as written: (kind, year)} of the figures extracted from `text`."""
    return {str(t.value): (t.kind, t.year) for t in extract(normalize(text)).targets}


def test_the_review_heading_names_the_year_it_reviews():
    found = years(REVIEW_AFTER_CONTENTS)
    assert found["82.86"] == ("actual", 2023)
    assert found["2.5"] == ("actual", 2023)


def test_jinnian_under_a_five_year_heading_sets_the_plan_years_goals():
    found = years(GOALS_UNDER_FIVE_YEAR_HEADING)
    assert found["10"] == ("target", 2016)
    assert found["7"] == ("target", 2016)


# Shaped after a county's 十四五 press conference (tests/fixtures/realnews_dev2/04): figures after
# "截至2024年底" that compare with the end of the previous plan.
BEYOND_AN_ENDED_PLAN = """2025-11-19 15:35:44 来源：某新闻网
李某表示，截至2024年底，全县地区生产总值完成47.12亿元，较“十三五”末年均增长4%；人均生产总值较“十三五”末的3.4万元增长到3.9万元。
"""


def test_a_paragraph_year_dates_figures_compared_with_an_ended_plan():
    found = years(BEYOND_AN_ENDED_PLAN)
    assert found["47.12"] == ("actual", 2024)
    assert found["4"] == ("actual", 2024)
    assert found["3.9"] == ("actual", 2024)
    assert found["3.4"] == ("actual", 2020)  # the figure at the plan's end is that year's


# Shaped after a county's signing and ground-breaking ceremony (tests/fixtures/realnews_dev2/02)
# and a county's launch speech (realnews_dev2/07): no publication date on either page.
EVENT_WITH_FIGURES = """7月12日，某县举行2017年招商引资签约暨第二批重点项目集中开工仪式，招商引资签约10个项目，总投资约27亿元。
自今年首批开工13个重点项目之后，再一次吹响扩大有效投资的号角。
"""

SPAN_THEN_EVENT = """县长宣布2021年某县一季度重点项目集中开工。
2020年以来，我县不断拓宽招商渠道，24个在建重点工业项目全面加快建设进度。今天集中开工的40个重点项目，总投资64.9亿元。
"""


def test_figures_of_a_dated_event_and_its_year_s_jinnian_take_the_event_year():
    found = years(EVENT_WITH_FIGURES)
    assert found["10"] == ("actual", 2017)
    assert found["27"] == ("actual", 2017)
    assert found["13"] == ("actual", 2017)


def test_a_span_opened_by_yilai_dates_nothing_past_its_sentence():
    found = years(SPAN_THEN_EVENT)
    assert found["40"][1] != 2020
    assert found["64.9"][1] != 2020


# 秭归 2021 signing news (tests/fixtures/realnews_dev2/01): figures said at a dated meeting, but
# counted 去年以来, span two years; the same page's 一季度 figures keep the event's year.
SINCE_LAST_YEAR_AT_A_MEETING = """云上秭归  2021-03-03 15:42:50
3月2日,湖北秭归县顺利举行2021年一季度重大项目集中签约和集中开工仪式。
在随后召开的秭归县招商引资和项目建设推进会上,记者了解到,去年以来,该县共签约重点项目31个,协议投资额28.3亿元。
"""


def test_figures_counted_since_last_year_have_no_single_year():
    found = years(SINCE_LAST_YEAR_AT_A_MEETING)
    assert found["31"] == ("actual", None)
    assert found["28.3"] == ("actual", None)


def test_a_rank_in_a_list_named_with_its_year_takes_that_year():
    # 平果 news (tests/fixtures/realnews/20): two ranking lists, the year at the start or inside the name.
    found = years(
        "“十三五”期间,平果市经济社会发展取得巨大成就;城市竞争力连年攀升,在“2021中国西部百强县市”中,"
        "平果市排第56名,位列广西第一;首次入选“中国2021县域发展潜力百强县市”,排名第65位。"
    )
    assert found["56"][1] == 2021
    assert found["65"][1] == 2021


def test_an_undated_pages_part_of_year_and_last_year_count_from_its_event():
    # 秭归 signing news (tests/fixtures/realnews_dev2/01) reshaped without its date line: the event's
    # day gives the year; 一季度 is that year's, 去年 the year before.
    found = years(
        "3月2日,湖北秭归县顺利举行2021年一季度重大项目集中签约和集中开工仪式。\n"
        "据介绍,一季度,秭归县共签约重大项目10个。去年,全县全口径招商到位资金30.25亿元。"
    )
    assert found["10"] == ("actual", 2021)
    assert found["30.25"] == ("actual", 2020)


def test_a_state_reached_by_now_has_no_single_year():
    # 南部 news (tests/fixtures/realnews/03): 如今 describes where the park stands, not one year's result.
    found = years("2024-11-13 10:00\n如今,产业园建成面积超2平方公里,吸引90余户企业入驻。")
    assert found["90"][1] is None


def test_an_undated_page_that_names_its_period_with_its_year_reports_that_year():
    # Shape of tests/fixtures/realnews_dev2/07 献县: "宣布2021年献县一季度重点项目…集中开工", no date
    # anywhere, then "今天集中开工的40个重点项目，总投资64.9亿元".
    from apps.ingest.pipeline.extract.dates import current_period_year

    assert current_period_year("县长宣布2021年某县一季度重点项目集中开工。") == 2021
    assert current_period_year("2025年第一季度重大项目集中开工") == 2025
    # Counter-examples: a full year and a same-period comparison are no current period.
    assert current_period_year("2023年全年，全县生产总值增长5%。") is None
    assert current_period_year("比2023年，同期增长5%。") is None
    text = "县长宣布2021年某县一季度重点项目集中开工。今天集中开工的40个重点项目，总投资64.9亿元。"
    assert years(text)["40"] == ("actual", 2021)
    # An event held under a name with its year dates the page (realnews_dev3 19 东山: 举行2020年第一季度
    # 项目集中开工仪式。…此次集中开工有…8个项目 → 2020).
    text = "2月6日，某市2025年第一季度重大项目集中开工活动举行。本次集中开工项目126个。"
    assert years(text)["126"] == ("actual", 2025)
    # A dated event whose year no name writes dates only its own figures: the page's year is not spread.
    text = "2024年，全市签约项目30个。\n2月6日，某市重大项目集中开工活动举行。\n本次集中开工项目126个。"
    assert years(text)["126"] == ("actual", None)


def test_a_sentences_own_this_year_outranks_the_paragraphs_earlier_year():
    # shaped after tests/fixtures/realnews_dev12/06_wannian (香港商报, 2015-12-25)
    text = "2015-12-25\n某县概况\n2010年到2014年，全县地区生产总值翻了一番。今年1-10月，全县地区生产总值实现74.6亿元，同比增长10.9%。\n"
    found = years(text)
    assert found["74.6"] == ("actual", 2015)


def test_a_january_page_that_reviews_last_year_dates_its_figures_in_that_year():
    # shaped after tests/fixtures/realnews_dev12/08_changqing (大众日报, 2025-01-09)
    text = (
        "某区经济社会发展迈出坚实步伐\n2025-01-09 来源：大众日报\n"
        "2024年，某区全力以赴做好稳增长工作。预计全年一般公共预算收入32.65亿元。\n"
        "生物医药产业蓄势崛起，全年签约引进重点项目15个。\n"
    )
    assert years(text)["15"] == ("actual", 2024)
