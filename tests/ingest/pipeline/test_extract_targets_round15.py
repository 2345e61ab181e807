"""Targets round 15: how statistics round-ups print figures (signed growths, herd counts, gaps
in percentage points). Excerpts are short and made generic; their origin is noted per case."""

from decimal import Decimal

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.extract.targets import find_targets
from apps.ingest.pipeline.normalize import normalize


def facts(text):
    return [(t.metric, t.value, t.unit) for t in find_targets(text, document_year=2024)]


def test_a_growth_printed_with_a_minus_sign_is_a_signed_decline_and_its_line_is_kept():
    # county statistics bureau's half-year round-up (dev8 02): 比上年同期增长-8.7%
    text = "二季度全县地区生产总值为143万元，按不变价格计算，比上年同期增长-8.7%，较一季度(-10.8%)回升2.1个百分点。其中，第二产业增加值增长-12.7%。"
    values = [(t.value, t.unit) for t in extract(normalize(text)).targets]
    assert (Decimal("-8.7"), "%") in values
    assert (Decimal("-12.7"), "%") in values
    assert (Decimal("2.1"), "个百分点") not in values  # a change against the first quarter


def test_a_range_and_a_market_quote_stay_unsigned():
    assert [f[1] for f in facts("全市生产总值增长7-7.5%。")] != [Decimal("-7.5")]
    assert all(f[1] > 0 for f in facts("全市生产总值增长7-7.5%。"))


def test_herds_counted_one_by_one_are_figures():
    # county round-ups (dev8 02, 19): 生猪出栏52670头, 家禽出栏700500只
    found = facts("全县生猪出栏52670头，增长6.8%；家禽出栏700500只。")
    assert ("生猪出栏", Decimal("52670"), "头") in found
    assert any(f[1:] == (Decimal("700500"), "只") for f in found)


def test_percentage_points_that_compare_a_sector_or_a_quarter_are_no_figures():
    # county statistics note (dev7 06): pulls and gaps against the county's own total
    found = facts("全县规上工业增加值增长5.2%，拉动全县规上工业增加值增速2.4个百分点，降幅较一季度收窄16.3个百分点。")
    assert [f[2] for f in found] == ["%"]


def test_a_growth_rates_gap_to_another_level_or_to_last_year_is_no_figure():
    # city and county round-ups (dev6 15, dev8 14/15/19); the gold convention settled in round targ16
    found = facts(
        "全市地区生产总值增长8.7%，同比提高1.2个百分点，增幅高于全国1.7个百分点，高于全省0.5个百分点。"
        "固定资产投资增长16.5%，高于全市平均水平6.5个百分点。"
    )
    assert [f[2] for f in found] == ["%", "%"]


def test_a_share_that_changes_by_points_is_a_figure_even_against_last_year():
    # district round-up (dev4 17): 税收占比提高8.2个百分点; an intensity compared with last year
    found = facts("一般公共预算收入完成102亿元，税收占比提高8.2个百分点，研发投入强度比上年提高0.3个百分点。")
    assert [f[1:] for f in found if f[2] == "个百分点"] == [(Decimal("8.2"), "个百分点"), (Decimal("0.3"), "个百分点")]


def test_a_base_year_value_written_with_its_year_is_a_figure_of_that_year():
    # a prefecture's 非凡十年 press release (dev6 19): 由2011年的X增加到2021年的Y
    found = find_targets("全州地区生产总值由2011年的26.15亿元增加到2021年的50.2亿元。", document_year=2022)
    assert [(t.value, t.kind, t.year) for t in found if t.value == Decimal("26.15")] == [
        (Decimal("26.15"), "actual", 2011)
    ]
    assert any(t.value == Decimal("50.2") and t.year == 2021 for t in found)


def test_a_base_value_without_a_year_stays_an_attribute():
    found = find_targets("专精特新企业数量由30家增至120家。", document_year=2024)
    assert [t.value for t in found] == [Decimal("120")]


def test_a_figure_on_the_line_after_its_metric_is_read_with_it():
    # a county press release set as a card (dev7 18): 完成地区生产总值 / 361.56亿元、增长6.3%
    found = facts("全县完成地区生产总值\n\n361.56亿元、增长6.3%\n\n今年1-2月\n\n新增企业个数全市第1\n")
    assert any(f[1:] == (Decimal("361.56"), "亿元") and "地区生产总值" in f[0] for f in found)
    assert any(f[1:] == (Decimal("6.3"), "%") for f in found)


def test_a_date_line_after_a_headline_is_not_joined():
    found = facts("全县项目集中开工\n2024年5月8日，全县集中开工项目12个。")
    assert [f[1:] for f in found] == [(Decimal("12"), "个")]
