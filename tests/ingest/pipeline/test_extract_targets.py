"""Targets on real report text: each value its own metric, growth/level/share told apart, bounds
and ranges kept, estimates and explicit years marked, and what is not the city's figure left out.
Short excerpts come from government work reports of cities outside the gold set (noted per case)."""

import re
from decimal import Decimal

import pytest

from apps.ingest.pipeline.extract.targets import clean_metric, find_targets, paired_metrics, rules
from apps.ingest.pipeline.extract.text import data

FIGURE_RULES = {
    name: rule
    for name, rule in data("targets.json")["figure_rules"].items()
    if isinstance(rule, dict) and "pattern" in rule
}


def facts(text, **kwargs):
    return [(t.metric, t.value, t.unit) for t in find_targets(text, **kwargs)]


def test_each_value_of_a_list_gets_its_own_metric():
    # 三亚 2023-style sentence
    assert facts("城镇、农村居民人均可支配收入分别为42479元、18411元。") == [
        ("城镇居民人均可支配收入", Decimal("42479"), "元"),
        ("农村居民人均可支配收入", Decimal("18411"), "元"),
    ]


def test_amounts_in_a_list_keep_their_integer_part():
    assert facts("全市存款、贷款余额分别为1.21万亿元、1.66万亿元。") == [
        ("存款余额", Decimal("1.21"), "万亿元"),
        ("贷款余额", Decimal("1.66"), "万亿元"),
    ]


def test_a_later_list_reuses_the_subject_of_the_one_before():
    found = find_targets("全市存款、贷款余额分别为1.21万亿元、1.66万亿元，分别增长10.01%和3.97%。")
    assert [(t.metric, t.value, t.measure) for t in found[2:]] == [
        ("存款余额", Decimal("10.01"), "growth"),
        ("贷款余额", Decimal("3.97"), "growth"),
    ]


def test_city_and_countryside_split_into_two_metrics():
    # 庆阳 2025: 城乡居民人均可支配收入分别增长4.9%和7.2%
    assert [t.metric_key for t in find_targets("城乡居民人均可支配收入分别增长4.9%和7.2%。")] == [
        "urban_income",
        "rural_income",
    ]


def test_percent_lists_pair_with_their_items():
    # 厦门 2026: 农作物秸秆…综合利用率分别达到…
    found = facts("农作物秸秆、畜禽粪污、菌糠菌渣综合利用率分别达到92%、88%和95%。")
    assert found == [
        ("农作物秸秆综合利用率", Decimal("92"), "%"),
        ("畜禽粪污综合利用率", Decimal("88"), "%"),
        ("菌糠菌渣综合利用率", Decimal("95"), "%"),
    ]


def test_no_metric_is_a_fragment():
    text = (
        "预计全年地区生产总值增长5.2%左右，一般公共预算收入增长5%以上，同比增长0.5%。"
        "集群总营收超过6600亿元、较“十三五”末增长88%。一般公共预算收入从175.9亿元增长到220.9亿元。"
    )
    for fact in find_targets(text):
        assert not re.search(r"^[\d.%]|[\d.%]$|分别|同比|年均|^末$", fact.metric), fact.metric
        assert len(fact.metric) >= 2


def test_a_figure_with_no_metric_at_all_is_dropped():
    assert facts("同比增长0.5%。") == []


def test_growth_level_and_share_are_told_apart():
    found = find_targets("社会消费品零售总额完成209.63亿元、增长1.6%，常住人口城镇化率达到65%。")
    assert [(t.metric_key, t.measure) for t in found] == [
        ("retail_sales", "level"),
        ("retail_sales", "growth"),
        ("urbanization_rate", "share"),
    ]


