"""The dashboard's helpers on their own: passages, cleaning badges, units, query parsing, grouping."""

import html
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.http import QueryDict

from apps.atlas.models import City, Document, Official, Target, to_base_units
from apps.dashboard.documents import Passage, cleaning_steps, highlight
from apps.dashboard.queries import group_people
from apps.dashboard.search import latin_key, pinyin_of
from apps.dashboard.units import amount, plain_number
from apps.dashboard.views import requested_slugs


def passage(number, start, end, model="meeting"):
    fact = SimpleNamespace(pk=number, _meta=SimpleNamespace(model_name=model))
    return Passage(number, model, fact, start, end)


def marks(markup):
    """[(text, depth, linked fact key)] of every highlighted piece."""
    return re.findall(r'<a class="ev depth-(\d)" href="#fact-([\w-]+)"[^>]*>([^<]*)</a>', markup)


def visible_text(markup):
    return html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<a class="ev-ref"[^>]*>\d+</a>', "", markup)))


def test_nested_passages_are_cut_and_linked_to_the_innermost():
    markup = highlight("abcdefgh", [passage(1, 1, 7), passage(2, 3, 5, "official")])
    assert marks(markup) == [("1", "meeting-1", "bc"), ("2", "official-2", "de"), ("1", "meeting-1", "fg")]
    assert visible_text(markup) == "abcdefgh"


def test_crossing_passages_share_their_overlap():
    markup = highlight("abcdef", [passage(1, 0, 4), passage(2, 2, 6, "target")])
    assert [(depth, text) for depth, _, text in marks(markup)] == [("1", "ab"), ("2", "cd"), ("1", "ef")]
    # Each passage opens with its own numbered anchor, in order.
    assert re.findall(r'id="ev-([\w-]+)"', markup) == ["meeting-1", "target-2"]


def test_identical_passages_both_get_an_anchor():
    markup = highlight("xxabyy", [passage(1, 2, 4, "industrycluster"), passage(2, 2, 4, "industrycluster")])
    assert re.findall(r'id="ev-([\w-]+)"', markup) == ["industrycluster-1", "industrycluster-2"]
    assert [(depth, text) for depth, _, text in marks(markup)] == [("2", "ab")]


def test_empty_passages_are_not_marked_and_text_is_escaped():
    markup = highlight("<b>&</b>", [passage(1, 3, 3)])
    assert marks(markup) == [] and "ev-ref" not in markup
    assert "<b>" not in markup and visible_text(markup) == "<b>&</b>"


def document(**fields):
    fields.setdefault("cleaning", {})
    return Document(raw_text="", normalized_text="", **fields)


def steps(doc):
    return {step.label.split()[0]: (step.done, step.count) for step in cleaning_steps(doc)}


def test_cleaning_steps_read_counts_from_numbers_and_lists():
    doc = document(cleaning={"pinyin_glosses": ["（kūn）", "（shān）"], "boilerplate_lines": 3, "spun_replacements": 0})
    assert steps(doc) == {
        "删除拼音注释": (True, 2),
        "删除模板行": (True, 3),
        "还原洗稿用词": (True, 0),
        "删除页面碎片": (False, None),
    }


def test_missing_null_or_false_cleaning_steps_were_not_done():
    doc = document(cleaning={"pinyin_glosses": None, "boilerplate_lines": False})
    assert set(steps(doc).values()) == {(False, None)}


@pytest.mark.parametrize("cleaning", [None, "boilerplate_lines", ["pinyin_glosses"], 7])
def test_cleaning_that_is_not_a_dict_means_nothing_was_done(cleaning):
    assert not any(done for done, _ in steps(document(cleaning=cleaning)).values())


def test_unknown_cleaning_keys_and_script_get_badges_too():
    doc = document(cleaning={"html_tags": "yes", "ads": {"a": 1}}, script=Document.Script.TRADITIONAL, spun=True)
    found = steps(doc)
    assert found["繁体转简体"] == (True, None) and found["洗稿副本"] == (True, None)
    assert found["html_tags"] == (True, None) and found["ads"] == (True, 1)


@pytest.mark.parametrize(
    "value, unit, shown",
    [
        ("1.5", "万亿元", (Decimal("15000"), "亿元")),
        ("30", "万元", (Decimal("0.003"), "亿元")),
        ("2000", "亿元", (Decimal("2000"), "亿元")),
        ("3.9", "%", (Decimal("3.9"), "%")),
        ("2800", "家", (Decimal("2800"), "家")),
        ("2", "位", (Decimal("2"), "位")),
    ],
)
def test_figures_are_shown_on_their_familys_scale(value, unit, shown):
    base_value, base_unit = to_base_units(value, unit)
    number, shown_unit = amount(Target(value=Decimal(value), unit=unit, base_value=base_value, base_unit=base_unit))
    assert (number.normalize(), shown_unit) == (shown[0].normalize(), shown[1])


@pytest.mark.parametrize(
    "value, text",
    [
        (Decimal("15000.0000"), "15,000"),
        (Decimal("3.9000"), "3.9"),
        (Decimal("0.003"), "0.003"),
        (0, "0"),
    ],
)
def test_plain_number(value, text):
    assert plain_number(value) == text


def test_requested_slugs_join_repeated_parameters_and_drop_blanks_and_repeats():
    params = QueryDict("cities=kunshan,Wuxi,&cities=jiangyin&cities=%20kunshan%20&cities=")
    assert requested_slugs(params) == ["kunshan", "wuxi", "jiangyin"]


def test_pinyin_keys_ignore_case_spaces_and_tones():
    assert pinyin_of("昆山") == "kunshan" == latin_key("Kun Shan") == latin_key("Kūn-shān")


def test_an_official_named_by_two_articles_is_one_person():
    kunshan, wuxi = City(pk=1, name="昆山"), City(pk=2, name="无锡")
    people = group_people(
        [
            Official(name="周伟", title="市委书记", city=kunshan),
            Official(name="李晖", title="市长", city=kunshan),
            Official(name="周伟", title="书记", city=kunshan),
            Official(name="周伟", title="市长", city=wuxi),  # the same name elsewhere is someone else
        ]
    )
    assert [(p.name, p.city.pk, p.titles) for p in people] == [
        ("周伟", 1, ["市委书记", "书记"]),
        ("李晖", 1, ["市长"]),
        ("周伟", 2, ["市长"]),
    ]


def test_cleaning_details_are_not_shown_as_steps():
    doc = document(cleaning={"script": "simplified", "spun_markers": ["立异", "要害"], "boilerplate_fragments": 2})
    labels = [step.label for step in cleaning_steps(doc)]
    assert not any(label.startswith(("script", "spun_markers")) for label in labels)
    assert "删除页面碎片 page fragments removed" in labels


def test_json_for_a_single_quoted_attribute_reads_back_unchanged():
    """Chart JSON sits in data-figure='…': only &, <, > and ' are escaped, and html.unescape (what a
    browser does to an attribute) gives the JSON back."""
    import html as html_module
    import json as json_module

    from apps.dashboard.templatetags.atlas import single_quoted

    raw = json_module.dumps({"title": "it's <b>&amp;</b>", "x": ["2019"]}, ensure_ascii=False)
    escaped = single_quoted(raw)
    assert "'" not in escaped and "<" not in escaped and '"x"' in escaped
    assert json_module.loads(html_module.unescape(escaped)) == json_module.loads(raw)
