"""Extraction quality end to end, scored as the evaluation does: the seeds against their gold
(tests/fixtures/seed_gold), and a held-out set about other cities (tests/fixtures/unseen)."""

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.scoring import score

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture
def exported(db):
    call_command("ingest", str(SEEDS), stdout=StringIO())
    out = StringIO()
    call_command("export_facts", stdout=out)
    return json.loads(out.getvalue())


def test_seeds_meet_the_quality_bar(exported):
    result = score(exported, FIXTURES / "seed_gold")
    assert result["city"] == 1.0
    for kind in ("meetings", "officials", "clusters", "targets"):
        assert result[kind] >= 0.9, (kind, result)


def test_spun_seed_is_marked_and_mapped_back(exported):
    spun = [d for d in exported["documents"] if d["spun"]]
    assert len(spun) == 1
    city = next(c for c in exported["cities"] if c["name"] == spun[0]["city"])
    assert "合成生物" in {c["name"] for c in city["clusters"]}


@pytest.mark.parametrize("batch", ["unseen", "unseen2", "unseen3"])
def test_held_out_articles_about_other_cities(db, batch):
    """Three batches of articles about other cities, written apart from the rules: traditional
    (Taiwan and Hong Kong forms), pinyin glosses, spun copies, GB18030 and Big5, HTML, sidecars,
    portal and WeChat boilerplate. Guards against rules that only fit the seeds."""
    call_command("ingest", str(FIXTURES / batch), stdout=StringIO())
    out = StringIO()
    call_command("export_facts", stdout=out)
    result = score(json.loads(out.getvalue()), FIXTURES / f"{batch}_gold")
    assert result["city"] == 1.0
    for kind in ("meetings", "officials", "clusters", "targets"):
        assert result[kind] >= 0.9, (kind, result)
