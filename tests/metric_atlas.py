"""Work reports with goals and results year by year, added to the dashboard's test atlas.

A report of year Y states the goals for Y and what Y-1 achieved. The figures are made up but
shaped like the genre: GDP growth "左右" goals, GDP levels "以上", a growth range, an
unemployment rate "以内", one goal revised by a later document, one estimate replaced by the final
figure. `add_metric_cities(atlas, n)` adds n more cities with the same shape, for query counts.
"""

from datetime import date
from decimal import Decimal

from apps.atlas.models import City, Document, Target
from tests.factories import make_city, make_document

A, AL, AM, R = Target.Bound.ABOUT, Target.Bound.AT_LEAST, Target.Bound.AT_MOST, Target.Bound.RANGE

# city → year → [(metric_key, measure, kind, value, unit, bound, value_high, estimated)]
FIGURES = {
    "kunshan": {
        2021: [
            ("gdp", "growth", "target", "7", "%", A, None, False),
            ("gdp", "level", "target", "4500", "亿元", AL, None, False),
        ],
        2022: [
            ("gdp", "growth", "actual", "7.2", "%", "exact", None, False),  # 2021 (reported in 2022)
            ("gdp", "level", "actual", "4700", "亿元", "exact", None, False),
            ("gdp", "growth", "target", "6", "%", A, None, False),
            ("gdp", "level", "target", "4900", "亿元", AL, None, False),
        ],
        2023: [
            ("gdp", "growth", "actual", "5.8", "%", "exact", None, False),  # 5.8 meets "6 左右"
            ("gdp", "level", "actual", "4800", "亿元", "exact", None, False),  # misses 4900
            ("gdp", "growth", "target", "5.5", "%", A, None, False),
            ("gdp", "level", "target", "5000", "亿元", AL, None, False),
            ("surveyed_unemployment", "share", "target", "5", "%", AM, None, False),
        ],
        2024: [
            ("gdp", "growth", "actual", "5.0", "%", "exact", None, False),  # misses "5.5 左右"
            ("gdp", "level", "actual", "5140", "亿元", "exact", None, False),
            ("surveyed_unemployment", "share", "actual", "4.6", "%", "exact", None, False),
        ],
    },
    "wuxi": {
        2021: [
            ("gdp", "growth", "target", "6", "%", AL, None, False),
            ("gdp", "level", "target", "14000", "亿元", AL, None, False),
        ],
        2022: [
            ("gdp", "growth", "actual", "8.8", "%", "exact", None, False),
            ("gdp", "level", "actual", "14003", "亿元", "exact", None, False),
            ("gdp", "growth", "target", "5.5", "%", A, None, False),
            ("gdp", "level", "target", "15000", "亿元", AL, None, False),
        ],
        2023: [
            ("gdp", "growth", "actual", "3.0", "%", "exact", None, False),
            ("gdp", "level", "actual", "14851", "亿元", "exact", None, False),
            ("gdp", "growth", "target", "5", "%", A, None, False),
            ("gdp", "level", "target", "15500", "亿元", AL, None, False),
            ("surveyed_unemployment", "share", "target", "5", "%", AM, None, False),
        ],
        2024: [
            ("gdp", "growth", "actual", "6.0", "%", "exact", None, False),
            ("gdp", "level", "actual", "15456", "亿元", "exact", None, False),
            ("surveyed_unemployment", "share", "actual", "5.3", "%", "exact", None, False),
        ],  # misses 以内 5
    },
    "jiangyin": {
        2022: [
            ("gdp", "growth", "target", "6", "%", R, "6.5", False),
            ("gdp", "level", "target", "4800", "亿元", AL, None, False),
        ],
        2023: [
            ("gdp", "growth", "actual", "6.2", "%", "exact", None, True),  # an estimate …
            ("gdp", "level", "actual", "4754", "亿元", "exact", None, False),
            ("gdp", "growth", "target", "6", "%", A, None, False),
            ("gdp", "level", "target", "5000", "亿元", AL, None, False),
        ],
        2024: [
            ("gdp", "growth", "actual", "6.1", "%", "exact", None, False),
            ("gdp", "level", "actual", "5017", "亿元", "exact", None, False),
        ],
    },
}
# … whose final figure a later document gives for the same year: 2022's growth in the 2023 report.
LATE_FINAL = ("jiangyin", 2023, "gdp", "growth", "actual", "5.9", "%", "exact", None, False)
# 无锡 lowered its 2023 growth goal after the report: a mid-year document states 4.5.
REVISION = ("wuxi", date(2023, 7, 20), 2023, "gdp", "growth", "target", "4.5", "%", A, None, False)


def _report(city, year, published, source_suffix=""):
    text = f"{city.name}{year}年政府工作报告" + source_suffix
    return make_document(
        city, f"{city.slug}/{year}{source_suffix}.md", text, text, published, genre=Document.Genre.WORK_REPORT
    )


def _figure(document, key, measure, kind, value, unit, bound, value_high, estimated, year):
    return Target.objects.create(
        document=document,
        city=document.city,
        fingerprint=f"{key}-{measure}-{kind}-{year}",
        evidence_text=document.title,
        evidence_start=0,
        evidence_end=len(document.title),
        metric={"gdp": "地区生产总值", "surveyed_unemployment": "城镇调查失业率"}[key],
        metric_key=key,
        measure=measure,
        kind=kind,
        value=Decimal(value),
        unit=unit,
        bound=bound,
        value_high=Decimal(value_high) if value_high else None,
        estimated=estimated,
        year=year,
    )


def add_metric_figures(atlas):
    """The FIGURES of 昆山, 无锡, 江阴; a result names the year before its report."""
    for slug, reports in FIGURES.items():
        city = atlas.cities[slug]
        for year, figures in reports.items():
            document = _report(city, year, date(year, 2, 1))
            for key, measure, kind, *rest in figures:
                _figure(document, key, measure, kind, *rest, year=year if kind == "target" else year - 1)
    slug, year, *figure = LATE_FINAL
    _figure(_report(atlas.cities[slug], year, date(year, 3, 15), "-统计公报"), *figure, year=year - 1)
    slug, published, year, *figure = REVISION
    _figure(_report(atlas.cities[slug], year, published, "-年中"), *figure, year=year)
    return atlas


def add_metric_cities(atlas, n):
    """n more cities with a growth goal and result for 2022 and 2023 each; half of them meet it."""
    for i in range(n):
        city = make_city(f"metric-city-{i:03d}", f"指标城{i:03d}", f"Metric City {i:03d}", City.Level.COUNTY)
        for year in (2022, 2023, 2024):
            document = _report(city, year, date(year, 2, 1))
            if year < 2024:
                _figure(document, "gdp", "growth", "target", "6", "%", A, None, False, year=year)
                _figure(document, "gdp", "level", "target", str(1000 + i), "亿元", AL, None, False, year=year)
            if year > 2022:
                _figure(
                    document,
                    "gdp",
                    "growth",
                    "actual",
                    "6.5" if i % 2 else "4",
                    "%",
                    "exact",
                    None,
                    False,
                    year=year - 1,
                )
                _figure(
                    document, "gdp", "level", "actual", str(990 + 2 * i), "亿元", "exact", None, False, year=year - 1
                )
    return atlas
