"""SQL statements per article in the load stage, and what finding reposts costs.

Prints figures; asserts nothing. Runs on a fresh temporary SQLite database unless
DATABASE_URL is set (then that database must be migrated and may be written to):

    .venv/bin/python bench/load_statements.py
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def setup_django():
    if "DATABASE_URL" not in os.environ:
        os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", "--noinput", verbosity=0)


def count_statements(load_one):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        result = load_one()
    return len(captured.captured_queries), result


def main():
    setup_django()
    from apps.ingest.load import load
    from apps.ingest.pipeline.read import find_articles, read_file
    from apps.ingest.service import process

    articles = [read_file(path) for path in find_articles([SEEDS])]
    processed = [(raw, *process(raw)) for raw in articles]

    def facts(extraction):
        return sum(len(getattr(extraction, kind)) for kind in ("officials", "meetings", "clusters", "targets"))

    print(f"{'article':<28} {'facts':>5} {'first load':>10} {'again':>6}")
    first, again = [], []
    for raw, normalized, extraction in processed:

        def load_once(raw=raw, normalized=normalized, extraction=extraction):
            return load(raw, normalized, extraction, require_city=False)

        n_first, _ = count_statements(load_once)
        n_again, _ = count_statements(load_once)
        first.append(n_first)
        again.append(n_again)
        print(f"{raw.source[-28:]:<28} {facts(extraction):>5} {n_first:>10} {n_again:>6}")
    print(
        f"statements per article: first load mean {statistics.mean(first):.1f} (max {max(first)}), "
        f"unchanged re-load mean {statistics.mean(again):.1f} (max {max(again)})"
    )
    repost_cost(processed)


def repost_cost(processed, copies=None):
    """Time to look for a repost among `copies` other articles about the same city."""
    copies = copies or int(os.environ.get("BENCH_COPIES", "100"))

    from apps.ingest import reposts

    raw, normalized, extraction = max(processed, key=lambda item: len(item[1].text))
    others = [f"{normalized.text[i:]}{normalized.text[:i]}附加段落{i}" for i in range(0, copies * 7, 7)]
    start = time.perf_counter()
    best = reposts.most_similar(normalized.text, ((i, text) for i, text in enumerate(others)))
    elapsed = time.perf_counter() - start
    print(
        f"repost search: {copies} candidates of ~{len(normalized.text)} characters in {elapsed * 1000:.1f} ms "
        f"(best similarity {best[1]:.2f})"
        if best
        else f"repost search: nothing found in {elapsed * 1000:.1f} ms"
    )


if __name__ == "__main__":
    main()
