"""Targets round 18: ranks within a named scope, ranks of growth listed with 均, top-N rank goals, and what a
batch of projects would yield. Excerpts are short; origins are dev pages (realnews_dev12, realnews_dev13)."""

from decimal import Decimal

from apps.ingest.pipeline.extract.targets import find_targets


def facts(text):
    return [(t.metric, t.value, t.unit, t.kind) for t in find_targets(text)]


def test_a_rank_in_a_named_city_with_its_metric():
    # realnews_dev12 07 (济南 莱芜区), simplified
    found = facts("2024年，莱芜区工业总产值实现1307亿元，总量居济南市第二位。")
    assert found[-1][1:3] == (Decimal("2"), "位")
    assert found[-1][0].endswith("工业总产值济南市排名")


def test_growth_ranks_listed_with_jun_give_one_rank_each():
    # realnews_dev12 01 (衡南)
    found = facts("其中，地方一般公共预算收入、规模工业增加值增速均居全市七县(市)第二。")
    assert [(m, v, u) for m, v, u, _ in found] == [
        ("地方一般公共预算收入增速全市七县(市)排名", Decimal("2"), "位"),
        ("规模工业增加值增速全市七县(市)排名", Decimal("2"), "位"),
    ]


def test_a_top_n_rank_goal():
    # realnews_dev13 18 (乐清)
    assert facts("锚定全国县域经济前十强的目标，以最发达县市为标兵。") == [
        ("全国县域经济排名", Decimal("10"), "位", "target")
    ]
    assert facts("成功跻身全国百强县。") == []


def test_what_a_batch_would_yield_is_not_the_places_figure():
    # realnews_dev13 22 (弋阳)
    found = facts("其中，开工项目15个，总投资40.28亿元，项目达产达标后，可实现年销售收入83.2亿元、利税17.77亿元。")
    assert [(v, u) for _, v, u, _ in found] == [(Decimal("15"), "个"), (Decimal("40.28"), "亿元")]


def test_a_metric_that_begins_with_ju_is_no_rank_verb():
    assert facts("居民收入居全省第三。") == [("居民收入全省排名", Decimal("3"), "位", "actual")]
