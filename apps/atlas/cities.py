"""City rows come from the administrative-divisions table, created the first time an article needs one.

Two ingests may need the same new city at once: creation runs in a savepoint, and a
unique-constraint conflict means the other one won, so its row is read back.
"""

from django.db import IntegrityError, transaction

from .divisions import load_divisions
from .models import City


def city_for_adcode(adcode):
    """The City for a division code, creating it (and its parent cities) on first use."""
    city = City.objects.filter(adcode=adcode).first()
    if city:
        return city
    divisions = load_divisions()
    division = divisions.by_adcode[adcode]
    parent_division = divisions.parent(division)
    parent = city_for_adcode(parent_division.adcode) if parent_division else None
    for slug in _slugs(division, parent):
        try:
            with transaction.atomic():
                return City.objects.create(
                    adcode=adcode,
                    name=division.name,
                    full_name=division.full_name,
                    slug=slug,
                    name_en=division.name_en,
                    level=division.level,
                    province=division.province,
                    parent=parent,
                    longitude=division.longitude,
                    latitude=division.latitude,
                )
        except IntegrityError:
            city = City.objects.filter(adcode=adcode).first()
            if city:  # created by a concurrent ingest
                return city
            # else the slug belongs to another city of the same name: try the next one
    raise ValueError(f"no free slug for {division.full_name}")


def _slugs(division, parent):
    """kunshan; a second 鼓楼区 becomes gulou-nanjing, then gulou-<adcode>."""
    candidates = (
        division.slug,
        f"{division.slug}-{parent.slug}" if parent else None,
        f"{division.slug}-{division.adcode}",
    )
    return [slug for slug in dict.fromkeys(candidates) if slug]
