"""Series across documents from real report lines: the goal report Y sets for Y against the result
the report of Y+1 states, through the pure pipeline and apps.atlas.series (no database).

Each excerpt is a few lines of a report in ../shared/corpus/work-reports (named in the test),
under that report's own dateline; the lines between are left out, and "……" marks a line cut short
(a report never ends on a bare list item, and normalization drops such trailing lines as headlines).
"""

from decimal import Decimal
from itertools import count
from types import SimpleNamespace

from apps.atlas.models import to_base_units
from apps.atlas.series import MET, MISSED, PENDING, build_series
from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.normalize import normalize
from apps.ingest.pipeline.segment import segment
from apps.ingest.pipeline.types import ArticleMeta


def report(dateline, *lines):
    return f"政府工作报告\n\n{dateline}\n\n市长 某某某\n\n各位代表：\n\n" + "\n\n".join(lines) + "\n"


def rows_of(*reports):
    """Target rows as the pages read them (apps.metrics.queries.city_figures): ids in text order."""
    ids, rows = count(1), []
    for document_id, text in enumerate(reports, start=1):
        normalized = normalize(text)
        extraction = extract(normalized, segment(normalized.text), ArticleMeta())
        for fact in extraction.targets:
            base_value, _ = to_base_units(fact.value, fact.unit)
            rows.append(
                SimpleNamespace(
                    id=next(ids),
                    city_id=1,
                    metric_key=fact.metric_key,
                    measure=fact.measure,
                    kind=fact.kind,
                    year=fact.year,
                    value=fact.value,
                    base_value=base_value,
                    value_high=fact.value_high,
                    bound=fact.bound,
                    estimated=fact.estimated,
                    document_id=document_id,
                    document_date=extraction.reference_date,
                    evidence=fact.evidence.text,
                )
            )
    return rows


def year_of(rows, year, key="gdp", measure="growth"):
    [series] = [s for s in build_series(rows) if (s.metric_key, s.measure) == (key, measure)]
    return next(p for p in series.years if p.year == year)


def evidence(rows, point):
    return next(r.evidence for r in rows if r.id == point.fact_id)


def test_a_goal_with_a_floor_met_by_the_next_reports_estimate():
    rows = rows_of(
        # 烟台市/2023.md (given in December 2022: it plans 2023)
        report(
            "——2022年12月28日在烟台市第十八届人民代表大会第二次会议上",
            "一、2022年工作回顾",
            "二、2023年工作总体要求和目标任务",
            "2023年全市经济社会发展的主要预期目标是：地区生产总值增长5.5%以上，争取突破万亿元大关。",
        ),
        # 烟台市/2024.md
        report(
            "——2024年1月13日在烟台市第十八届人民代表大会第三次会议上",
            "一、2023年工作回顾",
            "经济增长稳中有进。预计全年地区生产总值增长6.5%左右，经济总量突破1万亿元。",
            "二、在绿色低碳高质量发展中奋力走在前",
            "今年经济社会发展的主要预期目标是：地区生产总值增长5.5%左右。",
        ),
    )
    point = year_of(rows, 2023)
    assert (point.goal.value, point.goal.bound) == (Decimal("5.5"), "at_least")
    assert (point.result.value, point.result.estimated) == (Decimal("6.5"), True)
    assert point.verdict() == MET and not point.revised
    assert "预计全年地区生产总值增长6.5%" in evidence(rows, point.result)  # each point links to its passage
    # The 2024 goal the second report sets does not stand in for its 2023 result.
    assert year_of(rows, 2024).goal.value == Decimal("5.5") and year_of(rows, 2024).result is None


def test_an_about_goal_missed_by_more_than_its_tolerance():
    rows = rows_of(
        # 宁波市/2024.md
        report(
            "2024年1月17日在宁波市第十六届人民代表大会第四次会议上",
            "一、2023年工作回顾",
            "二、2024年工作安排",
            "综合考虑各方面因素，建议今年经济社会发展的主要预期目标为：地区生产总值增长6%左右；……",
        ),
        # 宁波市/2025.md
        report(
            "2025年1月8日在宁波市第十六届人民代表大会第五次会议上",
            "一、2024年工作回顾",
            "过去一年，预计全年地区生产总值增长5.5%左右。",
            "二、2025年工作安排",
        ),
    )
    point = year_of(rows, 2024)
    assert (point.goal.value, point.goal.bound, point.result.value) == (Decimal("6"), "about", Decimal("5.5"))
    assert point.verdict() == MISSED  # 5.5 is below 6 less 5 %