def test_bounds_and_ranges_are_kept():
    found = find_targets("地区生产总值增长6%—6.5%，规上工业增加值增长7%以上，居民消费价格涨幅控制在3%左右。")
    assert [(t.value, t.value_high, t.bound) for t in found] == [
        (Decimal("6"), Decimal("6.5"), "range"),
        (Decimal("7"), None, "at_least"),
        (Decimal("3"), None, "about"),
    ]


def test_a_change_from_one_value_to_another_is_no_range():
    found = find_targets("农村生活污水治理率从35%提高到55%。")
    assert all(t.bound != "range" for t in found)


def test_estimates_and_explicit_years_are_marked():
    [estimate] = find_targets("预计全年地区生产总值增长5.2%左右。", published_year=2024)
    assert estimate.estimated and estimate.kind == "actual" and not estimate.year_explicit
    [goal] = find_targets("到2027年，研发经费投入强度达到3.2%。", published_year=2024)
    assert goal.kind == "target" and goal.year == 2027 and goal.year_explicit and not goal.estimated
    [plan] = find_targets("“十四五”末，战略性新兴产业产值占规上工业总产值比重达到40%。")
    assert plan.year == 2025 and plan.year_explicit and plan.metric_key == "strategic_emerging_share"


def test_round_thousands_read_as_numbers():
    assert facts("力争规上工业总产值突破千亿元。") == [("规上工业总产值", Decimal("1000"), "亿元")]
    [cluster] = find_targets("千亿级新材料产业集群加快成型。")
    assert (cluster.metric, cluster.value, cluster.unit) == ("新材料产业集群规模", Decimal("1000"), "亿元")
    [count] = find_targets("到2025年，打造5个千亿级产业集群。")
    assert (count.metric_key, count.measure, count.value) == ("cluster_size_class", "count", Decimal("5"))


@pytest.mark.parametrize(
    "text",
    [
        "对年主营业务收入2000万元以上或规上工业增加值增长15%以上的企业给予奖励。",  # alternative thresholds
        "商品房均价8000元/平方米。",  # a price
        "某某集团销售收入突破100亿元。",  # a company's sales
        "新引进10亿元以上项目。",  # the amount names a class of projects
        "加快推进热电2×66万千瓦机组。",  # the size of one unit
    ],
)
def test_what_is_not_the_citys_figure_is_left_out(text):
    assert facts(text) == []


def test_a_ranking_keeps_its_measure():
    [rank] = find_targets("连续三年位居全国百强县第12位。")
    assert (rank.value, rank.unit, rank.measure) == (Decimal("12"), "位", "ranking")


def test_clean_metric_strips_verbs_dates_and_footnotes():
    r = rules()
    assert clean_metric("11月末全市贷款余额", r) == "贷款余额"
    assert clean_metric("累计退还增值税留抵退税[3]", r) == "退还增值税留抵退税"
    assert clean_metric("1—11月规上服务业营收增长", r) == "规上服务业营收"


@pytest.mark.parametrize(
    "subject, count, expected",
    [
        (subject, len(expected), expected)
        for subject, expected in data("targets.json")["figure_rules"]["metric_heads"]["examples"]
    ]
    + [(s, n, e) for s, n, e in data("targets.json")["figure_rules"]["paired_prefixes"]["examples"]],
)
def test_list_subjects_pair_as_their_examples_say(subject, count, expected):
    assert paired_metrics(subject, count, rules()) == expected


@pytest.mark.parametrize("name", sorted(FIGURE_RULES))
def test_every_figure_rule_matches_its_examples_and_not_its_counter_examples(name):
    rule = FIGURE_RULES[name]
    pattern = rules().figure[name]
    assert rule["why"] and rule["examples"]
    for example in rule["examples"]:
        assert pattern.search(example), (name, example)
    for counter in rule.get("counter_examples", []):
        assert not pattern.search(counter), (name, counter)


