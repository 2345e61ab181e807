import json
from datetime import date

import pytest

from apps.ingest.pipeline.read import decode, find_articles, html_to_text, read_bytes, read_file
from apps.ingest.pipeline.types import ArticleError

ARTICLE = "3月5日,某市召开推进新型工业化大会,市委书记王某某出席会议并讲话,部署全年工业发展任务和重点项目建设工作。"


@pytest.mark.parametrize("encoding", ["utf-8", "gb18030", "gbk", "big5"])
def test_decode_detects_common_chinese_encodings(encoding):
    text = "合肥市召開推進大會,部署產業發展" if encoding == "big5" else ARTICLE
    decoded, found = decode(text.encode(encoding))
    assert decoded == text
    assert found in ({"gbk": "gb18030"}.get(encoding, encoding), "utf-8")


def test_decode_strips_utf8_bom():
    assert decode("\ufeff".encode() + ARTICLE.encode())[0] == ARTICLE


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty"),
        (b"   \n  ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    ],
)
def test_decode_rejects_what_is_not_text(data, reason):
    with pytest.raises(ArticleError, match=reason):
        decode(data)


def test_text_without_chinese_is_not_an_article():
    with pytest.raises(ArticleError, match="no article text"):
        read_bytes("a.txt", b"just some english words that are long enough to look like something")


def test_html_to_text_keeps_blocks_and_drops_scripts():
    html = "<html><head><title>标题</title><script>var x='不要';</script></head><body><p>第一段</p><div>第二&amp;段</div></body></html>"
    text, title = html_to_text(html)
    assert text.splitlines() == ["第一段", "第二&段"]
    assert title == "标题"
    assert "不要" not in text


def test_read_html_file_in_gbk_uses_its_title(tmp_path):
    path = tmp_path / "news.html"
    path.write_bytes(f"<html><head><title>某市新闻</title></head><body><p>{ARTICLE}</p></body></html>".encode("gbk"))
    article = read_file(path)
    assert article.format == "html"
    assert article.meta.title == "某市新闻"
    assert ARTICLE in article.text


def test_sidecar_meta_wins_and_is_parsed(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a1.meta.json").write_text(
        json.dumps(
            {"url": "https://example.org/a1", "published": "2024-03-06", "publisher": "某日报", "title": "大会召开"}
        )
    )
    meta = read_file(path).meta
    assert (meta.published, meta.publisher, meta.title) == (date(2024, 3, 6), "某日报", "大会召开")


def test_bad_sidecar_value_is_named_and_dropped(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a1.meta.json").write_text('{"published": "last week", "publisher": "某日报"}')
    meta = read_file(path).meta
    assert (meta.published, meta.publisher) == (None, "某日报")
    assert meta.warnings == ("a1.meta.json: published dropped: 'last week' is not a YYYY-MM-DD date",)


def test_sidecar_that_is_not_json_is_named_and_the_article_goes_in_without_it(tmp_path):
    path = tmp_path / "a1.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a1.meta.json").write_text('{"published": ')
    raw = read_file(path)
    [warning] = raw.meta.warnings
    assert "a1.meta.json is not valid JSON" in warning and raw.meta.published is None and raw.text


def test_unsupported_suffix_is_rejected(tmp_path):
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(ArticleError, match=r"\.pdf is not an article type"):
        read_file(path)


def test_find_articles_walks_folders_and_skips_sidecars(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("b.txt", "a.html", "sub/c.htm", "a.meta.json", "notes.rst"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in find_articles([tmp_path])] == ["a.html", "b.txt", "c.htm"]
