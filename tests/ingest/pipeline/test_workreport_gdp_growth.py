"""Which figure of a work report is the city's GDP growth: its goal for the plan year, its result
for the reviewed year, and the figures that look alike but are not (a quarter, a part of GDP, a
five-year plan's figure, a list sharing one figure).

Each test runs the whole pure pipeline (normalize → segment → extract) on a few real lines of a
report in ../shared/corpus/work-reports (the file is named in the test), under the report's own
dateline; lines in between are left out.
"""

from decimal import Decimal

import pytest

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.extract.targets import rules, shared_metrics
from apps.ingest.pipeline.extract.text import city_sentences
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import segment
from apps.ingest.pipeline.types import ArticleMeta


def report(dateline, mayor, *sections):
    return f"政府工作报告\n\n{dateline}\n\n{mayor}\n\n各位代表：\n\n" + "\n\n".join(sections) + "\n"


def extraction(text):
    normalized = normalize(text)
    return extract(normalized, segment(normalized.text), ArticleMeta())


def gdp_growth(text):
    """(kind, year, value, bound, value_high, estimated) of every GDP growth figure, in text order."""
    return [
        (t.kind, t.year, t.value, t.bound, t.value_high, t.estimated)
        for t in extraction(text).targets
        if (t.metric_key, t.measure) == ("gdp", "growth")
    ]


def test_goals_under_a_heading_that_names_no_year_are_the_plan_years():
    # 烟台市/2024.md: the goals paragraph stands under "二、在绿色低碳高质量发展中奋力走在前", before
    # "三、2024年重点工作"; it used to be read as a second 2023 result (5.5 beside the real 6.5).
    text = report(
        "——2024年1月13日在烟台市第十八届人民代表大会第三次会议上",
        "烟台市市长 郑德雁",
        "一、2023年工作回顾",
        "经济增长稳中有进。预计全年地区生产总值增长6.5%左右，经济总量突破1万亿元。",
        "二、在绿色低碳高质量发展中奋力走在前",
        "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右，一般公共预算收入增长4.5%左右。",
        "三、2024年重点工作",
    )
    assert gdp_growth(text) == [
        ("actual", 2023, Decimal("6.5"), "about", None, True),
        ("target", 2024, Decimal("5.5"), "about", None, False),
    ]


def test_a_range_written_with_a_hyphen_is_one_goal_and_survives_normalization():
    # 泉州市/2022.md: "7-7.5%" three times on one line once made the line look like a market ticker
    # (signed percentages) and normalization dropped it: no 2022 goal at all.
    text = report(
        "——2022年1月6日在泉州市第十七届人民代表大会第一次会议上",
        "泉州市人民政府市长 蔡战胜",
        "一、过去五年及2021年政府工作回顾",
        "全市生产总值增长8.1%，工业增加值增长8.3%。",
        "三、2022年工作安排",
        "今年是新一届政府的第一年，经济社会发展主要预期目标是：全市生产总值增长7-7.5%，"
        "农林牧渔业总产值增长2.5-3%，工业增加值增长7-7.5%，第三产业增加值增长7.5-8%；",
    )
    assert gdp_growth(text) == [
        ("actual", 2021, Decimal("8.1"), "exact", None, False),
        ("target", 2022, Decimal("7"), "range", Decimal("7.5"), False),
    ]


def test_the_five_year_plan_a_goals_paragraph_opens_with_is_not_the_goals_deadline():
    # 泉州市/2021.md: "2021年是实施“十四五”规划的开局之年，…目标为：" set the 2021 goal for 2025.
    text = report(
        "——2021年1月16日在泉州市第十六届人民代表大会第六次会议上",
        "泉州市人民政府市长 王永礼",
        "一、2020年和“十三五”时期经济社会发展回顾",
        "三、2021年工作目标任务",
        "2021年是实施“十四五”规划的开局之年，经济社会发展主要预期目标为：全市生产总值增长7.5%左右，"
        "农林牧渔业总产值增长2.5%左右。",
    )
    assert gdp_growth(text) == [("target", 2021, Decimal("7.5"), "about", None, False)]


def test_a_paragraph_opening_with_the_plan_year_under_a_five_year_heading_sets_that_years_goals():
    # The goals line of 泉州市/2026.md, put under its "二、“十五五”时期主要目标任务" heading (in the
    # report it follows "三、2026年工作目标任务"): without the year's own heading it still is 2026's.
    text = report(
        "——2026年1月14日在泉州市第十七届人民代表大会第五次会议上",
        "泉州市人民政府市长 蔡战胜",
        "一、2025年和“十四五”时期经济社会发展回顾",
        "二、“十五五”时期主要目标任务",
        "2026年是“十五五”开局之年，经济社会发展主要预期目标为：地区生产总值增长5%左右、略高于全省增速。",
    )
    assert gdp_growth(text) == [("target", 2026, Decimal("5"), "about", None, False)]


def test_a_quarters_figure_is_not_the_years_result():
    # 泉州市/2021.md: the first quarter's fall, then the year's growth, in one clause.
    text = report(
        "——2021年1月16日在泉州市第十六届人民代表大会第六次会议上",
        "泉州市人民政府市长 王永礼",
        "一、2020年和“十三五”时期经济社会发展回顾",
        "四季度组织年终冲刺，全市生产总值由一季度下降10.3%到全年增长2.9%。",
        "三、2021年工作目标任务",
    )
    assert gdp_growth(text) == [
        ("actual", None, Decimal("-10.3"), "exact", None, False),
        ("actual", 2020, Decimal("2.9"), "exact", None, False),
    ]