TARGET_RULES = data("targets.json")
RULE_KEYS = [k for k in TARGET_RULES if k not in ("about", "examples", "figure_rules")]
RULE_EXAMPLES = [(k, text, expected) for k, v in TARGET_RULES["examples"].items() for text, expected in v["examples"]]
RULE_COUNTER = [
    (k, text, unwanted) for k, v in TARGET_RULES["examples"].items() for text, unwanted in v["counter_examples"]
]


def _matches(fact, expected):
    metric, value, unit, *rest = expected
    kind = rest[0] if rest else None
    year = rest[1] if len(rest) > 1 else None
    return (
        (metric is None or fact.metric == metric)
        and fact.value == Decimal(str(value))
        and fact.unit == unit
        and (kind is None or fact.kind == kind)
        and (year is None or fact.year == year)
    )


def test_every_target_rule_has_a_reason_and_an_example():
    assert [k for k in RULE_KEYS if not TARGET_RULES["examples"].get(k, {}).get("examples")] == []
    assert all(v["why"] for v in TARGET_RULES["examples"].values())


@pytest.mark.parametrize("rule, text, expected", RULE_EXAMPLES, ids=[f"{k}:{t}" for k, t, _ in RULE_EXAMPLES])
def test_target_rule_examples(rule, text, expected):
    found = find_targets(text, published_year=2024, meeting_year=2024, document_year=2024)
    for fact in expected:
        assert any(_matches(f, fact) for f in found), (fact, found)


@pytest.mark.parametrize("rule, text, unwanted", RULE_COUNTER, ids=[f"{k}:{t}" for k, t, _ in RULE_COUNTER])
def test_target_rule_counter_examples(rule, text, unwanted):
    found = find_targets(text, published_year=2024, meeting_year=2024, document_year=2024)
    for fact in unwanted:
        assert not any(_matches(f, fact) for f in found), (fact, found)


def test_one_projects_figures_are_not_the_citys():
    # 新和 2024-style signing news (tests/fixtures/realnews/31): the project's own investment and output
    found = facts("该项目总投资17.5亿元，项目建成后，预计年产值达18亿元。全县签约项目12个。")
    assert found == [("签约项目", Decimal("12"), "个")]


def test_a_dated_article_dates_its_events_but_not_standing_states():
    # 定远 2020 signing news and 无锡 seed phrasing: events get the article's year, a standing state none
    found = {
        t.value: t.year
        for t in find_targets(
            "参加本次集中签约的项目共5个，协议总投资23.2亿元。目前，全市规上工业产值已突破2.5万亿元。"
            "去年招商引资到位资金突破百亿元。",
            document_year=2020,
        )
    }
    assert found == {Decimal("5"): 2020, Decimal("23.2"): 2020, Decimal("2.5"): None, Decimal("100"): 2019}


def test_a_five_year_plan_already_over_looks_back():
    # 平果 2021 (tests/fixtures/realnews/20): "“十三五”期间…GDP突破180亿元" is no goal for 2020
    [fact] = find_targets("“十三五”期间，全市GDP突破180亿元。", document_year=2021)
    assert (fact.kind, fact.year) == ("actual", None)


def test_the_scope_of_investment_statistics_is_no_figure():
    # 宜春市/2016.md (lawtext/gov): "500万元以上" only says which investment is counted.
    found = facts("规模以上工业增加值增长9.2%；500万元以上固定资产投资增长15.7%。", published_year=2016)
    assert [(m, v, u) for m, v, u in found if u == "万元"] == []
    assert Decimal("15.7") in [v for _, v, _ in found]


def test_an_amount_per_worker_keeps_its_per_person_unit():
    # 宣城市/2022.md (lawtext/gov), its goals list.
    found = facts(
        "居民消费价格涨幅2%左右；全员劳动生产率13万元/人以上；全社会研发经费投入增长10%。", published_year=2022
    )
    assert ("全员劳动生产率", Decimal("13"), "万元/人") in found
    assert facts("螺纹钢出厂4100元/吨。", published_year=2022) == []  # a price per ton stays out


