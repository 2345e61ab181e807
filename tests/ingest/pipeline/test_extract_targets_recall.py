"""Targets round 14: shapes of local news that state a city's figure in other words than the
dev pages did (amounts with 多/余, running totals, subsidies paid out, counts in rescued parts of
round-up sentences). Excerpts are short and made generic; their origin is noted per case."""

import re
from decimal import Decimal

from apps.ingest.pipeline.extract.targets import Scope, find_targets


def facts(text, **kwargs):
    return [(t.metric, t.value, t.unit, t.bound) for t in find_targets(text, document_year=2024, **kwargs)]


def test_an_amount_with_duo_or_yu_before_its_unit_is_kept_as_at_least():
    # signing-fair news (dev4 18, a 分会场's expected total) and county reviews (外贸进出口额20余亿元)
    found = facts("全县完成外贸进出口额20余亿元，新签约项目45个，总投资300多亿元。")
    assert any(f[1:] == (Decimal("20"), "亿元", "at_least") for f in found)
    assert any(f[1:] == (Decimal("300"), "亿元", "at_least") for f in found)


def test_duo_in_a_word_is_no_amount():
    assert facts("推动文化多元发展，构建多元化投入机制。") == []


def test_a_running_total_counts_what_the_clause_before_counts():
    # county round-ups: 新增规上工业企业23户，总数达到156户
    found = facts("全县新增规上工业企业23户，总数达到156户。")
    assert ("规上工业企业", Decimal("156"), "户", "exact") in found


def test_a_subsidy_paid_out_is_a_total_but_a_rate_is_not():
    # 吉林 2025 review (dev4 11): 发放以旧换新补贴2.7亿元; a rate per car stays out
    found = facts("全市发放以旧换新补贴2.7亿元。对新购车辆每台补贴5000元。")
    assert [f[1:3] for f in found] == [(Decimal("2.7"), "亿元")]


def test_livestock_and_jobs_are_figures_of_the_economy():
    # 清镇 2025 (dev4 07) 肉鸡产能3600万羽; 宣恩 (realnews 11) 就业岗位6000余个
    found = facts("生猪出栏45.2万头，家禽出栏800万羽，园区累计提供就业岗位6000余个。")
    assert [f[1:3] for f in found] == [
        (Decimal("45.2"), "万头"),
        (Decimal("800"), "万羽"),
        (Decimal("6000"), "个"),
    ]


def _names_a_county(sentence):
    """A stand-in for places.is_foreign: a sentence naming 甲县 or 乙县 and never 某市."""
    return ("甲县" in sentence.text or "乙县" in sentence.text) and "某市" not in sentence.text


CITY_SCOPE = Scope(higher=re.compile("全省"), own=re.compile("全市|我市|某市"))


def test_counties_named_as_examples_of_the_batch_leave_it_the_citys():
    # 三明 signing news (realnews 19) and 晋中 专业镇 (dev4 09): county names inside "A、B等N个"
    text = (
        "其中，签约甲县石墨烯材料、乙县氟材料等工业产业项目11个，总投资61.8亿元；"
        "甲县森林康养、乙县旅游开发等文旅产业项目6个，总投资51亿元。"
    )
    found = [f[1:3] for f in facts(text, skip_sentence=_names_a_county, scope=CITY_SCOPE)]
    assert found == [
        (Decimal("11"), "个"),
        (Decimal("61.8"), "亿元"),
        (Decimal("6"), "个"),
        (Decimal("51"), "亿元"),
    ]


def test_a_county_that_signs_is_still_another_places_sentence():
    # 酒泉 news (dev4 19): a neighbour's own signing, with its counties as examples
    text = "甲县近期也在深圳成功签约了乙县文化旅游项目、丙线等9个重点招商项目，总投资额近13亿元。"
    assert facts(text, skip_sentence=_names_a_county, scope=CITY_SCOPE) == []


def test_a_round_up_that_turns_to_the_whole_city_is_the_citys():
    # 黑河 county-economy meeting (dev4 10): counties' ranks first, then 全市县域GDP…
    text = (
        "前三季度，在全省排名中，甲县位居全省首位，乙县位列前20名；"
        "全市县域GDP实现254.9亿元、同比增长2.6%，各工业园区累计入驻企业达到169家；"
        "认证面积655.5万亩。"
    )
    found = [f[1:3] for f in facts(text, skip_sentence=_names_a_county, scope=CITY_SCOPE)]
    assert found == [
        (Decimal("254.9"), "亿元"),
        (Decimal("2.6"), "%"),
        (Decimal("169"), "家"),
        (Decimal("655.5"), "万亩"),
    ]