def test_a_county_named_inside_a_quoted_model_does_not_make_the_sentence_the_countys():
    # 泉州市/2026.md: “晋江经验” names a model, not the county-level city 晋江; the sentence holds
    # the city's 2025 results (a sentence about the county itself is still passed over).
    text = report(
        "——2026年1月14日在泉州市第十七届人民代表大会第五次会议上",
        "泉州市人民政府市长 蔡战胜",
        "一、2025年和“十四五”时期经济社会发展回顾",
        "过去一年，我们传承弘扬、创新发展“晋江经验”，大拼经济、大抓发展，地区生产总值增长5.3%，工业增加值增长6.3%。",
        "晋江获评国家生态文明建设示范区。",  # the county is named on its own too, so 晋江 counts as a place
        "三、2026年工作目标任务",
    )
    assert gdp_growth(text) == [("actual", 2025, Decimal("5.3"), "exact", None, False)]


def test_one_figure_for_a_list_of_metrics_is_each_ones_goal():
    # 洛阳市/2022.md
    text = report(
        "——2022年2月12日在洛阳市第十五届人民代表大会第五次会议上",
        "洛阳市人民政府代市长 徐衣显",
        "一、2021年工作回顾",
        "二、2022年工作总体要求和主要目标",
        "今年经济社会发展主要预期目标是：生产总值、人均GDP、全员劳动生产率增速均为7%，研发经费投入强度达到3.15%。",
    )
    goals = {(t.metric_key, t.year, t.value) for t in extraction(text).targets if t.kind == "target"}
    assert {("gdp", 2022, 7), ("gdp_per_capita", 2022, 7), ("labour_productivity", 2022, 7)} <= goals


def test_a_list_whose_figures_go_one_each_shares_none():
    # 娄底市/2014.md: 分别 gives each metric its own figure; 8.8‰ is the birth rate's alone.
    found = shared_metrics("人口自然增长率、城镇登记失业率分别控制在8.8‰、4.3%以内", 0, 20, rules())
    assert found is None
    assert shared_metrics("地区生产总值、人均GDP、全员劳动生产率增长7%", 0, 22, rules()) == [
        "地区生产总值",
        "人均GDP",
        "全员劳动生产率",
    ]


def test_the_economys_growth_is_the_gdp_growth():
    # 洛阳市/2023.md reviews 2022 as "预计全年经济增长3.5%左右".
    text = report(
        "——2023年1月4日在洛阳市第十六届人民代表大会第一次会议上",
        "洛阳市人民政府市长 徐衣显",
        "一、过去五年政府工作回顾",
        "竞进拼抢，应变克难，推动经济发展提质增效，预计全年经济增长3.5%左右，主要经济指标高于全国全省平均水平。",
        "二、2023年主要目标任务",
    )
    assert gdp_growth(text) == [("actual", 2022, Decimal("3.5"), "about", None, True)]


@pytest.mark.parametrize(
    "line, key",
    [
        ("培育建设10个海洋产业特色功能区块，海洋生产总值增长10%。", "marine_gdp"),  # 宁波市/2023.md, goals
        ("万元生产总值能耗下降3.4%。", "energy_intensity"),  # 烟台市/2019.md, review
    ],
)
def test_figures_with_gdp_in_their_name_that_are_not_the_citys_gdp(line, key):
    text = report(
        "——2019年1月16日在烟台市第十七届人民代表大会第三次会议上",
        "烟台市市长 陈飞",
        "一、2018年工作回顾",
        line,
        "二、2019年工作安排",
    )
    assert gdp_growth(text) == []
    assert key in {t.metric_key for t in extraction(text).targets}


def test_the_comparison_with_the_province_is_not_the_citys_growth():
    # 洛阳市/2021.md
    text = report(
        "——2021年2月7日在洛阳市第十五届人民代表大会第四次会议上",
        "洛阳市人民政府市长 刘宛康",
        "一、2020年工作回顾",
        "全市地区生产总值达到5128.4亿元，同比增长3%，高于全省1.7个百分点，主要经济指标增速稳居全省第一方阵。",
        "二、2021年工作安排",
    )
    assert gdp_growth(text) == [("actual", 2020, Decimal("3"), "exact", None, False)]


def test_a_long_paragraph_naming_a_few_universities_still_speaks_for_the_city():
    # The shape of 泉州市/2021.md's review: one 1,100-character paragraph that names universities
    # three times among much else; a short paragraph naming three firms is about them.
    filler = "推进重大项目建设，稳住经济基本盘。" * 50
    long_paragraph = f"引进华侨大学、福州大学、厦门大学研究院。{filler}全市生产总值增长2.9%。"
    short_paragraph = "某某公司、某某集团、某某股份有限公司签约，总投资50亿元。"
    kept = [s.text for s in city_sentences(f"{long_paragraph}\n\n{short_paragraph}", rules().company)]
    assert "全市生产总值增长2.9%。" in kept
    assert not any("总投资50亿元" in s for s in kept)


def test_a_five_year_plans_average_growth_is_no_years_goal():
    # 宁波市/2016.md (its dateline is missing; this one is made up in the corpus's shape): the
    # 十三五 average would otherwise stand as a 2020 goal beside the 2020 report's own.
    text = report(
        "——2016年2月27日在宁波市第十四届人民代表大会第六次会议上",
        "宁波市人民政府市长 某某某",
        "一、2015年主要工作和“十二五”发展成就",
        "二、“十三五”发展的主要目标和重点任务",
        "今后五年，我市发展的主要目标是：高水平全面建成小康社会，为全面建成现代化国际港口城市打下坚实基础。"
        "地区生产总值年均增长7.5%，一般公共预算收入年均增长7.5%，居民收入提高与经济增长同步。",
        "三、2016年主要工作",
    )
    assert gdp_growth(text) == [("target", None, Decimal("7.5"), "exact", None, False)]
