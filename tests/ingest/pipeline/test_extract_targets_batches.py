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
