"""Targets in the news of project batches (集中开工, 集中签约): how the figures of a batch are
written and which figures are one project's or a class of projects rather than the place's.
Short excerpts come from county news pages of the third development set (origin noted per case),
with the counter-examples beside them."""

from decimal import Decimal

from apps.ingest.pipeline.extract.targets import find_targets


def facts(text, **kwargs):
    return [(t.metric, t.value, t.unit) for t in find_targets(text, **kwargs)]


def values(text, **kwargs):
    return [(t.value, t.unit) for t in find_targets(text, **kwargs)]


def test_an_amount_typeset_with_a_space_before_its_unit_is_read():
    # 安徽全椒 2023 开工 page: "总投资43.52 亿元"
    assert values("其中工业项目4个,总投资43.52 亿元;政府投资类项目2个,总投资0.79亿元。") == [
        (Decimal("4"), "个"),
        (Decimal("43.52"), "亿元"),
        (Decimal("2"), "个"),
        (Decimal("0.79"), "亿元"),
    ]


def test_a_space_without_digits_before_it_makes_no_amount():
    assert values("服务人口达2023 亿人次。") == []
    assert values("共有 亿元项目落地。") == []


def test_a_group_of_one_project_is_that_project_up_to_the_semicolon():
    # 湖南祁东 2020 集中开工 page: four 板块, three of them one project each
    text = (
        "其中工业板块项目6个,总投资15.3亿元,年度计划投资7.8亿元;特色板块项目1个,总投资2亿元,"
        "年度计划投资1亿元;活力板块项目1个,总投资8亿元,年度计划投资3.2亿元。"
    )
    assert values(text) == [(Decimal("6"), "个"), (Decimal("15.3"), "亿元"), (Decimal("7.8"), "亿元")]


def test_one_project_as_a_rate_is_no_count():
    # 江苏沭阳 2021 round-up: "实现平均每3天落地1个亿元项目"
    assert values("实现平均每3天落地1个亿元项目。") == []


def test_a_size_class_holding_one_project_is_still_counted():
    # 江苏泗洪 2023 开工 page
    assert values("其中10亿元以上项目20个,100亿元以上项目1个。") == [(Decimal("20"), "个"), (Decimal("1"), "个")]


def test_a_count_of_one_that_is_not_a_project_stays():
    assert values("新增国家级专精特新小巨人企业1家。") == [(Decimal("1"), "家")]


def test_companies_named_as_examples_of_a_batch_leave_the_batch_its_figures():
    # 河北巨鹿 2019 开工投产 page: each ；-part is read on its own
    text = (
        "其中,台湾科技小镇系列项目等9个项目集中开工,总投资48.82亿元;"
        "河北某某车业有限公司电动车产业园项目等8个项目投产,总投资44.98亿元。"
    )
    assert values(text) == [
        (Decimal("9"), "个"),
        (Decimal("48.82"), "亿元"),
        (Decimal("8"), "个"),
        (Decimal("44.98"), "亿元"),
    ]
    # same page: a signing batch whose examples are a 集团's and a 有限公司's projects
    text = "某某集团宠物食品项目、某某科技有限公司智慧家居科技园项目等58个项目集中签约,总投资120.99亿元。"
    assert values(text) == [(Decimal("58"), "个"), (Decimal("120.99"), "亿元")]


def test_a_company_sentence_without_a_batch_stays_out():
    assert values("河北某某有限公司投资建设的项目总投资5亿元,该公司等3个项目负责人发言。") == []
    assert values("甲科技有限公司等3个项目签约,乙有限公司总投资5亿元。") == []


def test_an_amount_before_de_that_sums_a_counted_batch_is_its_total():
    # 浙江上虞 2020 "三个一批" page
    found = find_targets("活动中,59个总投资超过580亿元的重大项目集中签约、开工、投产。")
    assert [(t.value, t.unit, t.bound) for t in found] == [
        (Decimal("59"), "个", "exact"),
        (Decimal("580"), "亿元", "at_least"),
    ]


def test_an_amount_before_de_without_a_count_is_a_class():
    assert values("一批总投资超过10亿元的项目开工。") == []
    assert values("引进估值超10亿元的企业5家。") == [(Decimal("5"), "家")]


def test_amounts_listed_before_a_project_noun_are_size_classes():
    # 江苏泗洪 2023 开工 page: "…等50亿元、百亿元重特大项目相继落户"
    assert values("新材料、医疗装备、汽车零部件等50亿元、百亿元重特大项目相继落户。") == []
    assert values("引进新材料、医疗装备等10亿元项目。") == []


def test_amounts_listed_with_their_own_metrics_stay():
    assert values("固定资产投资、工业投资分别完成50亿元、30亿元。") == [
        (Decimal("50"), "亿元"),
        (Decimal("30"), "亿元"),
    ]
    assert values("新签约项目总投资50亿元、到位资金30亿元。") == [(Decimal("50"), "亿元"), (Decimal("30"), "亿元")]