def test_a_rank_of_the_city_among_others_is_no_turn_to_it():
    text = "甲县地区生产总值增长8%，全市排名第一。"
    assert facts(text, skip_sentence=_names_a_county, scope=CITY_SCOPE) == []


def test_counts_in_ten_thousands_and_round_counts_in_words():
    # county round-ups: 市场主体突破1.2万家, 个体工商户3万余户; 培育规上企业近千家
    found = [f[1:3] for f in facts("全县市场主体突破1.2万家，个体工商户3万余户，其中规上企业近千家。")]
    assert found == [(Decimal("1.2"), "万家"), (Decimal("3"), "万户"), (Decimal("1000"), "家")]


def test_round_counts_in_words_need_a_countable_noun_and_no_idiom():
    assert facts("走进千家万户，数百家单位参加，带动百余名群众。") == []


def test_a_round_quantity_in_words_before_wan_is_a_measure():
    # 大关 (realnews 24) 一百万亩, 新和 (realnews 31) 近百万亩; a size class (千万吨级) is not
    found = [f[1:3] for f in facts("棉花种植面积近百万亩，建设千万吨级港口，数百万吨煤炭外运。")]
    assert found == [(Decimal("100"), "万亩")]


def test_a_size_class_after_a_named_industry_is_its_goal():
    # 涪陵 (dev4 05) 先进材料千亿级主导产业集群, 寿宁 (dev3 20) 硒锌特色产业百亿强县, 綦江 (realnews 28) 千亿工业
    found = facts("打造先进材料千亿级主导产业集群，打造硒锌特色产业百亿强县，锚定千亿工业。")
    assert [(f[0], f[1]) for f in found] == [
        ("先进材料主导产业集群规模", Decimal("1000")),
        ("硒锌特色产业强县规模", Decimal("100")),
        ("千亿工业", Decimal("1000")),
    ]


def test_a_size_class_with_nothing_named_is_no_goal():
    assert facts("全力打造千亿产业，全力培育千亿企业，加快培育千亿级主导产业集群。") == []


def test_a_goal_the_five_year_plan_sets_is_due_at_its_end():
    # 綦江 (realnews 28): 在“十五五”规划纲要中，明确提出“锚定千亿工业”目标
    found = find_targets("我们在“十五五”规划纲要中，明确提出“锚定千亿工业”目标。", document_year=2026)
    assert [(t.value, t.kind, t.year) for t in found] == [(Decimal("1000"), "target", 2030)]


def years(text, document_year=2024):
    return [(t.value, t.kind, t.year) for t in find_targets(text, document_year=document_year)]


def test_a_year_written_with_the_figure_before_dates_the_next_clause():
    # 文山 (dev4 03): 2023年实现铝工业产值567.4亿元，占全省的47.9%
    assert years("2023年实现铝工业产值567.4亿元，占全省的47.9%，今年预计突破800亿元。") == [
        (Decimal("567.4"), "actual", 2023),
        (Decimal("47.9"), "actual", 2023),
        (Decimal("800"), "actual", 2024),
    ]


def test_a_baseline_year_dates_nothing_after_it():
    # 成都 2023 review style (unseen u03): 由2022年的11500家增至13200家，…达到203家
    found = years("高新技术企业数量由2022年的11500家增至13200家，专精特新企业达到203家。")
    assert (Decimal("203"), "actual", 2024) in found


def test_plan_and_goal_inside_a_noun_mark_no_goal():
    # 泗洪 (dev3 08) 计划总投资211亿元; 南宁 (dev4 02) 完成目标任务104.44%
    assert years("本次集中开工的24个项目，计划总投资211亿元。签约项目49个，完成目标任务104.44%。") == [
        (Decimal("24"), "actual", 2024),
        (Decimal("211"), "actual", 2024),
        (Decimal("49"), "actual", 2024),
        (Decimal("104.44"), "actual", 2024),
    ]
