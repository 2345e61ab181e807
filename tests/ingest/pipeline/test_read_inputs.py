"""Reading what is on disk: Markdown with front matter, document names, sidecars, odd encodings
and files that are not what they claim. Plain Python, no database."""

import json
import os
from datetime import date
from pathlib import Path

import pytest

from apps.ingest.pipeline.read import collect_articles, decode, read_bytes, read_file, read_meta, split_front_matter
from apps.ingest.pipeline.types import ArticleError

# A work report's opening as the corpus stores it (../shared/corpus/work-reports/三门峡市/2021.md,
# first lines; a government document), with a `source` line added as other reports in the corpus carry.
WORK_REPORT = """---
title: 三门峡市政府工作报告（2021年2月2日 安伟）
source: http://www.smx.gov.cn/2021/report.html
---

——2021年2月2日在三门峡市第七届人民代表大会第六次会议上

三门峡市人民政府市长 安伟

**各位代表：**

现在，我代表市人民政府向大会报告工作，请予审议，并请各位政协委员和其他列席人士提出意见。
"""
ARTICLE = "3月5日,某市召开推进新型工业化大会,市委书记王某某出席会议并讲话,部署全年工业发展任务和重点项目建设工作。"


def write(folder: Path, name: str, text: str, encoding="utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


# Markdown and its front matter


def test_markdown_front_matter_is_metadata_and_not_text(tmp_path):
    article = read_file(write(tmp_path, "2021.md", WORK_REPORT))
    assert article.format == "md"
    assert article.meta.title == "三门峡市政府工作报告（2021年2月2日 安伟）"
    assert article.meta.url == "http://www.smx.gov.cn/2021/report.html"
    assert article.meta.warnings == ()
    assert "title:" not in article.text and "---" not in article.text
    assert article.text.lstrip().startswith("——2021年2月2日在三门峡市第七届人民代表大会")
    assert "各位代表：" in article.text and "**" not in article.text  # emphasis markup is not text


def test_front_matter_date_is_the_publication_date():
    data = "---\ntitle: 某市政府工作报告\ndate: 2023-02-21\n---\n" + ARTICLE
    meta = read_bytes("2023.md", data.encode()).meta
    assert (meta.title, meta.published) == ("某市政府工作报告", date(2023, 2, 21))


def test_sidecar_wins_over_front_matter(tmp_path):
    path = write(tmp_path, "2021.md", WORK_REPORT)
    (tmp_path / "2021.md.meta.json").write_text(json.dumps({"title": "爬虫给的标题", "published": "2021-02-03"}))
    meta = read_file(path).meta
    assert (meta.title, meta.published, meta.url) == (
        "爬虫给的标题",
        date(2021, 2, 3),
        "http://www.smx.gov.cn/2021/report.html",
    )


def test_broken_front_matter_is_named_and_the_article_still_reads():
    data = "---\ntitle: [不成对\n---\n" + ARTICLE
    article = read_bytes("a.md", data.encode())
    assert article.meta.title == ""
    assert article.meta.warnings[0].startswith("front matter ignored: not valid YAML")
    assert article.text.strip() == ARTICLE


def test_front_matter_values_of_the_wrong_type_are_dropped():
    data = "---\ntitle:\n  a: 1\nsource: [x]\ndate: 2023-02-21\n---\n" + ARTICLE
    meta = read_bytes("a.md", data.encode()).meta
    assert (meta.title, meta.url, meta.published) == ("", "", date(2023, 2, 21))
    assert meta.warnings == (
        "front matter: title dropped: expected text, got dict {'a': 1}",
        "front matter: source dropped: expected a URL as text, got list ['x']",
    )


def test_only_a_leading_block_is_front_matter():
    text = ARTICLE + "\n---\ntitle: 不是\n---\n"
    assert split_front_matter(text) == (None, text, [])


# What a document is called


def test_documents_are_named_by_their_path_under_the_folder_given(tmp_path):
    write(tmp_path, "corpus/三门峡市/2023.md", WORK_REPORT)
    write(tmp_path, "corpus/安阳市/2023.md", WORK_REPORT)
    write(tmp_path, "corpus/x/article.txt", ARTICLE)
    write(tmp_path, "corpus/y/article.txt", ARTICLE)
    found, skipped = collect_articles([tmp_path / "corpus"])
    assert [a.source for a in found] == ["x/article.txt", "y/article.txt", "三门峡市/2023.md", "安阳市/2023.md"]
    assert skipped == []


def test_a_file_given_itself_is_named_by_its_own_name(tmp_path):
    path = write(tmp_path, "deep/folder/a.txt", ARTICLE)
    [article], _ = collect_articles([path])
    assert article.source == "a.txt"
    assert read_file(article.path, article.source).source == "a.txt"


def test_two_files_that_would_share_a_name_are_not_merged(tmp_path):
    first, second = write(tmp_path, "x/article.txt", ARTICLE), write(tmp_path, "y/article.txt", ARTICLE)
    found, skipped = collect_articles([first, second])
    assert [a.path for a in found] == [first]
    assert skipped[0].path == second and skipped[0].failed
    assert "same name 'article.txt'" in skipped[0].reason


def test_dangling_and_looping_symlinks_are_reported(tmp_path):
    root = tmp_path / "root"
    write(root, "a.txt", ARTICLE)
    (root / "gone.txt").symlink_to(root / "missing.txt")
    (root / "self.txt").symlink_to(root / "self.txt")
    (root / "again").symlink_to(root)  # a folder link back to the root: walked once, not forever
    found, skipped = collect_articles([root])
    assert [a.source for a in found] == ["a.txt"]
    reasons = {item.path.name: item.reason for item in skipped}
    assert "dangling" in reasons["gone.txt"]
    assert "symlink loop" in reasons["self.txt"]
    assert "already walked" in reasons["again"]
    assert not any(item.failed for item in skipped)


# Sidecars: one article each


def test_sidecar_named_after_the_whole_file_name_belongs_to_that_file(tmp_path):
    txt, html = write(tmp_path, "report.txt", ARTICLE), write(tmp_path, "report.html", f"<p>{ARTICLE}</p>")
    (tmp_path / "report.txt.meta.json").write_text(json.dumps({"publisher": "文本的来源"}))
    (tmp_path / "report.html.meta.json").write_text(json.dumps({"publisher": "网页的来源"}))
    assert (read_meta(txt).publisher, read_meta(html).publisher) == ("文本的来源", "网页的来源")


def test_stem_sidecar_shared_by_two_articles_is_ignored_with_a_warning(tmp_path):
    txt = write(tmp_path, "report.txt", ARTICLE)
    write(tmp_path, "report.html", f"<p>{ARTICLE}</p>")
    (tmp_path / "report.meta.json").write_text(json.dumps({"publisher": "谁的？"}))
    meta = read_meta(txt)
    assert meta.publisher == ""
    assert meta.warnings == (
        "report.meta.json ignored: it could belong to report.html or report.txt; name it report.txt.meta.json",
    )


def test_stem_sidecar_of_a_single_article_is_used(tmp_path):
    txt = write(tmp_path, "report.txt", ARTICLE)
    (tmp_path / "report.meta.json").write_text(json.dumps({"publisher": "某日报"}))
    assert read_meta(txt).publisher == "某日报"


def test_sidecar_that_is_a_folder_is_named_and_the_article_goes_in_without_it(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "a.meta.json").mkdir()
    raw = read_file(path)
    assert raw.meta.warnings == ("its sidecar a.meta.json is a folder, not a file; the article goes in without it",)
    assert raw.meta.url == "" and raw.text.strip()


def test_unreadable_sidecar_is_named_and_the_article_goes_in_without_it(tmp_path, monkeypatch):
    path = write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "a.meta.json").write_text("{}")
    real_read_bytes = Path.read_bytes

    def refuse_sidecars(self):
        if self.name.endswith(".meta.json"):
            raise PermissionError(13, "Permission denied")
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", refuse_sidecars)
    raw = read_file(path)  # the article is read; only its sidecar is refused
    [warning] = raw.meta.warnings
    assert warning.startswith("its sidecar a.meta.json cannot be read: Permission denied")
    assert warning.endswith("the article goes in without it") and "工业化大会" in raw.text


