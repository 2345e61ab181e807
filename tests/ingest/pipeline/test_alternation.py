"""alternation() as a trie matches exactly what the flat list of words, longest first, matches."""

import re

import pytest

from apps.ingest.pipeline.extract.text import alternation, data, word_list


def flat(words):
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


TEXTS = [
    "市委副书记、市长张某主持会议，副市长李某、市委书记王某出席。",
    "abcab a.b a* 书记书记",
    "省委常委、市委书记，县委副书记、县长",
]


@pytest.mark.parametrize(
    "words",
    [
        ["书记", "市委副书记", "市委书记", "市长", "副市长"],
        ["a", "ab", "abc", "b", "a.b", "a*"],
        ["", "ab"],
        list(word_list("surnames.txt")),
        data("official_titles.json")["titles"],
    ],
)
@pytest.mark.parametrize("after", ["", "[\u4e00-\u9fff]", "、", "(?:[一-龥]{1,2})、"])
def test_the_trie_matches_as_the_flat_list_does(words, after):
    for text in TEXTS:
        expected = [m.span() for m in re.finditer(f"(?:{flat(words)}){after}", text)]
        assert [m.span() for m in re.finditer(f"(?:{alternation(words)}){after}", text)] == expected


def test_a_longer_word_wins_over_its_prefix():
    assert re.match(alternation(["书记", "副书记", "副"]), "副书记").group() == "副书记"
