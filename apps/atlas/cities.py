"""City rows come from the administrative-divisions table, created the first time an article needs one."""
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
    return City.objects.create(
        adcode=adcode, name=division.name, full_name=division.full_name, slug=_free_slug(division, parent),
        name_en=division.name_en, level=division.level, province=division.province, parent=parent,
        longitude=division.longitude, latitude=division.latitude,
    )


def _free_slug(division, parent):
    """kunshan; a second 鼓楼区 becomes gulou-nanjing, then gulou-<adcode>."""
    for slug in (division.slug, f"{division.slug}-{parent.slug}" if parent else None, f"{division.slug}-{division.adcode}"):
        if slug and not City.objects.filter(slug=slug).exists():
            return slug
    raise ValueError(f"no free slug for {division.full_name}")