def test_the_size_of_projects_whose_funds_are_counted_is_no_figure():
    # 赣州市/2024.md (lawtext/gov): "2000万元以上项目" says which projects' funds are counted.
    found = facts("社会消费品零售总额增长6.5%以上，实际利用省外2000万元以上项目资金增长5%以上。", published_year=2024)
    assert [u for _, _, u in found] == ["%", "%"]


def test_a_named_facility_projects_figures_are_not_the_citys():
    # 平湖 signing news (tests/fixtures/realnews/23) and 越城 launch news (realnews/22).
    landed = facts(
        "浙大之光平湖数字经济产业园项目落地独山港经济开发区,总用地面积107亩,建筑面积约17.7万平方米,总投资10亿元。"
    )
    assert landed == []
    assert facts("据了解,本次签约启动的绍兴数智产业园项目总投资约100亿元。") == []
    # A batch of signed projects is the city's: 三明 signing news (realnews/19) shape.
    assert facts("工业产业签约项目11个,项目总投资61.8亿元。") != []


def test_a_stores_class_is_not_the_citys_output():
    # 新和 signing news (tests/fixtures/realnews/31), after traditional→simplified.
    found = facts("皮棉年产量超15万吨,还拥有阿克苏地区唯一的50万吨级棉花期货交割库,具备支撑百万锭纺纱产能的资源优势。")
    assert ("皮棉年产量", Decimal("15"), "万吨") in found
    assert not [f for f in found if f[1] == Decimal("50")]


@pytest.mark.parametrize(
    "sentence",
    [
        # Genre sentences of work reports, one per kind of figure candidates() reads.
        "地区生产总值增长6.5%左右。",
        "新增规上工业企业120家。",
        "一般公共预算收入突破千亿元大关。",
        "打造新能源汽车、新材料两个千亿级产业集群。",
        "经济总量位居全省第三。",
        "迈入GDP万亿之城行列。",
        "坚持稳中求进工作总基调，推动高质量发展。",
    ],
)
def test_the_figure_mark_guard_passes_over_only_sentences_without_figures(sentence):
    import copy

    from apps.ingest.pipeline.extract.targets import candidates, rules

    unguarded = copy.copy(rules())
    unguarded.figure_mark = None
    assert candidates(sentence, rules()) == candidates(sentence, unguarded)
    assert bool(rules().figure_mark.search(sentence)) == bool(candidates(sentence, unguarded))


def _scope(county, parent="", province="", level="县"):
    from apps.atlas.divisions import Division
    from apps.ingest.pipeline.extract.targets import scope_for

    class Table:
        def parent(self, division):
            return parents.get(division.adcode)

        def aliases(self, division):
            return ()

        def lookup(self, name):
            return [provinces[name]] if name in provinces else []

    def division(adcode, full, name, level, parent_adcode=None):
        return Division(adcode, full, name, level, province, parent_adcode, None, None)

    subject = division("3", county, county[:-1], level, "2")
    parents = {"3": division("2", parent, parent[:-1], "地级市")}
    provinces = {province: division("1", province + "壮族自治区", province, "省级")}
    return scope_for(subject, Table(), {county, county[:-1]})


def test_a_higher_levels_figures_quoted_in_a_county_article_are_not_the_countys():
    # Shape of county interviews and signing reports (a region's figures quoted first, then the
    # county's; the parent city's totals at a signing, 眉县 2023 news in tests/fixtures/realnews/10).
    scope = _scope("某某县", "某市", "广西")
    text = "今年上半年，全区地区生产总值增长6.5%，某某县增长7.1%。签约仪式上，某市共计7个项目签约，总投资87.05亿元。"
    found = facts(text, scope=scope)
    assert ("地区生产总值增长", Decimal("7.1"), "%") in found or any(v == Decimal("7.1") for _, v, _ in found)
    assert not any(v in (Decimal("6.5"), Decimal("7"), Decimal("87.05")) for _, v, _ in found)


