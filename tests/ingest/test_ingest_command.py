"""The `ingest` command end to end: names, per-file failures, logging, skipping unchanged files, --jobs."""

import json
import logging
import os
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from apps.atlas.models import Document, IndustryCluster, Meeting, Official, Target
from apps.ingest.batch import prepare as real_prepare
from tests.ingest_articles import ARTICLES

pytestmark = pytest.mark.django_db

ARTICLE, SECOND, THIRD, FOURTH, FIFTH = ARTICLES
# A work report's opening as the corpus stores it (../shared/corpus/work-reports/三门峡市/2021.md, first
# lines; a government document); the city name is swapped per test file to make two cities' reports.
WORK_REPORT = """---
title: {city}政府工作报告（2021年2月2日）
source: https://www.example.gov.cn/{n}/report.html
---

——2021年2月2日在{city}第七届人民代表大会第六次会议上

{city}人民政府市长 安伟

各位代表：

现在，我代表市人民政府向大会报告工作，请予审议，并请各位政协委员和其他列席人士提出意见。
{city}将打造新材料、高端装备两大产业集群。
"""


def write(folder: Path, name: str, data) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def ingest(*args, expect_failure=False):
    out, err = StringIO(), StringIO()
    if expect_failure:
        with pytest.raises(CommandError) as failure:
            call_command("ingest", *map(str, args), stdout=out, stderr=err)
        return out.getvalue(), err.getvalue(), str(failure.value)
    call_command("ingest", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), None


def snapshot():
    return {
        model.__name__: sorted(model.objects.values_list("document__source", "fingerprint"))
        for model in (Official, Meeting, IndustryCluster, Target)
    }


def test_the_same_file_name_in_two_cities_is_two_documents(tmp_path):
    write(tmp_path, "reports/三门峡市/2023.md", WORK_REPORT.format(city="三门峡市", n=1))
    write(tmp_path, "reports/安阳市/2023.md", WORK_REPORT.format(city="安阳市", n=2))
    out, _, _ = ingest(tmp_path / "reports")
    assert "✓ 三门峡市/2023.md: 三门峡" in out and "✓ 安阳市/2023.md: 安阳" in out
    documents = {d.source: d for d in Document.objects.all()}
    assert set(documents) == {"三门峡市/2023.md", "安阳市/2023.md"}
    report = documents["三门峡市/2023.md"]
    assert report.title == "三门峡市政府工作报告（2021年2月2日）"
    assert report.url == "https://www.example.gov.cn/1/report.html"
    assert "title:" not in report.raw_text and report.raw_text.lstrip().startswith("——2021年2月2日")


def test_same_name_in_two_subfolders_is_two_documents(tmp_path):
    write(tmp_path, "x/article.txt", ARTICLE)
    write(tmp_path, "y/article.txt", SECOND)
    ingest(tmp_path)
    assert sorted(Document.objects.values_list("source", flat=True)) == ["x/article.txt", "y/article.txt"]


def test_every_failure_is_one_line_and_the_rest_go_in(tmp_path):
    write(tmp_path, "a_good.txt", ARTICLE)
    write(tmp_path, "b_utf16_odd.txt", "\ufeff".encode("utf-16-le") + ARTICLE.encode("utf-16-le") + b"!")
    write(tmp_path, "c_utf32.txt", "\ufeff".encode("utf-32-le") + SECOND.encode("utf-32-le"))
    write(tmp_path, "d_nul.txt", ("。" * 1500 + "\n" + THIRD).encode() + b"\x00")
    write(tmp_path, "e_sidecar_folder.txt", ARTICLE)
    (tmp_path / "e_sidecar_folder.meta.json").mkdir()
    write(tmp_path, "f_long_url.txt", FOURTH)
    write(tmp_path, "f_long_url.txt.meta.json", json.dumps({"url": "https://a.org/" + "x" * 490}))
    write(tmp_path, "g_script_url.txt", FIFTH)
    write(tmp_path, "g_script_url.txt.meta.json", json.dumps({"url": "javascript:alert(1)", "title": {"a": 1}}))
    (tmp_path / "h_dangling.txt").symlink_to(tmp_path / "nowhere.txt")

    out, err, failure = ingest(tmp_path, expect_failure=True)

    assert failure == "1 file(s) could not be ingested"
    lines = err.splitlines()
    assert "✗ b_utf16_odd.txt: the UTF-16 text is cut off" in err
    assert (
        "⚠ e_sidecar_folder.txt: its sidecar e_sidecar_folder.meta.json is a folder, not a file; "
        "the article goes in without it"
    ) in lines
    assert "⚠ f_long_url.txt: f_long_url.txt.meta.json: url dropped: 504 characters, at most 500" in lines
    assert (
        "⚠ g_script_url.txt: g_script_url.txt.meta.json: url dropped: only http and https URLs are kept, not javascript: URL"
        in lines
    )
    assert "⚠ g_script_url.txt: g_script_url.txt.meta.json: title dropped: expected text, got dict {'a': 1}" in lines
    assert "⚠ d_nul.txt: removed 1 NUL or other control character(s) from the text" in lines
    assert any(line.startswith(f"⚠ {tmp_path / 'h_dangling.txt'}: skipped") for line in lines)
    assert "6 of 7 articles ingested" in out
    stored = dict(Document.objects.values_list("source", "url"))
    assert set(stored) == {"a_good.txt", "c_utf32.txt", "d_nul.txt", "f_long_url.txt", "g_script_url.txt"}
    assert set(stored.values()) == {""}  # neither the long nor the javascript: URL was stored
    assert "\x00" not in Document.objects.get(source="d_nul.txt").raw_text


