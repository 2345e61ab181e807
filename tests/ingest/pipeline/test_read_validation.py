"""The one boundary for outside values (apps/ingest/validation.py): sidecars, front matter, the upload form."""

from datetime import date

import pytest

from apps.ingest.validation import meta_from_dict, strip_controls
from apps.review.forms import UploadForm


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "data:text/html,<b>x</b>",
        "ftp://example.org/a.txt",
        "/relative/path",
        "http://exa mple.org/",
    ],
)
def test_only_http_and_https_urls_are_kept(url):
    meta = meta_from_dict({"url": url, "title": "标题"}, where="a.meta.json")
    assert meta.url == "" and meta.title == "标题"
    assert len(meta.warnings) == 1 and meta.warnings[0].startswith("a.meta.json: url dropped:")


def test_a_plain_https_url_is_kept():
    assert (
        meta_from_dict({"url": " https://www.gov.cn/zhengce/2024-03/05/content_1.htm "}).url
        == "https://www.gov.cn/zhengce/2024-03/05/content_1.htm"
    )


@pytest.mark.parametrize(
    "data, field, message",
    [
        ({"title": {"a": 1}}, "title", "title dropped: expected text, got dict {'a': 1}"),
        ({"url": ["x"]}, "url", "url dropped: expected a URL as text, got list ['x']"),
        ({"publisher": 42}, "publisher", "publisher dropped: expected text, got int 42"),
        ({"published": "下周"}, "published", "published dropped: '下周' is not a YYYY-MM-DD date"),
        ({"publisher": "报" * 121}, "publisher", "publisher dropped: 121 characters, at most 120"),
    ],
)
def test_values_of_the_wrong_type_or_size_are_named_and_dropped(data, field, message):
    meta = meta_from_dict(data, where="x.meta.json")
    assert getattr(meta, field) in ("", None)
    assert meta.warnings == (f"x.meta.json: {message}",)


def test_control_characters_are_removed_from_strings():
    meta = meta_from_dict({"title": "某市\x00召开\x07大会\u200b\n部署工作", "publisher": "\x1b[31m某日报"})
    assert (meta.title, meta.publisher) == ("某市召开大会 部署工作", "[31m某日报")
    assert meta.warnings == (
        "metadata: title: removed 3 control character(s)",
        "metadata: publisher: removed 1 control character(s)",
    )


def test_strip_controls_keeps_lines_in_article_text():
    assert strip_controls("第一行\x00\n第二行\t完", keep_lines=True) == ("第一行\n第二行\t完", 1)


def test_front_matter_names_and_dates_of_yaml():
    meta = meta_from_dict({"source": "https://a.org/1", "date": date(2023, 1, 4), "url": "https://a.org/2"})
    assert (meta.url, meta.published) == ("https://a.org/2", date(2023, 1, 4))  # `url` wins over `source`


def test_not_a_mapping_is_ignored_with_a_warning():
    meta = meta_from_dict(["title", "x"], where="a.meta.json")
    assert meta.warnings == ("a.meta.json ignored: expected key: value pairs, got list",)


def upload_form(**fields):
    data = {"text": "某市召开大会" * 10, "title": "标题", "publisher": "", "published": "", "url": "", **fields}
    return UploadForm(data=data)


def test_upload_form_refuses_what_the_boundary_drops():
    form = upload_form(url="ftp://example.org/a.txt")  # a URL Django's URLField alone accepts
    assert not form.is_valid()
    assert "only http and https" in form.errors["url"][0]


def test_upload_form_cleans_control_characters_from_the_title():
    form = upload_form(title="某市\x07召开大会")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["title"] == "某市召开大会"
