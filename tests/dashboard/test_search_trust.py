"""Search over what a visitor types: metrics by any of their names, years, values, and a city's officials."""

from apps.atlas.models import Target


def results(client, query, **params):
    response = client.get("/search/", {"q": query, **params})
    assert response.status_code == 200
    return response.context["results"], response.content.decode()


def test_a_metric_is_found_by_its_english_chinese_and_synonym_names(client, atlas):
    for query in ["GDP", "地区生产总值", "gross regional", "经济总量"]:
        found, content = results(client, query)
        assert "gdp" in [metric.key for metric in found.metrics], query
        assert atlas.facts["kunshan_gdp"] in found.targets and atlas.facts["wuxi_gdp"] in found.targets, query
        assert "5,140亿元" in content


def test_keyed_figures_are_found_whatever_their_written_metric(client, atlas):
    Target.objects.filter(pk=atlas.facts["output_target"].pk).update(metric_key="gdp")
    found, _ = results(client, "GDP")
    assert atlas.facts["output_target"] in found.targets


def test_a_year_finds_its_figures_and_meetings(client, atlas):
    found, content = results(client, "2027")
    assert atlas.facts["output_target"] in found.targets and atlas.facts["kunshan_gdp"] not in found.targets
    found, _ = results(client, "2024")
    assert found.meetings and all(meeting.date.year == 2024 for meeting in found.meetings)


def test_a_value_finds_its_figures(client, atlas):
    found, _ = results(client, "5140")
    assert found.targets == [atlas.facts["kunshan_gdp"]]


def test_pinyin_of_a_city_finds_the_city_and_its_officials(client, atlas):
    found, content = results(client, "kunshan")
    assert [city.slug for city in found.cities] == ["kunshan"]
    names = {person.name for person in found.people}
    assert {"周伟", "李晖"} <= names and "孙波" not in names  # rejected stays out


def test_a_chinese_city_name_finds_its_officials(client, atlas):
    found, _ = results(client, "无锡")
    assert {"杜小刚", "赵建军"} <= {person.name for person in found.people}


def test_an_officials_name_in_pinyin(client, atlas):
    found, _ = results(client, "zhouwei")
    assert [person.name for person in found.people] == ["周伟"]


def test_the_query_is_shown_as_typed_and_searched_simplified(client, atlas):
    found, content = results(client, "崑山")
    assert found.query == "崑山" and found.searched == "昆山"
    assert 'value="崑山"' in content and "“崑山”的搜索结果" in content
    assert [city.slug for city in found.cities] == ["kunshan"]


def test_the_search_box_is_a_combobox(client, atlas):
    _, content = results(client, "昆山")
    assert 'role="combobox"' in content and 'aria-controls="search-suggest"' in content
    assert "js/search-suggest.js" in content
