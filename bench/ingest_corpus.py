"""Ingest at corpus scale: every work report of ../shared/corpus/work-reports into a fresh database.

Prints figures; asserts nothing.

    .venv/bin/python bench/ingest_corpus.py                      # SQLite in a temporary folder, --jobs 1
    .venv/bin/python bench/ingest_corpus.py --jobs 2 --database-url postgres://postgres@127.0.0.1:5432/ingest_bench

With a PostgreSQL URL the database is dropped and created again first. Printed: the ingest's
wall time, documents/s, characters/s, CPU seconds (the command and its workers; PostgreSQL's
own not included) and peak memory (ru_maxrss of the command and its worker processes), the
same for export_facts, and the pipeline's speed (read → extract, one process) as a multiple of
bare jieba.lcut (HMM off) on the same texts. On a machine shared with other busy programs the
CPU seconds vary far less than the wall time.

    --every 5   ingests the reports of every 5th city only (through a folder of links), for a
                quicker comparison; each city keeps all its years, as loading compares them
"""

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
# ../shared/corpus/work-reports beside the checkout (or beside the folder of git worktrees).
CORPUS = next(
    (
        parent / "shared" / "corpus" / "work-reports"
        for parent in ROOT.parents
        if (parent / "shared" / "corpus" / "work-reports").is_dir()
    ),
    ROOT.parent / "shared" / "corpus" / "work-reports",
)


def run_measured(command, env):
    """(wall seconds, peak RSS in MiB, CPU seconds, stdout, stderr) of the command; RSS and CPU
    count the process and the children it waited for (ingest's workers)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)  # wait4: this child's own peak memory
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        stdout, stderr = out.read(), err.read()
    if process.returncode not in (0, 1):  # 1: some files failed; they are counted below
        raise SystemExit(f"{' '.join(command[1:3])} exited with {process.returncode}:\n{stderr[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime, stdout, stderr


def fresh_postgres(url):
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def corpus_characters(env):
    """Documents stored and the characters of their decoded text, asked of the database."""
    code = (
        "import django; django.setup(); from django.db.models import Sum; from django.db.models.functions import Length;"
        "from apps.atlas.models import Document;"
        "print(Document.objects.count(), Document.objects.aggregate(n=Sum(Length('raw_text')))['n'] or 0)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return int(out[0]), int(out[1])


def pipeline_against_jieba(corpus, sample):
    """(texts, characters, pipeline s, jieba s) over `sample` reports spread evenly over the corpus."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import jieba

    from apps.ingest.batch import warm_up
    from apps.ingest.pipeline.read import collect_articles, read_file
    from apps.ingest.service import process

    files = collect_articles([corpus])[0]
    step = max(len(files) // sample, 1)
    articles = [read_file(a.path, a.source) for a in files[::step][:sample]]
    warm_up()
    jieba.setLogLevel(60)
    jieba.lcut("预热", HMM=False)
    start = time.perf_counter()
    for article in articles:
        process(article)
    pipeline = time.perf_counter() - start
    start = time.perf_counter()
    for article in articles:
        jieba.lcut(article.text, HMM=False)
    bare = time.perf_counter() - start
    return len(articles), sum(len(a.text) for a in articles), pipeline, bare


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--database-url", help="default: a fresh SQLite file in a temporary folder")
    parser.add_argument(
        "--sample", type=int, default=100, help="reports timed in one process against bare jieba (0: skip)"
    )
    parser.add_argument("--every", type=int, default=1, help="ingest every Nth city's reports only")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        corpus = args.corpus
        if args.every > 1:
            corpus = Path(tmp) / "every"
            corpus.mkdir()
            for city in sorted(path for path in args.corpus.iterdir() if path.is_dir())[:: args.every]:
                (corpus / city.name).symlink_to(city)
        url = args.database_url or f"sqlite:///{tmp}/bench.sqlite3"
        if url.startswith(("postgres://", "postgresql://")):
            fresh_postgres(url)
        env = {**os.environ, "DATABASE_URL": url}
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run(manage + ["migrate", "--noinput", "-v0"], env=env, check=True)

        seconds, peak, cpu, out, err = run_measured(
            manage + ["ingest", str(corpus), "--jobs", str(args.jobs), "--quiet"], env
        )
        failures = [line for line in err.splitlines() if line.startswith("✗")]
        print(f"ingest said: {out.strip().splitlines()[-1] if out.strip() else '—'}; {len(failures)} failed files")
        for line in failures[:10]:
            print("  " + line)
        documents, characters = corpus_characters(env)
        print(f"database: {urlsplit(url).scheme}, --jobs {args.jobs}, {os.cpu_count()} CPUs")
        print(
            f"ingest: {documents} documents, {characters:,} characters in {seconds:.1f} s "
            f"= {documents / seconds:.2f} documents/s, {characters / seconds / 1000:.0f} k characters/s; "
            f"{cpu:.0f} CPU seconds (command and workers); peak RSS {peak:.0f} MiB"
        )

        seconds, peak, cpu, *_ = run_measured(
            manage + ["ingest", str(corpus), "--jobs", str(args.jobs), "--quiet"], env
        )
        print(f"ingest again, unchanged: {seconds:.1f} s, {cpu:.1f} CPU seconds; peak RSS {peak:.0f} MiB")

        seconds, peak, cpu, out, _ = run_measured(manage + ["export_facts"], env)
        print(f"export_facts: {len(out):,} characters of JSON in {seconds:.1f} s; peak RSS {peak:.0f} MiB")

    if args.sample:
        count, chars, pipeline, bare = pipeline_against_jieba(args.corpus, args.sample)
        print(
            f"one process, {count} reports ({chars:,} characters): read→extract {pipeline:.1f} s "
            f"({chars / pipeline / 1000:.0f} k characters/s), bare jieba.lcut (HMM off) {bare:.1f} s "
            f"({chars / bare / 1000:.0f} k characters/s): the pipeline takes {pipeline / bare:.1f}× jieba's time"
        )
    print(
        f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB; "
        f"largest child: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