def test_output_after_completion_of_a_counted_batch_is_the_batch_s():
    # 广东平远 签约 page (traditional in the original): 此次签约的7个项目…预计建成投产后年产值66.97亿元、年创税收3.5亿元
    text = "此次签约的7个项目涵盖装备制造等领域,计划总投资35.8亿元,预计建成投产后年产值66.97亿元、年创税收3.5亿元。"
    assert values(text) == [
        (Decimal("7"), "个"),
        (Decimal("35.8"), "亿元"),
        (Decimal("66.97"), "亿元"),
        (Decimal("3.5"), "亿元"),
    ]


def test_output_after_completion_of_one_project_stays_out():
    assert values("该项目总投资17.5亿元,建成后年产值15亿元。") == []
    assert values("签约3个项目,其中该项目建成后年产值15亿元。") == [(Decimal("3"), "个")]


def test_a_headline_figure_the_body_never_states_is_read_once():
    # 福建东山 2020 开工 page: the total is in the (repeated) title only
    text = (
        "某县一季度总投资8.5亿元项目集中开工\n\n某县一季度总投资8.5亿元项目集中开工\n\n"
        "3月10日上午,某县举行第一季度项目集中开工仪式。此次集中开工有甲食品、乙物流等8个项目。"
    )
    assert values(text) == [(Decimal("8.5"), "亿元"), (Decimal("8"), "个")]


def test_a_headline_figure_the_body_restates_is_read_from_the_body_only():
    text = "某县9个项目集中开工 总投资26.5亿元\n\n3月3日,某县9个产业项目集中开工,总投资达26.5亿元。"
    found = find_targets(text)
    assert [(t.value, t.unit) for t in found] == [(Decimal("9"), "个"), (Decimal("26.5"), "亿元")]
    assert all(t.evidence.start > text.index("\n") for t in found)


def test_a_project_phase_and_a_product_against_a_standard_are_no_figures_of_the_place():
    # 安徽全椒 开工 page: "一期项目规划建筑面积8.8万平方米"; 山东泰山 签约 page: "负载损耗比国家标准降低15%以上"
    assert values("项目占地约197亩,一期项目规划建筑面积8.8万平方米。") == []
    assert values("产品全方位升级,负载损耗比国家标准降低15%以上。") == []


def test_a_phase_or_a_standard_outside_the_figure_s_clause_changes_nothing():
    assert values("一期工程已经完工,全县固定资产投资增长10%。") == [(Decimal("10"), "%")]
    assert values("按照国家标准,全县新建高标准农田5万亩。") == [(Decimal("5"), "万亩")]


def test_a_total_before_de_and_a_count_of_projects_after_it_is_the_batch_s_total():
    # 湖北秭归 2021 page (realnews_dev2): "共签约总投资近16亿元的10个重大项目"
    text = "2021年一季度,某县共签约总投资近16亿元的10个重大项目,涵盖工业、农业等产业。"
    assert values(text) == [(Decimal("16"), "亿元"), (Decimal("10"), "个")]


def test_a_total_before_de_that_classes_projects_without_a_batch_count_stays_out():
    assert values("引进总投资超10亿元的项目3个。") == [(Decimal("3"), "个")]


def test_a_batch_restated_later_in_the_page_is_one_fact():
    # 湖南祁东 2020 开工 page: lead, then "上述9个产业项目总投资26.5亿元"; 河北元氏 签约 page: "此次签约的8个项目…"
    text = (
        "3月3日,某县9个产业项目集中开工,总投资达26.5亿元。"
        "县长介绍了9个集中开工项目基本情况。上述9个产业项目总投资26.5亿元,年度计划投资12.6亿元。"
    )
    assert values(text) == [(Decimal("9"), "个"), (Decimal("26.5"), "亿元"), (Decimal("12.6"), "亿元")]


def test_two_counts_of_different_projects_that_happen_to_be_equal_stay_two():
    # 陕西洋县 round-up (realnews_dev2)
    text = "新开工建设项目52个,开工率100%。招商引资新签及续建项目52个,引资额达527.86亿元。"
    assert values(text) == [
        (Decimal("52"), "个"),
        (Decimal("100"), "%"),
        (Decimal("52"), "个"),
        (Decimal("527.86"), "亿元"),
    ]


def test_equal_rates_of_different_metrics_stay_two():
    assert values("规上工业增加值增长10%,固定资产投资增长10%。") == [(Decimal("10"), "%"), (Decimal("10"), "%")]


def test_projects_listed_one_after_another_are_a_batch_even_when_one_is_named_by_capacity():
    # 河南桐柏 2020 签约 page: four listed projects, then the batch's contract amount
    text = (
        "某县年产100万吨工业盐项目(月河镇)、某县食用菌菌种生产及加工综合建设项目(埠江镇)"
        "在南阳市主会场进行了集中签约,合同引资额15.3亿元。"
    )
    assert values(text) == [(Decimal("15.3"), "亿元")]
    # a single project named by its capacity keeps its figures to itself
    assert values("年产10万吨再生铝项目总投资12亿元。") == []