def test_an_unexpected_error_in_one_file_is_reported_and_the_rest_go_in(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    from apps.ingest import batch

    real_process = batch.process

    def explode_on_b(raw):
        if raw.source == "b.txt":
            raise KeyError("surprise")
        return real_process(raw)

    monkeypatch.setattr(batch, "process", explode_on_b)
    out, err, failure = ingest(tmp_path, expect_failure=True)
    assert "✗ b.txt: KeyError: 'surprise'" in err
    assert "1 of 2 articles ingested" in out
    assert list(Document.objects.values_list("source", flat=True)) == ["a.txt"]


def test_a_copy_under_another_name_is_reported_as_such(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", ARTICLE)
    out, _, _ = ingest(tmp_path)
    [line] = [line for line in out.splitlines() if line.startswith("✓ b.txt")]
    assert line.endswith("duplicate of a.txt")


def test_one_info_log_line_per_article(tmp_path, caplog):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    with caplog.at_level(logging.INFO, logger="apps.ingest"):
        ingest(tmp_path)
    lines = [r.getMessage() for r in caplog.records if r.name == "apps.ingest" and r.levelno == logging.INFO]
    assert len(lines) == 2
    assert lines[0].startswith("a.txt: created, 绍兴, ") and "2 clusters" in lines[0]


def test_unchanged_files_are_skipped_with_one_query(tmp_path, django_assert_num_queries):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    ingest(tmp_path)
    with django_assert_num_queries(1):
        out, _, _ = ingest(tmp_path)
    assert out.startswith("0 of 2 articles ingested, 2 unchanged")


def test_changed_bytes_or_sidecar_are_ingested_again_and_force_reextracts(tmp_path):
    path = write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    ingest(tmp_path)
    path.write_text(ARTICLE.replace("6000家", "7000家"), encoding="utf-8")
    write(tmp_path, "b.txt.meta.json", json.dumps({"publisher": "绍兴日报"}))
    out, _, _ = ingest(tmp_path)
    assert "2 of 2 articles ingested" in out
    assert Target.objects.filter(document__source="a.txt", value=7000).exists()
    assert Document.objects.get(source="b.txt").publisher == "绍兴日报"
    out, _, _ = ingest(tmp_path, "--force")
    assert "2 of 2 articles ingested" in out and "unchanged (skipped" not in out


def test_worker_processes_give_the_same_rows_in_the_same_order(tmp_path):
    for n, text in enumerate((ARTICLE, SECOND, THIRD)):
        write(tmp_path, f"{n}.txt", text)
    out_one, _, _ = ingest(tmp_path, "--force")
    rows_one = snapshot()
    Document.objects.all().delete()
    out_two, _, _ = ingest(tmp_path, "--jobs", "2")
    assert snapshot() == rows_one
    assert [line.split(":")[0] for line in out_two.splitlines()[:3]] == ["✓ 0.txt", "✓ 1.txt", "✓ 2.txt"]


def test_a_failure_in_a_worker_process_names_the_file(tmp_path):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", b"")
    out, err, _ = ingest(tmp_path, "--jobs", "2", expect_failure=True)
    assert "✗ b.txt: the file is empty" in err
    assert "1 of 2 articles ingested" in out


class FakeTerminal(StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "b.txt", SECOND)
    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    ingest(tmp_path)
    assert "2/2" in terminal.getvalue()  # tqdm's "n/total" with the rate and ETA
    terminal.seek(0), terminal.truncate()
    out, _, _ = ingest(tmp_path, "--force", "--quiet")
    assert terminal.getvalue() == ""
    assert "✓" not in out and "2 of 2 articles ingested" in out


def die_on_b(article, raw=None):
    """A worker that dies outright on b.txt (as under the OOM killer); module-level so it pickles."""
    if article.source == "b.txt":
        os._exit(9)
    return real_prepare(article, raw)


def test_a_worker_process_that_dies_fails_its_files_without_hanging(tmp_path, monkeypatch):
    from apps.ingest import batch

    for name, text in (("a.txt", ARTICLE), ("b.txt", SECOND), ("c.txt", THIRD)):
        write(tmp_path, name, text)
    monkeypatch.setattr(batch, "prepare", die_on_b)
    out, err, failure = ingest(tmp_path, "--jobs", "2", expect_failure=True)
    assert "✗ b.txt: worker failed: BrokenProcessPool" in err
    assert failure.endswith("file(s) could not be ingested")
    # Files already extracted when the pool broke are loaded; the others fail with it, each named.
    loaded = set(Document.objects.values_list("source", flat=True))
    assert loaded <= {"a.txt", "c.txt"}
    assert all(f"✗ {name}: worker" in err for name in {"a.txt", "c.txt"} - loaded)
