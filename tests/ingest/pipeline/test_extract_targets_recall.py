"""Targets round 14: shapes of local news that state a city's figure in other words than the
dev pages did (amounts with 多/余, running totals, subsidies paid out, counts in rescued parts of
round-up sentences). Excerpts are short and made generic; their origin is noted per case."""

from decimal import Decimal

from apps.ingest.pipeline.extract.targets import find_targets


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
