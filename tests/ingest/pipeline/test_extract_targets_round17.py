"""Targets round 17, from a precision audit of fresh county and city pages: one project's figures
in a sentence that opens with that project, firms a visit called on, more ways to write a growth
rate's gap, a rounded headline, and metrics cut short (两年平均, GDP可). Excerpts are short; their
origin is noted per case."""

from decimal import Decimal

from apps.ingest.pipeline.extract.targets import find_targets


def facts(text, **kwargs):
    return [(t.metric, t.value, t.unit) for t in find_targets(text, document_year=2024, **kwargs)]


def values(text, **kwargs):
    return [(f[1], f[2]) for f in facts(text, **kwargs)]


def test_a_sentence_that_opens_with_one_named_project_states_that_projects_figures():
    # http://m.av069.com/special/xiangmu2/xmkx/2015-10-24/514759.html (a city's project tour)
    assert values("某尾矿综合利用项目，总投资1.92亿元，设计日处理尾矿1.2万吨，年产值1.2亿元、利税1600万元。") == []
    # http://61.185.136.75/slrb/20230615/html/content_20230615001001.htm: a bare 项目 goes back to it
    assert values("项目总投资额4.3亿元，建成后预计亩均年产值1340万元。") == []
    # a batch names its count: its total is the city's figure
    assert values("本次集中开工项目13个，总投资105亿元。") == [(Decimal(13), "个"), (Decimal(105), "亿元")]


def test_a_project_with_one_site_or_done_after_completion_is_one_project():
    # http://www.ikaaw.com/news/show.php?itemid=27819 and https://bilezu.com/html/482598066.html
    assert values("某茶园康养项目位于某镇某村，拟投资3亿元。") == []
    assert values("项目全部完成投资竣工后，形成年平均税收约2280万元。") == []


def test_the_firms_of_a_visits_list_are_no_count_of_the_places_firms():
    # http://bbgsl.bb.ah.cn/bzxw/9965771.html
    assert values("调研组先后走访了甲新能源、乙铝业、丙纺织等54家企业，共收集问题18个。") == []
    # http://m.zhengli168.com/News/show/20961.html
    assert values("县委书记先后接待了甲环保、乙科技和丙化工等11家企业。") == []


def test_more_ways_to_write_a_growth_rates_gap():
    # http://only-stars.com/?shaoyang/stjfx/202312/43a8ac8d2cad43ac85ac3cf705eb7958.shtml
    assert (Decimal("0.1"), "个百分点") not in values("全市制造业增加值同比增长5.8%，比全市规模工业快0.1个百分点。")
    # http://www.skymaimai.com.cn/News/download/1601734.html
    assert (Decimal("6.6"), "个百分点") not in values("全县固定资产投资同比增长11.6%，增速高出全市6.6个百分点。")


def test_a_two_year_average_and_a_modal_verb_leave_the_metric_whole():
    # http://m.fqjz1.com/gongkai/show/b537f184e2d45f3e4c51725f0f77e5ad.html
    found = facts("全县规模以上工业增加值同比增长10.2%，两年平均增长6.1%。")
    assert ("规模以上工业增加值", Decimal("6.1"), "%") in found
    # http://tupiankp120.com/a/258902.html
    assert ("GDP", Decimal(140), "亿元") in facts("预计全县GDP可实现140亿元。")


def test_a_headlines_rounded_figure_restates_the_body():
    # https://bilezu.com/html/482598066.html: the headline's 约20亿元 is the body's 19.92亿元
    text = "某县签约六大项目 总投资约20亿元\n本次6大项目共签约投资达19.92亿元。\n"
    assert values(text) == [(Decimal("19.92"), "亿元")]


def test_an_amount_each_member_of_a_class_passes_is_no_figure():
    # http://yc.cnhubei.com/ycyw/201812/t4206412.shtml
    assert (Decimal(5000), "万元") not in values("从投资规模来看，26个项目投资额均超过5000万元。")


def test_a_yearly_average_growth_keeps_the_metric_of_its_clause():
    # http://www.linxiang.gov.cn/24733/24759/62974/content_1841160.html
    found = facts("到“十四五”末，全市生产总值突破500亿元，年均递增10.4%。")
    assert ("生产总值", Decimal("10.4"), "%") in found


def kinds(text, **kwargs):
    return [(t.metric, t.kind, t.year) for t in find_targets(text, document_year=2021, **kwargs)]


def test_a_list_closed_by_its_goal_states_goals():
    # http://old.zh-hz.com/dz/html/2010-06/08/content_35713.htm
    found = kinds("县委县政府确定了重点发展烟叶6万亩、蔬菜10万亩、核桃基地50万亩的目标。")
    assert {k for _, k, _ in found} == {"target"}
    assert {k for _, k, _ in kinds("全县顺利完成了地区生产总值增长8%的目标。")} == {"actual"}


def test_an_item_of_a_list_of_goals_is_a_goal_of_the_lists_deadline():
    # http://www.linxiang.gov.cn/24733/24759/62974/content_1841160.html
    text = (
        "报告指出，“六个明显提升”具体目标为：\n"
        "一是经济实力明显提升。到“十四五”末，全市生产总值突破500亿元。\n"
        "三是城乡治理能力明显提升。常住人口城镇化率达到65%左右。\n"
    )
    assert ("常住人口城镇化率", "target", 2025) in kinds(text)
    review = "一是经济实力明显提升。全市生产总值突破500亿元。\n二是城乡治理能力明显提升。常住人口城镇化率达到65%。\n"
    assert ("常住人口城镇化率", "target", 2025) not in kinds(review)
