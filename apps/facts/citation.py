"""A one-line summary of a fact, and the citation line a reader can copy."""

from decimal import Decimal

from apps.atlas.models import IndustryCluster, Meeting, Official, Target

SITE_NAME = "城市产业战略图谱"


def plain_number(value):
    """Decimal('15000.0000') → '15000', Decimal('1.5000') → '1.5'."""
    text = f"{Decimal(value):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def figure(target):
    unit = "" if target.unit == "count" else target.unit
    if target.value_high is not None:
        return f"{plain_number(target.value)}–{plain_number(target.value_high)}{unit}"
    return f"{plain_number(target.value)}{unit}"


def fact_summary(fact):
    """'昆山 · 工业总产值 1.5万亿元（目标 2027）': the city, then what the fact says."""
    if isinstance(fact, Target):
        kind = "目标" if fact.kind == Target.Kind.TARGET else "实际"
        estimate = " 预计" if fact.estimated else ""
        what = f"{fact.metric} {figure(fact)}（{kind}{f' {fact.year}' if fact.year else ''}{estimate}）"
    elif isinstance(fact, Meeting):
        what = f"{fact.date.isoformat() if fact.date else '日期不详'} {fact.name}"
    elif isinstance(fact, IndustryCluster):
        what = f"{fact.get_tier_display().split()[0]}产业 {fact.name}"
    elif isinstance(fact, Official):
        what = f"{fact.title}{fact.name}"
    else:
        raise TypeError(f"not a fact: {fact!r}")
    return f"{fact.city.name} · {what}"


def citation(fact, url):
    """城市产业战略图谱. "<summary>". 来源: <title>, <publisher>, <date>. <url>. Accessed via the atlas"""
    document = fact.document
    source = ", ".join(
        part
        for part in (
            document.title or document.source,
            document.publisher,
            document.published.isoformat() if document.published else "",
        )
        if part
    )
    return f'{SITE_NAME}. "{fact_summary(fact)}". 来源: {source}. {url}. Accessed via the atlas'