def test_a_higher_level_as_yardstick_or_class_keeps_the_countys_figures():
    # 位居全区第3 and 按照自治区部署 (county news phrasing); 黑龙江省百大项目2个 (克山 2020, realnews/29).
    scope = _scope("某某县", "某市", "广西")
    text = "按照自治区部署，新签约项目12个，规上工业增加值增速位居全区第3位。其中自治区重点项目2个。"
    values = [v for _, v, _ in facts(text, scope=scope)]
    assert Decimal("12") in values and Decimal("2") in values
    # Without a scope (a work report) nothing is left out.
    assert Decimal("6.5") in [v for _, v, _ in facts("全区地区生产总值增长6.5%。")]


def test_an_autonomous_prefectures_own_scope_and_a_provinces_superlative_keep_its_figures():
    # Shapes of a prefecture press conference (文山州 2024, tests/fixtures/realnews_dev4/03, shortened):
    # 全州 is the prefecture itself, and 全省唯一的…企业 names the province as a yardstick.
    scope = _scope("某某自治州", "某某省", "云南", level="地区")
    text = "今年前三季度，全州地区生产总值增长6.3%，排全省第1位。从全省唯一的氧化铝企业发展到全产业循环链，2023年实现铝工业产值567.4亿元。"
    values = [v for _, v, _ in facts(text, scope=scope)]
    assert Decimal("6.3") in values and Decimal("567.4") in values
    # In a county article 全州 is still the parent prefecture's.
    county = _scope("某某县", "某某自治州", "云南")
    assert Decimal("6.3") not in [v for _, v, _ in facts("全州地区生产总值增长6.3%。", scope=county)]


def test_a_project_named_by_capacity_phase_or_size_rank_is_one_project():
    # Signing-report shapes (克山 2020 and 新和 2024 in tests/fixtures/realnews; phrasing shortened):
    # a project named by its yearly capacity, one phase of a project, the largest of a batch.
    assert facts("年产10万吨再生铝项目总投资12亿元，占地200亩。") == []
    assert facts("一期投资8亿元，建设标准化厂房10万平方米。") == []
    assert facts("其中，投资最大的项目为光伏组件项目，投资额20亿元。") == []
    # A batch stays the city's.
    assert ("总投资", Decimal("120"), "亿元") in facts("此次签约项目共15个，总投资120亿元。")
    assert ("年产值超亿元项目", Decimal("12"), "个") in facts("全县年产值超亿元项目12个。")


def test_amount_bands_class_projects_and_their_counts_are_figures():
    # A signing report's breakdown by size (酒泉 2014 news, tests/fixtures/realnews_dev4/19, shortened):
    # both ends of each band are class bounds, each band's count of projects is a figure, a band of one included.
    text = "21个项目中20亿元至30亿元项目有4个，10亿元至20亿元项目有1个，5亿元至10亿元项目有2个。"
    found = facts(text)
    assert sorted(v for _, v, u in found if u == "个") == [Decimal("1"), Decimal("2"), Decimal("4"), Decimal("21")]
    assert not [v for _, v, u in found if u == "亿元"]
    # A group of one that is no band is still one project, with its amounts.
    assert facts("特色板块项目1个，总投资2亿元；") == []


def test_the_count_of_firms_whose_representatives_attend_is_no_figure():
    # 贵州清镇 2025 经济工作会议 page: "83家企业代表位居“C位”"
    assert facts("这次大会共有300余人参加,83家企业代表位居“C位”,成为绝对焦点。") == []
    assert facts("全市新增规上企业83家。") == [("新增规上企业", Decimal("83"), "家")]


def test_a_rank_in_a_list_of_companies_is_the_firms():
    # 江西上饶 2024 round-up: "晶科能源…列中国民营经济500强第83位"
    assert [f for f in facts("某能源列中国民营经济500强第83位。") if f[2] == "位"] == []
    # a list of places ranks the place
    assert facts("位列全国综合实力百强县第20位。") == [("位列全国综合实力百强县", Decimal("20"), "位")]


