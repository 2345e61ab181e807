"""Ingest speed: a cold `manage.py ingest seeds`, then articles per second in a warm process.

Prints figures; asserts nothing. Run with `make bench` (or .venv/bin/python bench/ingest_speed.py).
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "20"))


def cold_ingest(db_url):
    env = {**os.environ, "DATABASE_URL": db_url}
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(manage + ["migrate", "--noinput", "-v0"], env=env, check=True)
    start = time.perf_counter()
    subprocess.run(manage + ["ingest", str(SEEDS)], env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def warm_rates(db_url):
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from apps.ingest.pipeline.read import find_articles, read_file
    from apps.ingest.service import ingest_raw, process

    articles = [read_file(path) for path in find_articles([SEEDS])]
    ingest_raw(articles[0])  # jieba, OpenCC and the division table load once per process

    start = time.perf_counter()
    for _ in range(ROUNDS):
        for article in articles:
            process(article)
    pipeline_rate = ROUNDS * len(articles) / (time.perf_counter() - start)

    start = time.perf_counter()
    for _ in range(ROUNDS):
        for article in articles:
            ingest_raw(article)
    ingest_rate = ROUNDS * len(articles) / (time.perf_counter() - start)
    return len(articles), pipeline_rate, ingest_rate


def main():
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/bench.sqlite3"
        cold = cold_ingest(db_url)
        count, pipeline_rate, ingest_rate = warm_rates(db_url)
    peak_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    total_kib = sum(p.stat().st_size for p in SEEDS.glob("*.txt")) / 1024
    print(f"seeds: {count} articles, {total_kib:.0f} KiB")
    print(f"cold `manage.py ingest seeds` (new process, SQLite): {cold:.2f} s")
    print(f"steady state, read→extract only (no database): {pipeline_rate:.1f} articles/s")
    print(f"steady state, full ingest into SQLite (re-ingest, idempotent): {ingest_rate:.1f} articles/s")
    print(f"peak RSS of the warm process: {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
