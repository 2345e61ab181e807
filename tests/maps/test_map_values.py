"""The map's plain-Python parts: which value a city gets, and how the query string is read. No database."""

from datetime import date
from decimal import Decimal
from types import SimpleNamespace

import pytest

from apps.maps.labels import metric_label, metric_names
from apps.maps.selection import METRIC, NONE, TAG, choose_year, select
from apps.maps.values import metric_values


def row(city_id, year, value, unit="亿元", kind="actual", published=date(2024, 3, 1), pk=None, **fields):
    scale = {"亿元": Decimal(10**8), "万亿元": Decimal(10**12)}.get(unit, Decimal(1))
    base_unit = {"亿元": "元", "万亿元": "元", "%": "%"}.get(unit, "count")
    fields = {
        "id": pk or hash((city_id, year, value, kind, published)) % 10**6,
        "city_id": city_id,
        "metric_key": "gdp",
        "measure": "level",
        "kind": kind,
        "year": year,
        "value": Decimal(value),
        "value_high": None,
        "base_value": Decimal(value) * scale,
        "base_unit": base_unit,
        "unit": unit,
        "bound": "exact",
        "estimated": False,
        "document_id": 1,
        "document_date": published,
        **fields,
    }
    return SimpleNamespace(**fields)


def test_each_city_gets_its_result_of_the_year_in_the_family_unit():
    values = metric_values([row(1, 2023, "5140"), row(2, 2023, "1.5", unit="万亿元"), row(1, 2022, "4800")], "actual")
    assert values.unit == "亿元"
    assert values.of_year(2023) == {1: Decimal("5140"), 2: Decimal("15000")}  # 1.5万亿元 on the 亿元 scale
    assert values.of_year(2022) == {1: Decimal("4800")}
    assert values.cities_per_year == {2023: 2, 2022: 1}


def test_goals_and_results_are_kept_apart():
    rows = [row(1, 2025, "6000", kind="target"), row(1, 2023, "5140")]
    assert metric_values(rows, "target").by_year == {2025: {1: Decimal("6000")}}
    assert metric_values(rows, "actual").by_year == {2023: {1: Decimal("5140")}}


def test_a_later_article_wins_over_an_earlier_one_for_the_same_year():
    rows = [
        row(1, 2023, "5100", published=date(2024, 1, 5), pk=1),
        row(1, 2023, "5140", published=date(2024, 3, 1), pk=2),
    ]
    values = metric_values(rows, "actual")
    assert values.of_year(2023) == {1: Decimal("5140")}
    assert values.facts_of(2023) == {1: 2}  # the fact the value is, for its review mark


def test_figures_in_a_minority_unit_are_left_out_and_counted():
    rows = [row(1, 2023, "5140"), row(2, 2023, "15456"), row(3, 2023, "6", unit="%")]
    values = metric_values(rows, "actual")
    assert values.of_year(2023) == {1: Decimal("5140"), 2: Decimal("15456")}
    assert values.dropped == 1


def test_counts_keep_the_measure_word_when_the_articles_agree():
    rows = [row(1, 2023, "2800", unit="家"), row(2, 2023, "300", unit="家")]
    assert metric_values(rows, "actual").unit == "家"
    assert metric_values([*rows, row(3, 2023, "5", unit="个")], "actual").unit == ""


def test_no_rows_give_no_values():
    values = metric_values([], "actual")
    assert values.by_year == {} and values.dropped == 0


# Reading the query string ------------------------------------------------------------------------

METRICS = [
    {"metric_key": "gdp", "measure": "level", "cities": 5},
    {"metric_key": "gdp", "measure": "growth", "cities": 3},
    {"metric_key": "rd-intensity", "measure": "intensity", "cities": 2},
]


def tag(slug, cities):
    return SimpleNamespace(slug=slug, cities=cities)


TAGS = [tag("iot", 1), tag("biomedicine", 4), tag("textiles", 0)]


def test_a_metric_with_its_measure_and_kind():
    selection = select({"metric": "gdp", "measure": "growth", "kind": "target"}, METRICS, TAGS)
    assert (selection.mode, selection.metric_key, selection.measure, selection.kind) == (
        METRIC,
        "gdp",
        "growth",
        "target",
    )
    assert selection.notices == []


def test_a_metric_without_measure_takes_its_most_common_one():
    selection = select({"metric": "gdp"}, METRICS, TAGS)
    assert (selection.measure, selection.kind) == ("level", "actual")


def test_a_measure_the_metric_lacks_falls_back_with_a_notice():
    selection = select({"metric": "rd-intensity", "measure": "level"}, METRICS, TAGS)
    assert selection.measure == "intensity" and len(selection.notices) == 1


def test_a_tag_even_one_no_city_has_yet():
    selection = select({"tag": "textiles"}, METRICS, TAGS)
    assert (selection.mode, selection.tag.slug) == (TAG, "textiles")


def test_unknown_values_are_dropped_with_notices_and_the_default_shown():
    selection = select({"metric": "nope", "tag": "nope", "kind": "both"}, METRICS, TAGS)
    assert (selection.mode, selection.metric_key, selection.kind) == (METRIC, "gdp", "actual")
    assert len(selection.notices) == 3


def test_a_metric_wins_over_a_tag_asked_at_once():
    selection = select({"metric": "gdp", "tag": "iot"}, METRICS, TAGS)
    assert selection.mode == METRIC and selection.tag is None and len(selection.notices) == 1


def test_without_metrics_the_most_widespread_industry_is_shown():
    assert select({}, [], TAGS).tag.slug == "biomedicine"
    assert select({}, [], [tag("textiles", 0)]).mode == NONE


@pytest.mark.parametrize(
    "asked, chosen, notices",
    [
        ("", 2023, 0),  # most cities
        ("2022", 2022, 0),
        ("1999", 2023, 1),  # no figures that year
        ("20x3", 2023, 1),
    ],
)
def test_the_year(asked, chosen, notices):
    selection = select({"metric": "gdp", "year": asked}, METRICS, TAGS)
    choose_year(selection, {2021: 1, 2022: 2, 2023: 3, 2024: 1})
    assert selection.year == chosen and len(selection.notices) == notices


def test_ties_between_years_go_to_the_latest():
    selection = choose_year(select({"metric": "gdp"}, METRICS, TAGS), {2022: 2, 2023: 2})
    assert selection.year == 2023


def test_query_asks_for_the_selection_again():
    selection = choose_year(select({"metric": "gdp"}, METRICS, TAGS), {2023: 1})
    assert selection.query() == {"metric": "gdp", "measure": "level", "kind": "actual", "year": 2023}
    assert select({"tag": "iot"}, METRICS, TAGS).query() == {"tag": "iot"}


# Names -----------------------------------------------------------------------------------------


def test_metric_names_come_from_the_taxonomy_file_when_there_is_one(tmp_path):
    taxonomy = tmp_path / "metrics.json"
    taxonomy.write_text('{"metrics": [{"key": "gdp", "name_zh": "地区生产总值", "name_en": "GDP"}]}', encoding="utf-8")
    names = metric_names(taxonomy)
    assert metric_label("gdp", names) == "地区生产总值 GDP"
    assert metric_label("rd-intensity", names) == "rd-intensity"
    assert metric_names(tmp_path / "missing.json") == {}