def test_over_long_sidecar_url_is_dropped_and_named(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    (tmp_path / "a.meta.json").write_text(
        json.dumps({"url": "https://example.org/" + "x" * 500, "publisher": "某日报"})
    )
    meta = read_file(path).meta
    assert (meta.url, meta.publisher) == ("", "某日报")
    assert meta.warnings == ("a.meta.json: url dropped: 520 characters, at most 500",)


# Bytes that are not plain UTF-8


def test_utf16_with_an_odd_byte_count_is_cut_off():
    data = "\ufeff".encode("utf-16-le") + ARTICLE.encode("utf-16-le") + b"\x41"
    with pytest.raises(ArticleError, match="UTF-16 text is cut off"):
        decode(data)


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
def test_text_with_a_byte_order_mark_decodes(codec):
    assert decode("\ufeff".encode(codec) + ARTICLE.encode(codec)) == (ARTICLE, codec[:6])


def test_nul_bytes_after_the_first_4_kib_are_removed_and_reported():
    data = ("一" * 2000 + "\n").encode() + b"\x00\x00" + ARTICLE.encode() + b"\x00"
    article = read_bytes("a.txt", data)
    assert "\x00" not in article.text and article.text.endswith(ARTICLE)
    assert article.meta.warnings == ("removed 3 NUL or other control character(s) from the text",)


def test_size_is_checked_before_reading(tmp_path, monkeypatch):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(6 * 1024 * 1024)  # sparse: 6 MiB without writing them
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a file over the limit was read"))
    with pytest.raises(ArticleError, match="larger than 5 MiB"):
        read_file(path)


def test_a_fifo_named_like_an_article_is_not_read(tmp_path):
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    with pytest.raises(ArticleError, match="not a regular file"):
        read_file(path)  # opening it would block forever
