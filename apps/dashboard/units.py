"""How a Target's figure is shown: money in 亿元, percentages, counts and ranks each apart."""

from dataclasses import dataclass
from decimal import Decimal

from apps.atlas.models import Target


@dataclass(frozen=True)
class Family:
    """Figures that can share an axis."""

    key: str
    label: str
    unit: str
    divisor: Decimal


MONEY = Family("money", "金额 amount (亿元)", "亿元", Decimal(10**8))
PERCENT = Family("percent", "比例 share (%)", "%", Decimal(1))
COUNT = Family("count", "数量 count", "", Decimal(1))
RANK = Family("rank", "排名 rank (位)", "位", Decimal(1))
FAMILIES = (MONEY, PERCENT, COUNT, RANK)
FAMILY_OF_BASE_UNIT = {
    Target.BaseUnit.YUAN: MONEY,
    Target.BaseUnit.PERCENT: PERCENT,
    Target.BaseUnit.COUNT: COUNT,
    Target.BaseUnit.RANK: RANK,
}


def family_of(target):
    return FAMILY_OF_BASE_UNIT.get(target.base_unit, COUNT)


def amount(target):
    """(number, unit) on the family's scale: 2000亿元 whether the article wrote 元, 万元 or 亿元."""
    family = family_of(target)
    number = Decimal(target.base_value) / family.divisor
    # Counts keep the measure word the article used (家, 个, 项 …).
    return number, family.unit or ("" if target.unit == "count" else target.unit)


def plain_number(value, places=4):
    """Decimal('15000.0000') → '15,000', Decimal('3.9000') → '3.9'."""
    text = f"{Decimal(value):,.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def human_number(value):
    """A figure for people: Decimal('5000.0000') → '5,000', 52.345 → '52.3', 0.856 → '0.86'.

    Big numbers drop their decimals, middling ones keep one, small ones two; never '5000.0000'.
    """
    value = Decimal(value)
    places = 0 if abs(value) >= 1000 else 1 if abs(value) >= 10 else 2
    return plain_number(round(value, places), places)


def human_amount(base_value, base_unit, unit_as_written=""):
    """A base-unit figure on its family's scale with its unit: '5,000亿元', '52.3%', '2,800家'."""
    family = FAMILY_OF_BASE_UNIT.get(base_unit, COUNT)
    unit = family.unit or ("" if unit_as_written in ("", "count") else unit_as_written)
    return f"{human_number(Decimal(base_value) / family.divisor)}{unit}"
