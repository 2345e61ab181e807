"""The industry-tag taxonomy lives in data/industry_tags.json; the database mirrors it."""
import json
from pathlib import Path

TAXONOMY_FILE = Path(__file__).resolve().parent / "data" / "industry_tags.json"


def load_taxonomy(path=TAXONOMY_FILE):
    return json.loads(Path(path).read_text(encoding="utf-8"))


def sync_industry_tags(path=TAXONOMY_FILE):
    """Create or update an IndustryTag per taxonomy entry; returns {slug: tag}."""
    from .models import IndustryTag

    existing = {tag.slug: tag for tag in IndustryTag.objects.all()}
    for entry in load_taxonomy(path):
        values = {"name_zh": entry["name_zh"], "name_en": entry["name_en"],
                  "synonyms": entry.get("synonyms", []), "sort_order": entry.get("sort_order", 0)}
        tag = existing.get(entry["slug"])
        if tag is None:
            existing[entry["slug"]] = IndustryTag.objects.create(slug=entry["slug"], **values)
        elif any(getattr(tag, key) != value for key, value in values.items()):
            for key, value in values.items():
                setattr(tag, key, value)
            tag.save()
    return existing