def test_an_about_goal_met_within_its_tolerance_and_a_range_missed_below_its_low_end():
    rows = rows_of(
        # 泉州市/2025.md
        report(
            "——2025年1月7日在泉州市第十七届人民代表大会第四次会议上",
            "一、2024年政府工作回顾",
            "二、2025年工作目标任务",
            "经济社会发展主要预期目标是：全市生产总值增长5.5%左右，农林牧渔业总产值增长4%。",
        ),
        # 泉州市/2026.md
        report(
            "——2026年1月14日在泉州市第十七届人民代表大会第五次会议上",
            "一、2025年和“十四五”时期经济社会发展回顾",
            "大拼经济、大抓发展，地区生产总值增长5.3%，工业增加值增长6.3%。",
            "三、2026年工作目标任务",
        ),
        # 泉州市/2022.md and 泉州市/2023.md
        report(
            "——2022年1月6日在泉州市第十七届人民代表大会第一次会议上",
            "一、过去五年及2021年政府工作回顾",
            "三、2022年工作安排",
            "今年是新一届政府的第一年，经济社会发展主要预期目标是：全市生产总值增长7-7.5%，农林牧渔业总产值增长2.5-3%；……",
        ),
        report(
            "——2023年1月8日在泉州市第十七届人民代表大会第二次会议上",
            "一、2022年政府工作回顾",
            "全市生产总值增长3.5%，地方一般公共预算收入可比增长8%。",
            "二、2023年工作目标任务",
        ),
    )
    about = year_of(rows, 2025)
    assert (about.goal.bound, about.result.value, about.verdict()) == ("about", Decimal("5.3"), MET)
    ranged = year_of(rows, 2022)
    assert (ranged.goal.value, ranged.goal.value_high, ranged.goal.bound) == (Decimal("7"), Decimal("7.5"), "range")
    assert (ranged.result.value, ranged.verdict()) == (Decimal("3.5"), MISSED)


def test_a_year_whose_next_report_states_no_growth_stays_pending():
    rows = rows_of(
        # 宁波市/2022.md
        report(
            "2022年4月9日在宁波市第十六届人民代表大会第一次会议上",
            "一、过去五年工作回顾",
            "二、2022年工作安排",
            "综合考虑各方面因素，建议今年经济社会发展主要预期目标为：地区生产总值增长7%以上；……",
        ),
        # 宁波市/2023.md: its review of 2022 gives no GDP growth at all
        report(
            "2023年1月6日在宁波市第十六届人民代表大会第三次会议上",
            "一、2022年工作回顾",
            "我们坚决贯彻国家关于稳住经济大盘重大决策部署，深入实施稳进提质八大攻坚行动，奋力实现经济运行企稳向好。",
            "二、2023年主要目标任务",
            "综合考虑各方面因素，建议今年经济社会发展的主要预期目标为：地区生产总值增长5.5%以上；……",
        ),
    )
    point = year_of(rows, 2022)
    assert point.goal.value == Decimal("7") and point.result is None and point.verdict() == PENDING


def test_a_five_year_goal_is_judged_by_the_result_of_its_last_year():
    rows = rows_of(
        # 泉州市/2021.md: the 十四五 goal for 2025
        report(
            "——2021年1月16日在泉州市第十六届人民代表大会第六次会议上",
            "一、2020年和“十三五”时期经济社会发展回顾",
            "二、“十四五”时期主要目标任务",
            "力争到2025年，地区生产总值达1.5万亿元左右，工业总产值突破3万亿元。",
            "三、2021年工作目标任务",
        ),
        # 泉州市/2026.md
        report(
            "——2026年1月14日在泉州市第十七届人民代表大会第五次会议上",
            "一、2025年和“十四五”时期经济社会发展回顾",
            "地区生产总值1.38万亿元，人均生产总值突破15万元。",
            "三、2026年工作目标任务",
        ),
    )
    point = year_of(rows, 2025, measure="level")
    assert (point.goal.value, point.goal.bound) == (Decimal("1.5e12"), "about")
    assert (point.result.value, point.verdict()) == (Decimal("1.38e12"), MISSED)
