"""The industry-tag taxonomy lives in data/industry_tags.json; the database mirrors it."""

import json
from pathlib import Path

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "industry_tags.json"
TAG_FIELDS = ("name_zh", "name_en", "synonyms", "sort_order")


def load_taxonomy(path=TAXONOMY_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def sync_industry_tags(path=TAXONOMY_FILE):
    """Create or update an IndustryTag per taxonomy entry; returns {slug: tag}.

    A few statements whatever the size of the taxonomy; safe while another ingest does the
    same (a tag it created first is simply read back).
    """
    from .models import IndustryTag

    wanted = {
        entry["slug"]: {
            "name_zh": entry["name_zh"],
            "name_en": entry["name_en"],
            "synonyms": entry.get("synonyms", []),
            "sort_order": entry.get("sort_order", 0),
        }
        for entry in load_taxonomy(path)
    }
    existing = {tag.slug: tag for tag in IndustryTag.objects.all()}
    missing = [IndustryTag(slug=slug, **values) for slug, values in wanted.items() if slug not in existing]
    if missing:
        IndustryTag.objects.bulk_create(missing, ignore_conflicts=True)
        existing = {tag.slug: tag for tag in IndustryTag.objects.all()}
    changed = []
    for slug, values in wanted.items():
        tag = existing[slug]
        if any(getattr(tag, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(tag, key, value)
            changed.append(tag)
    if changed:
        IndustryTag.objects.bulk_update(changed, TAG_FIELDS)
    return existing
