"""One colour per city, told apart where cities share a chart (apps/dashboard/colors.py)."""

import re
from itertools import permutations
from types import SimpleNamespace

from django.template import Context, Template

from apps.dashboard.colors import PALETTE, CityColors, city_color, own_index


def city(adcode):
    return SimpleNamespace(adcode=adcode, slug=f"city-{adcode}")


def colliding(count, start=320000):
    """`count` made-up adcodes whose own colour is the same palette entry."""
    found, code = [], start
    while len(found) < count:
        code += 1
        if own_index(city(str(code))) == own_index(city(str(start + 1))):
            found.append(city(str(code)))
    return found


def test_five_cities_with_one_colour_get_five_colours_the_first_by_adcode_keeps_its_own():
    cities = colliding(5)
    colors = CityColors(cities)
    assert len({colors(c) for c in cities}) == 5
    assert colors(cities[0]) == city_color(cities[0])  # lowest adcode
    # The others take the next free colours of the palette, in adcode order.
    first = own_index(cities[0])
    assert [colors(c) for c in cities[1:]] == [PALETTE[(first + step) % len(PALETTE)] for step in range(1, 5)]


def test_the_same_cities_in_any_order_get_the_same_colours():
    cities = colliding(3) + [city("110000"), city("440300")]
    expected = {c.adcode: CityColors(cities)(c) for c in cities}
    for order in permutations(cities):
        colors = CityColors(order)
        assert {c.adcode: colors(c) for c in order} == expected


def test_a_city_alone_or_uncontested_keeps_its_own_colour():
    alone = city("320583")
    assert CityColors([alone])(alone) == city_color(alone)
    assert CityColors()(alone) == city_color(alone)  # not among the cities given: its own
    # A city whose colour nobody else claims keeps it even when a moved city could have taken it.
    pair = colliding(2)
    taken_next = PALETTE[(own_index(pair[0]) + 1) % len(PALETTE)]
    neighbour = next(city(str(c)) for c in range(100000, 200000) if city_color(city(str(c))) == taken_next)
    colors = CityColors(pair + [neighbour])
    assert colors(neighbour) == city_color(neighbour)
    assert len({colors(c) for c in pair + [neighbour]}) == 3


def test_past_nine_cities_colours_repeat_but_the_first_nine_differ():
    cities = colliding(12)
    colors = CityColors(cities)
    assert len({colors(c) for c in cities}) == len(PALETTE)
    assert all(colors(c) in PALETTE for c in cities)


def test_the_swatch_class_follows_the_pages_colours():
    pair = colliding(2)
    template = Template("{% load atlas %}{{ a|city_color_class }} {{ b|city_color_class:city_colors }}")
    own, moved = template.render(Context({"a": pair[1], "b": pair[1], "city_colors": CityColors(pair)})).split()
    assert own == f"city-color-{own_index(pair[1])}" and moved == f"city-color-{(own_index(pair[0]) + 1) % 9}"


def test_compare_gives_colliding_cities_different_colours_on_legend_and_charts(client, atlas):
    from tests.metric_atlas import add_metric_figures

    metrics = add_metric_figures(atlas)
    wuxi, jiangyin = metrics.cities["wuxi"], metrics.cities["jiangyin"]
    assert city_color(wuxi) == city_color(jiangyin)  # the test atlas's pair that hash alike
    response = client.get("/compare/?cities=wuxi,jiangyin")
    content = response.content.decode()
    legend = re.search(r'<p class="legend">(.*?)</p>', content, re.S).group(1)
    swatches = re.findall(r"city-swatch (city-color-\d)", legend)
    assert len(swatches) == 2 and swatches[0] != swatches[1]
    colors = CityColors([wuxi, jiangyin])
    assert swatches == [colors.css_class(wuxi), colors.css_class(jiangyin)]
    assert response.context["metric_charts"]
    for chart in response.context["metric_charts"]:
        by_city = {}  # result bars carry the city's colour; goal markers are ink for every city
        for trace in chart.figure["data"]:
            if trace["name"].endswith("实际"):
                by_city.setdefault(trace["name"].split()[0], set()).add(trace["marker"]["color"])
        assert by_city == {"无锡": {colors(wuxi)}, "江阴": {colors(jiangyin)}}
