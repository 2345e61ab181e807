from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from apps.ingest.pipeline.read import find_articles
from apps.ingest.pipeline.types import ArticleError
from apps.ingest.service import ingest_path


def describe_cleaning(cleaning):
    notes = []
    if cleaning.get("script") == "traditional":
        notes.append("traditional→simplified")
    if cleaning.get("pinyin_glosses"):
        notes.append(f"{cleaning['pinyin_glosses']} pinyin glosses")
    if cleaning.get("boilerplate_lines"):
        notes.append(f"{cleaning['boilerplate_lines']} boilerplate lines")
    if cleaning.get("spun_replacements") is not None:
        notes.append(f"spun text, {cleaning['spun_replacements']} words mapped back")
    return ", ".join(notes) or "clean"


class Command(BaseCommand):
    help = "Parse news articles (.txt, .html) into cities, meetings, officials, clusters and targets."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders; seeds/ when none are given")

    def handle(self, *args, **options):
        paths = options["paths"] or [settings.BASE_DIR / "seeds"]
        missing = [str(p) for p in paths if not Path(p).exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        files = find_articles(paths)
        if not files:
            raise CommandError(f"no .txt, .html or .htm articles under {', '.join(map(str, paths))}")
        failed = 0
        for path in files:
            try:
                result = ingest_path(path)
            except ArticleError as exc:
                failed += 1
                self.stderr.write(self.style.ERROR(f"✗ {path}: {exc}"))
                continue
            document, counts = result.document, result.counts
            if not result.placed:
                self.stdout.write(self.style.WARNING(
                    f"⚠ {path.name}: stored, but it names no Chinese city, county or district — no facts extracted"))
                continue
            city = document.city
            line = (f"✓ {path.name}: {city.name} ({city.level}, {city.province or '—'}) · "
                    f"{counts['meetings']} meetings · {counts['officials']} officials · "
                    f"{counts['clusters']} clusters · {counts['targets']} targets · {describe_cleaning(document.cleaning)}")
            if result.kept_for_staff:
                line += f" · {result.kept_for_staff} staff-reviewed facts kept"
            self.stdout.write(line)
        self.stdout.write(f"{len(files) - failed} of {len(files)} articles ingested")
        if failed:
            raise CommandError(f"{failed} file(s) could not be ingested")
