"""The dashboard's test atlas (tests/factories.py) made ready for the map: coordinates and metric keys.

Coordinates are the cities' real ones (from apps/atlas/data/divisions.csv, rounded). Both GDP figures
(昆山 5140亿元, 无锡 15456亿元, 2023) and both R&D intensities get their taxonomy keys; the other figures
stay without one, as the extraction leaves figures that fit no key.
"""

from apps.atlas.models import City, Target

COORDINATES = {
    "kunshan": (120.98, 31.385),
    "wuxi": (120.312, 31.491),
    "jiangyin": (120.285, 31.921),
    "jingjiang": (120.277, 32.015),
    "suzhou": (120.585, 31.299),
    "changzhou": (119.974, 31.811),
    "taizhou": (119.915, 32.485),
}


def place_atlas(atlas):
    for slug, (longitude, latitude) in COORDINATES.items():
        City.objects.filter(slug=slug).update(longitude=longitude, latitude=latitude)
    facts = atlas.facts
    Target.objects.filter(pk__in=[facts["kunshan_gdp"].pk, facts["wuxi_gdp"].pk]).update(
        metric_key="gdp", measure="level"
    )
    Target.objects.filter(pk__in=[facts["kunshan_rd"].pk, facts["wuxi_rd"].pk]).update(
        metric_key="rd-intensity", measure="intensity"
    )
    for city in atlas.cities.values():
        city.refresh_from_db()
    return atlas
