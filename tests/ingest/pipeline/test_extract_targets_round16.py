"""Targets round 16: ranks in a round-up's list of indicators, figures in words or odd units, plans
whose sentence names companies or the parent's list, and counts that are an event's guests. Excerpts
are short and made generic; their origin is noted per case."""

from decimal import Decimal

from apps.ingest.pipeline.extract.targets import find_targets
from tests.ingest.pipeline.test_extract_targets import _scope


def facts(text, **kwargs):
    return [(t.metric, t.value, t.unit) for t in find_targets(text, document_year=2024, **kwargs)]


def values(text, **kwargs):
    return [(f[1], f[2]) for f in facts(text, **kwargs)]


def test_a_rank_of_a_counted_list_of_indicators_holds_for_each_indicator():
    # county round-up (dev9 08): 工业增加值、工业投资、地方一般公共预算收入3项指标增速全市第一
    found = facts(
        "主要指标中，工业增加值、工业投资、财政收入3项指标增速全市第一，社会消费品零售总额、项目投资2项指标增速全市第二。"
    )
    assert sorted(f[1:] for f in found) == [(Decimal(1), "位")] * 3 + [(Decimal(2), "位")] * 2
    assert ("工业投资增速排名", Decimal(1), "位") in found


def test_the_rank_a_place_rose_from_and_the_one_it_rose_to_are_both_ranks():
    # county round-up (dev9 08) and a district profile (dev10 17)
    assert sorted(values("在综合排名中，我县由二季度的第12位上升到第6位。")) == [
        (Decimal(6), "位"),
        (Decimal(12), "位"),
    ]
    assert (Decimal(68), "位") in values("2021年位列全国百强第69位，2022年提升至68位。")


def test_places_gained_in_a_ranking_are_no_rank():
    # a county's year in review (dev9 16): 在全国县域经济百强榜单再进5位，排名第81位
    assert values("全县在全国县域经济百强榜单再进5位，排名第81位。") == [(Decimal(81), "位")]


def test_places_ranked_ahead_of_the_subject_do_not_make_the_sentence_theirs():
    # county round-up (dev9 08): …综合排名全市第四，位居甲区、乙市、丙区之后
    def names_another_place(sentence):
        return "丁区" in sentence.text or "戊市" in sentence.text

    text = "经济指标综合排名全市第四，位居丁区、戊市之后。"
    assert values(text, skip_sentence=names_another_place) == [(Decimal(4), "位")]
    assert values("戊市经济指标综合排名全市第四。", skip_sentence=names_another_place) == []


def test_a_list_of_gaps_in_points_is_dropped_whole():
    # county round-up (dev9 02): 分别高于全市、全省平均增速0.2、5.5个百分点; an investment plan (dev10 18)
    assert values("全县规上工业增加值增长17%，分别高于全市、全省平均增速0.2、5.5个百分点。") == [(Decimal(17), "%")]
    assert values("全县完成投资115.6亿元，超过序时进度7个百分点。") == [(Decimal("115.6"), "亿元")]


def test_amounts_and_quantities_written_in_words_or_odd_units():
    # dev9 20 (37亿多元), dev9 21 (56.8亿度), dev9 22 (六个百亿产业，七百亿投资), dev10 03 (三百亿级)
    assert (Decimal(37), "亿元") in values("上半年全市完成生产总值37亿多元，增长7.3%。")
    assert (Decimal("56.8"), "亿度") in values("全区工业用电量56.8亿度，同比增长17.2%。")
    found = values("打造六个百亿产业，完成七百亿投资。")
    assert sorted(found) == [(Decimal(6), "个"), (Decimal(100), "亿元"), (Decimal(700), "亿元")]
    assert values("围绕装备制造、食品医药五个三百亿级工业集群开展招商。") == [(Decimal(300), "亿元")]


def test_a_total_before_its_batch_with_wei():
    # a prefecture's investment fair (dev11 06): 推出投资总额为1752亿元的221个重大项目
    assert sorted(values("全州推出投资总额为1752亿元的221个重大项目。")) == [
        (Decimal(221), "个"),
        (Decimal(1752), "亿元"),
    ]


def test_firms_that_attended_or_were_visited_are_no_figure():
    # a city's investment tour (dev10 19)
    assert values("召开座谈会，参会企业50家，其中邀请企业18家。") == []
    assert values("一行考察拜访目标企业6家，洽谈意向合作项目3个。") == [(Decimal(3), "个")]
    assert values("全县新签约企业12家。") == [(Decimal(12), "家")]


def test_the_largest_project_of_a_batch_is_one_project():
    # a county's project list (dev10 08): 最大的项目为…项目，计划总投资23.3亿元
    found = values("新签约项目9个，计划总投资36.8亿元，最大的项目为某片区改造建设项目，计划总投资23.3亿元。")
    assert (Decimal("23.3"), "亿元") not in found and (Decimal("36.8"), "亿元") in found


def test_a_batch_counted_after_its_noun_in_a_sentence_of_companies():
    # a banner's spring works (dev11 02): …有限公司煤炭铁路专用线等项目18个，预计上半年…
    text = "5月份计划开复工公路工程、某某商贸有限公司铁路专用线等项目18个，预计上半年实现开复工率98%，完成投资22亿元。"
    assert sorted(values(text)) == [(Decimal(18), "个"), (Decimal(22), "亿元"), (Decimal(98), "%")]


def _county_scope():
    """The scope of a made-generic county 甲县 in the prefecture-level 乙市 (乙市 and 全市 are higher)."""
    return _scope("甲县", "乙市", "丙省")


def test_the_lead_clause_of_a_company_sentence_that_names_the_subject_is_its_batch():
    # a banner's spring works (dev11 02): 全旗春季集中开复工项目15个，今天开工现场为甲有限公司…项目，总投资280亿元
    text = "他说，全县春季集中开复工项目15个，今天开工现场为某某化学工业有限公司煤制乙二醇项目，总投资280亿元。"
    assert values(text, scope=_county_scope()) == [(Decimal(15), "个")]


def test_a_count_on_the_parents_list_is_the_subjects():
    # a county's investment (dev11 04): 列入全市投资项目清单51个
    found = values(
        "全县计划今年实施重点建设项目151个，列入全市投资项目清单51个，估算总投资179.28亿元。", scope=_county_scope()
    )
    assert (Decimal(51), "个") in found and (Decimal("179.28"), "亿元") in found


def test_a_place_in_brackets_inside_a_parks_name_is_no_scope():
    # a county's work report in the news (dev9 17): 中国(德州)农业食品创新产业园新签约9个项目
    found = values("中国(乙市)农业食品创新产业园新签约9个项目，8个研发平台落地。", scope=_county_scope())
    assert sorted(found) == [(Decimal(8), "个"), (Decimal(9), "个")]
