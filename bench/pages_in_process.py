"""Every public page in-process (Django's test client, DEBUG off): median time, queries, their time, HTML size.

    .venv/bin/python bench/pages_in_process.py --database postgres://postgres@127.0.0.1:5432/dash_scale_bench_1000_50000
    .venv/bin/python bench/pages_in_process.py --only compare --profile 30   # cProfile of one page, top 30 lines

Uses an atlas made by bench/load_pages.py (or bench/generate_atlas.py) and the same pages as
bench/load_pages.py. Without a server in the way the figures say where a page's time goes:
the queries (count and time from the connection's log) or Python (rendering, figures); "our
CPU" is this process's CPU time, the figure least disturbed by other jobs on a shared machine. The
cache is cleared before each page's first request, so "first" includes cached computations.
Prints figures; asserts nothing.
"""

import argparse
import cProfile
import json
import os
import pstats
import statistics
import sys
import time
from contextlib import redirect_stdout
from io import StringIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        default=os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/dash_scale_bench_1000_50000"),
    )
    parser.add_argument("--requests", type=int, default=15)
    parser.add_argument("--only", default="", help="comma-separated substrings of page labels")
    parser.add_argument("--profile", type=int, default=0, help="print the top N functions of each page's cProfile")
    parser.add_argument("--queries", action="store_true", help="print each page's slowest queries")
    return parser.parse_args()


def main():
    args = parse_args()
    os.environ["DATABASE_URL"] = args.database
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    import load_pages
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    namespace = {}
    buffer = StringIO()
    with redirect_stdout(buffer):
        exec(load_pages.PICK.replace("django.setup()", ""), namespace)
    picks = json.loads(buffer.getvalue())
    client = Client()
    wanted = [word for word in args.only.split(",") if word]
    print(f"{'page':<44} {'first':>8} {'median':>8} {'our CPU':>8} {'queries':>7} {'in SQL':>8} {'HTML':>9}")
    for label, path, headers in load_pages.pages(picks):
        if wanted and not any(word in label for word in wanted):
            continue
        extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
        cache.clear()
        start = time.perf_counter()
        response = client.get(path, **extra)
        first = time.perf_counter() - start
        assert response.status_code == 200, (path, response.status_code)
        timings, cpu = [], []
        for _ in range(args.requests):
            start, start_cpu = time.perf_counter(), time.process_time()
            with CaptureQueriesContext(connection) as captured:
                response = client.get(path, **extra)
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        sql = sum(float(query["time"]) for query in captured.captured_queries)
        print(
            f"{label[:44]:<44} {first * 1000:6.1f}ms {statistics.median(timings) * 1000:6.1f}ms "
            f"{statistics.median(cpu) * 1000:6.1f}ms "
            f"{len(captured.captured_queries):>7} {sql * 1000:6.1f}ms {len(response.content) / 1024:7.1f}KB",
            flush=True,
        )
        if args.queries:
            for query in sorted(captured.captured_queries, key=lambda q: -float(q["time"]))[:8]:
                print(f"      {float(query['time']) * 1000:6.1f} ms  {query['sql'][:300]}")
        if args.profile:
            profiler = cProfile.Profile()
            profiler.enable()
            for _ in range(5):
                client.get(path, **extra)
            profiler.disable()
            pstats.Stats(profiler).sort_stats(os.environ.get("PROFILE_SORT", "cumulative")).print_stats(args.profile)


if __name__ == "__main__":
    main()
