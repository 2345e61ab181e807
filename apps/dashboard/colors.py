"""One colour per city, the same on every page and chart.

Each city has its own colour, from its adcode (its slug when it has none) through a stable hash,
so it never depends on which cities a page happens to show or in which order. The palette is
Paul Tol's "muted" scheme: nine colours told apart with the common forms of colour blindness
(https://personal.sron.nl/~pault/).

Nine colours for hundreds of cities means two cities often hash to the same one (two of five
cities collide about three times in four). Where several cities share a chart or a page,
`CityColors` resolves that: every city whose own colour no other city on the chart claims keeps
it; of cities claiming one colour, the first by adcode keeps it and the others move to the next
free colour of the palette, again taken in adcode order. The result depends only on the set of
cities, never on their order. Past nine cities colours must repeat, so the charts also name each
city on an axis or in a legend, never by colour alone.
"""

import zlib

PALETTE = ("#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677", "#882255", "#AA4499")


def city_key(city):
    """What identifies a city for its colour: its adcode, else its slug."""
    return getattr(city, "adcode", None) or getattr(city, "slug", "") or ""


def _hashed(key):
    return zlib.crc32(key.encode("utf-8")) % len(PALETTE)


def own_index(city):
    """The city's own place in PALETTE, whatever else is shown."""
    return _hashed(city_key(city))


def city_color(city):
    """'#rrggbb' for a City (or anything with `adcode` and `slug`) shown on its own."""
    return PALETTE[own_index(city)]


def color_class(city):
    """'city-color-N', N the colour's place in PALETTE: static/css/atlas.css styles each (no inline styles)."""
    return f"city-color-{own_index(city)}"


def resolve_indexes(cities):
    """{city key: place in PALETTE} for cities shown together, no two alike while the palette lasts."""
    keys = sorted({city_key(city) for city in cities})
    own = {key: _hashed(key) for key in keys}
    resolved, moved = {}, []
    for key in keys:  # adcode order: the first claimant of a colour keeps it
        if own[key] in resolved.values():
            moved.append(key)
        else:
            resolved[key] = own[key]
    for key in moved:
        taken = set(resolved.values())
        if len(taken) >= len(PALETTE):
            resolved[key] = own[key]  # more cities than colours: repeat the city's own
            continue
        index = own[key]
        while index in taken:
            index = (index + 1) % len(PALETTE)
        resolved[key] = index
    return resolved


class CityColors:
    """The colours of the cities on one chart or page: `colors(city)` → '#rrggbb', `colors.css_class(city)`.

    A city not among those given (or any city, with none given) gets its own colour.
    """

    do_not_call_in_templates = True  # templates pass it to city_color_class, not call it

    def __init__(self, cities=()):
        self.indexes = resolve_indexes(cities)

    def index(self, city):
        return self.indexes.get(city_key(city), own_index(city))

    def __call__(self, city):
        return PALETTE[self.index(city)]

    def css_class(self, city):
        return f"city-color-{self.index(city)}"