def test_a_quality_claimed_for_a_product_is_a_specification():
    # 山东泰山 2023 page: "变压器效率高达99.5%以上"
    assert facts("产品处于国际领先水平,变压器效率高达99.5%以上。") == []
    assert facts("全县审批效率提升30%。") == [("审批效率", Decimal("30"), "%")]


def test_a_higher_levels_work_report_states_its_own_figures():
    # 山东博兴 2022 page: "2022年山东政府工作报告指出,以“一链一策”提升42条关键产业链"
    scope = _scope("某某县", "某市", "广西")
    assert facts("广西政府工作报告指出，以一链一策提升42条关键产业链。", scope=scope) == []
    # the region's government as an authority still leaves the county its figures
    assert [v for _, v, _ in facts("在广西政府支持下，新签约项目12个。", scope=scope)] == [Decimal("12")]


def test_a_rank_after_a_rise_a_compound_scope_or_a_first_rank():
    # 江西上饶 2024 round-up and 重庆涪陵 2024 press page
    assert [v for _, v, u in facts("规上工业营业收入历史性跃升至全省第二。") if u == "位"] == [Decimal("2")]
    assert [v for _, v, u in facts("工业年产值位居全市区县第二。") if u == "位"] == [Decimal("2")]
    assert [v for _, v, u in facts("荣登中国外贸百强城市榜单第39名，列全省第一、中部第六。") if u == "位"] == [
        Decimal("39"),
        Decimal("1"),
        Decimal("6"),
    ]
    # an ordinal list of sectors is no rank
    assert [u for _, _, u in facts("第一、第二产业增加值分别增长3%和5%。")] == ["%", "%"]


def test_a_figure_whose_owner_is_ranked_among_companies_is_the_firms():
    # 江西上饶 2024 round-up: "晶科能源营业收入达1110亿元,列中国民营经济500强第83位、全省第一"
    assert facts("某能源营业收入达1110亿元，列中国民营经济500强第83位、全省第一。") == []
    # the place's firms entering such a list are the place's count
    found = facts("全市营业收入达1110亿元，3家企业入选中国民营企业500强。")
    assert [v for _, v, _ in found] == [Decimal("1110"), Decimal("3")]


def test_market_entities_and_specialised_towns_are_counted():
    # 天津西青 2019 work report in dev4 ("新增市场主体16252户"); 山西晋中 2024 ("认定了12个市级专业镇")
    assert facts("新增市场主体16252户，认定了12个市级专业镇。") == [
        ("新增市场主体", Decimal("16252"), "户"),
        ("市级专业镇", Decimal("12"), "个"),
    ]


def test_a_count_of_projects_or_firms_in_words():
    # 新疆乌苏 2021 signing page: "乌苏市共签约两个项目"
    assert values_of("乌苏市共签约两个项目。") == [(Decimal("2"), "个")]
    assert values_of("引进三家龙头企业。") == [(Decimal("3"), "家")]
    # one project, a restatement, a slogan and an ordinal are no count
    assert values_of("签约一个项目。这两个项目进展顺利。开展三个一批活动。第二家企业落户。") == []


def values_of(text):
    return [(v, u) for _, v, u in facts(text)]


def test_a_count_before_de_counts_the_noun_after_it():
    # 贵州清镇 2025 page: "…等6个与经营主体发展密切相关的市直部门及清镇经开区" counts departments
    assert values_of("市发改局、市工信局等6个与经营主体发展密切相关的市直部门全员参会。") == []
    assert values_of("集中开工5个总投资超过10亿元的重大项目。") == [(Decimal("5"), "个")]
    assert values_of("举行5个项目的集中开工仪式。") == [(Decimal("5"), "个")]
