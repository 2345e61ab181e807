"""One colour per city, the same on every page and chart.

The colour comes from the city's adcode (its slug when it has none) through a stable hash, so
it never depends on which cities a page happens to show or in which order. The palette is Paul
Tol's "muted" scheme: nine colours told apart with the common forms of colour blindness
(https://personal.sron.nl/~pault/). Two cities may share a colour; the charts therefore also
name each city on an axis or in a legend, never by colour alone.
"""

import zlib

PALETTE = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")


def city_color(city):
    """'#rrggbb' for a City (or anything with `adcode` and `slug`)."""
    key = getattr(city, "adcode", None) or getattr(city, "slug", "") or ""
    return PALETTE[zlib.crc32(key.encode("utf-8")) % len(PALETTE)]


def color_class(city):
    """'city-color-N', N the colour's place in PALETTE: static/css/atlas.css styles each (no inline styles)."""
    return f"city-color-{PALETTE.index(city_color(city))}"
