"""The metric taxonomy (apps/atlas/data/metrics.json): every entry's examples map to it through
find_targets, its counter-examples do not, and the look-up is built once."""

import json
from decimal import Decimal

import pytest

from apps.atlas.metrics import METRICS_FILE, classify, metric_index
from apps.ingest.pipeline.extract.targets import find_targets

TAXONOMY = json.loads(METRICS_FILE.read_text(encoding="utf-8"))
ENTRIES = TAXONOMY["metrics"]
MEASURES = set(TAXONOMY["measures"])

REQUIRED = {
    "gdp",
    "industrial_value_added",
    "industrial_output",
    "budget_revenue",
    "fixed_asset_investment",
    "industrial_investment",
    "retail_sales",
    "foreign_trade",
    "utilized_foreign_capital",
    "rd_intensity",
    "high_tech_enterprises",
    "high_tech_industry_share",
    "strategic_emerging_output",
    "strategic_emerging_share",
    "digital_economy_core_share",
    "enterprises_above_size",
    "specialized_sme",
    "listed_companies",
    "cluster_size_class",
    "urban_income",
    "rural_income",
    "new_urban_jobs",
    "surveyed_unemployment",
    "cpi",
    "energy_intensity",
    "urbanization_rate",
}


def test_taxonomy_covers_the_metrics_reports_set_goals_for():
    assert {e["key"] for e in ENTRIES} >= REQUIRED


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e["key"])
def test_every_entry_is_complete(entry):
    assert entry["name_zh"] and entry["name_en"] and entry["why"]
    assert entry["measure"] in MEASURES
    assert entry["examples"], "each entry needs an example the tests run"


EXAMPLES = [(e["key"], text, measure) for e in ENTRIES for text, measure in e["examples"]]
COUNTER = [(e["key"], text) for e in ENTRIES for text in e["counter_examples"]]


@pytest.mark.parametrize("key, text, measure", EXAMPLES, ids=[f"{k}:{t}" for k, t, _ in EXAMPLES])
def test_examples_map_to_their_entry(key, text, measure):
    [fact] = find_targets(text + "。")
    assert (fact.metric_key, fact.measure) == (key, measure)


@pytest.mark.parametrize("key, text", COUNTER, ids=[f"{k}:{t}" for k, t in COUNTER])
def test_counter_examples_do_not(key, text):
    assert all(fact.metric_key != key for fact in find_targets(text + "。"))


@pytest.mark.parametrize(
    "text, expected",
    [
        ("地区生产总值增长6%左右", ("gdp", "growth", Decimal("6"), "%", "about", None)),
        ("一般公共预算收入增长5%以上", ("budget_revenue", "growth", Decimal("5"), "%", "at_least", None)),
        # A fall is a growth with a negative value, so growth figures compare on one scale.
        ("单位地区生产总值能耗下降3%", ("energy_intensity", "growth", Decimal("-3"), "%", "exact", None)),
        ("研发经费投入强度达到3.2%", ("rd_intensity", "intensity", Decimal("3.2"), "%", "exact", None)),
        ("地区生产总值增长6%—6.5%", ("gdp", "growth", Decimal("6"), "%", "range", Decimal("6.5"))),
        ("城镇调查失业率控制在5.5%以内", ("surveyed_unemployment", "share", Decimal("5.5"), "%", "at_most", None)),
        ("单位地区生产总值能耗下降3%以上", ("energy_intensity", "growth", Decimal("-3"), "%", "at_most", None)),
    ],
)
def test_issue_table(text, expected):
    [fact] = find_targets(text + "。")
    assert (fact.metric_key, fact.measure, fact.value, fact.unit, fact.bound, fact.value_high) == expected


def test_a_metric_nothing_fits_stays_unmapped():
    assert classify("为民办实事项目年均投资额", "亿元")[0] == ""
    [fact] = find_targets("为民办实事项目年均投资额41.7亿元。")
    assert (fact.metric, fact.metric_key, fact.measure) == (
        "为民办实事项目投资额",
        "",
        "level",
    )  # 年均 is no part of a metric


def test_longest_synonym_wins():
    index = metric_index()
    assert index.lookup("单位地区生产总值能耗").key == "energy_intensity"
    assert index.lookup("人均地区生产总值").key == "gdp_per_capita"
    assert index.lookup("新增规上工业企业").key == "enterprises_above_size"
    assert index.lookup("高新技术产业产值占规上工业总产值比重").key == "high_tech_industry_share"
    assert index.lookup("信访总量") is None


def test_lookup_is_built_once_per_process():
    assert metric_index() is metric_index()


def test_what_a_share_is_taken_of_is_not_the_metric():
    index = metric_index()
    assert index.lookup("制造业增加值占GDP比重").key == "manufacturing_share"
    assert index.lookup("工业对GDP贡献率") is None
    assert index.lookup("物流总费用占GDP比重") is None
