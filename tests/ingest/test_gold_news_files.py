"""The real-news gold sets (tests/fixtures/realnews, realnews_dev2 … realnews_dev13 for development,
holdout2 … holdout9 held out, each with its `_gold` folder) are well formed
and every official and every target it states can be found in its article, so the set cannot
drift from the text it was written from. No database, no extraction: this checks the files only."""

import json
import re
from pathlib import Path

import opencc
import pytest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# set name: the fewest articles it must keep (docs/gold-news.md describes the sets)
SETS = {
    "realnews": 32,
    "realnews_dev2": 12,
    "realnews_dev3": 22,
    "realnews_dev4": 22,
    "realnews_dev5": 22,
    "realnews_dev6": 20,
    "realnews_dev7": 18,
    "realnews_dev8": 18,
    "realnews_dev10": 20,
    "realnews_dev11": 20,
    "realnews_dev9": 20,
    "realnews_dev12": 16,
    "realnews_dev13": 20,
    "holdout2": 20,
    "holdout3": 20,
    "holdout4": 20,
    "holdout5": 20,
    "holdout6": 22,
    "holdout7": 22,
    "holdout8": 22,
    "holdout9": 22,
}

REQUIRED = (
    "city",
    "city_level",
    "province",
    "parent",
    "meetings",
    "officials",
    "people",
    "exclude_officials",
    "clusters",
    "targets",
)
TARGET_KEYS = ("metric", "value", "unit", "year", "kind")
# A pinyin gloss after a character, as scraper sites insert them: 產(chǎn)業(yè).
PINYIN_GLOSS = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜ]+\)")
TO_SIMPLIFIED = opencc.OpenCC("t2s")


def articles(name):
    return FIXTURES / name


def gold_folder(name):
    return FIXTURES / f"{name}_gold"


def stems(folder, pattern):
    return sorted(p.stem for p in folder.glob(pattern))


ARTICLE_STEMS = [(name, stem) for name in SETS for stem in stems(articles(name), "*.txt")]
GOLD_STEMS = [(name, stem) for name in SETS for stem in stems(gold_folder(name), "*.json")]


def load_gold(name, stem):
    return json.loads((gold_folder(name) / f"{stem}.json").read_text(encoding="utf-8"))


def plain_text(name, stem):
    """The article as simplified Chinese without pinyin glosses; gold is written in simplified.
    The unconverted text follows it, because t2s also rewrites characters that simplified text
    keeps in names (罗运乾 becomes 罗运干, holdout4 15), and gold writes a name as the page does."""
    raw = PINYIN_GLOSS.sub("", (articles(name) / f"{stem}.txt").read_text(encoding="utf-8"))
    return TO_SIMPLIFIED.convert(raw) + "\n" + raw


def number_forms(value):
    """How a gold value may be written: 40.3, 2.06, 170 (not 170.0), 9 (not 9.0). A decline is
    gold as a signed growth (下降2.1% → -2.1, as the atlas stores growth), written without its sign."""
    value = abs(value)
    forms = {str(value)}
    if float(value).is_integer():
        forms.add(str(int(value)))
    return forms


@pytest.mark.parametrize("name", SETS)
def test_the_set_is_large_enough_and_paired(name):
    assert len(stems(articles(name), "*.txt")) >= SETS[name]
    assert stems(articles(name), "*.txt") == stems(gold_folder(name), "*.json")


@pytest.mark.parametrize(("name", "stem"), ARTICLE_STEMS)
def test_article_has_a_sidecar_with_its_address(name, stem):
    meta = json.loads((articles(name) / f"{stem}.meta.json").read_text(encoding="utf-8"))
    assert meta["url"].startswith(("http://", "https://"))
    if "published" in meta:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"])


@pytest.mark.parametrize(("name", "stem"), GOLD_STEMS)
def test_gold_has_the_shared_format(name, stem):
    gold = load_gold(name, stem)
    assert all(key in gold for key in REQUIRED), [k for k in REQUIRED if k not in gold]
    # A suffix is only dropped from names longer than two characters, so a two-character name
    # keeps it as part of the name (津市 for 津市市, holdout6 19; 眉县, 泾县 likewise keep 县).
    city = gold["city"]
    assert city and not (len(city) > 2 and city.endswith(("市", "区"))), city
    for meeting in gold["meetings"]:
        assert meeting["name"]
        assert meeting["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", meeting["date"])
    for target in gold["targets"]:
        assert all(key in target for key in TARGET_KEYS), target
        assert target["kind"] in ("target", "actual")
        assert isinstance(target["value"], (int, float))
    for cluster in gold["clusters"]:
        assert cluster["name"] and cluster["tier"]
    assert all(isinstance(name, str) for name in gold["exclude_officials"])


@pytest.mark.parametrize(("name", "stem"), GOLD_STEMS)
def test_officials_and_excluded_names_occur_in_the_article(name, stem):
    gold = load_gold(name, stem)
    text = plain_text(name, stem)
    names = [o["name"] for o in gold["officials"]] + gold["exclude_officials"]
    # A page may pad a two-character name to the width of three (陈   丹, realnews_dev7 18).
    unpadded = re.sub(r"[ \u3000]+", "", text)
    assert [n for n in names if n not in text and n not in unpadded] == []


@pytest.mark.parametrize(("name", "stem"), GOLD_STEMS)
def test_target_numbers_occur_in_the_article(name, stem):
    """Each target's number is in the text, or, for numbers written in words (千亿级, 一百万亩),
    its `written` form is."""
    gold = load_gold(name, stem)
    text = plain_text(name, stem)
    missing = []
    for target in gold["targets"]:
        if "written" in target:
            found = target["written"] in text
        else:
            found = any(form in text for form in number_forms(target["value"]))
        if not found:
            missing.append(target["metric"])
    assert missing == []


def test_number_forms_match_how_articles_write_numbers():
    assert number_forms(170.0) == {"170.0", "170"}
    assert "2.06" in number_forms(2.06)


def test_pinyin_glosses_are_removed_before_matching():
    # From 03_nanbu (中新网四川): 產(chǎn)業(yè) is 产业 once glosses go.
    assert TO_SIMPLIFIED.convert(PINYIN_GLOSS.sub("", "產(chǎn)業(yè)")) == "产业"
