"""segment's own cut against jieba.lcut(HMM off) with the same dictionaries: the same words, in order."""

from pathlib import Path

import pytest

from apps.ingest.pipeline.segment import boundaries, segment, tokenizer, word_edges

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"

MIXED = [
    "",
    " ",
    "，",
    "\r\n\r\n  \t",
    "abc 12 a1b2 中国2024年GDP增长5.2%\r\n\r\n  x-y_z  ",
    "ab",
    "a中b",
    "３Ｇ网络 ｅ",  # full-width letters and digits are outside jieba's runs
    "打造“5G+工业互联网”示范区，建设集成电路、人工智能产业集群。",
    # Two sentences of 七台河市's 2023 work report (../shared/corpus/work-reports/七台河市/2023.md).
    "全市地区生产总值实现268.9亿元，同比增长5.3%，增速位居全省第1位；规上工业增加值同比增长6.9%。",
    "深入实施新一轮科技型企业三年行动，全市R&D经费投入9478万元，同比增长97%。新建5G基站351基。",
]


def jieba_words(text):
    return tokenizer().lcut(text, HMM=False)


@pytest.mark.parametrize("text", MIXED)
def test_the_same_words_as_jieba_on_mixed_text(text):
    tokens = segment(text)
    assert [token.word for token in tokens] == jieba_words(text)
    assert all(text[token.start : token.end] == token.word for token in tokens)


def test_the_same_words_as_jieba_on_every_news_fixture():
    texts = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "realnews").glob("*.txt"))]
    assert len(texts) > 20
    for text in texts:
        assert [token.word for token in segment(text)] == jieba_words(text)


@pytest.mark.parametrize("text", [*MIXED, "在合肥市召开全市工业大会，会议由市长主持。"])
def test_word_edges_are_the_token_boundaries(text):
    edges = word_edges(text)
    assert edges == sorted(boundaries(segment(text)))
    assert set(edges) == boundaries(jieba_tokens(text))


def jieba_tokens(text):
    from apps.ingest.pipeline.types import Token

    return [Token(*token) for token in tokenizer().tokenize(text, HMM=False)]


def test_an_exact_tie_between_two_routes_may_go_either_way():
    # 盯紧|盯|牢 and 盯|紧盯|牢 use the same three frequencies, so both routes score the same: jieba
    # takes the longer first word, jieba_fast_dat the shorter. Both keep the edges around 进度.
    # From a work report's sentence (../shared/corpus/work-reports, 盯紧盯牢进度).
    text = "盯紧盯牢进度"
    edges = word_edges(text)
    assert edges in ([0, 2, 3, 4, 6], [0, 1, 3, 4, 6])
    assert set(edges) >= {0, 4, 6}
