"""The public pages under load: gunicorn (2 workers, DEBUG off) on a generated atlas, PostgreSQL and SQLite.

    .venv/bin/python bench/load_pages.py                  # both databases, 1,000 cities / 50,000 facts
    .venv/bin/python bench/load_pages.py --backends sqlite --requests 100 --facts 300000

For each database: a fresh atlas from bench/generate_atlas.py (kept between runs, keyed by its
size), collectstatic, gunicorn on 127.0.0.1, then for each page a few warm-up requests and at
most --requests requests (or --seconds seconds) from two clients at once. Prints p50/p95/p99,
requests per second and the HTML size per page. On SQLite the same tag filter is also asked of
Datasette (installed into var/datasette-venv on first use, pointed at the same file; JSON with
facets, first 100 rows) and our time is printed as a ratio of its time. Only 127.0.0.1 is ever
contacted. Prints figures; asserts nothing.

Databases are named <prefix>_<cities>_<facts> (PostgreSQL database, or var/<name>.sqlite3);
--database-prefix (or BENCH_DATABASE_PREFIX) keeps two benchmarks on one server apart. --only
measures just the pages whose label contains one of its words (e.g. --only compare,metrics).
"""

import argparse
import gzip
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
PYTHON = sys.executable
HOST = "127.0.0.1"
PG_SERVER = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
DATASETTE_VENV = VAR / "datasette-venv"


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backends", default="postgres,sqlite")
    parser.add_argument("--facts", type=int, default=50_000)
    parser.add_argument("--cities", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=200, help="at most this many requests per page")
    parser.add_argument("--seconds", type=float, default=15, help="at most this long per page")
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--no-datasette", action="store_true")
    parser.add_argument(
        "--database-prefix",
        default=os.environ.get("BENCH_DATABASE_PREFIX", "dash_scale_bench"),
        help="names the generated databases (and SQLite files): two people benchmarking on one server need two",
    )
    parser.add_argument("--only", default="", help="comma-separated substrings: measure only pages whose label has one")
    return parser.parse_args()


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def database_url(backend, args):
    name = f"{args.database_prefix}_{args.cities}_{args.facts}"
    if backend == "sqlite":
        return f"sqlite:///{VAR / (name + '.sqlite3')}", VAR / (name + ".sqlite3")
    return f"{PG_SERVER}/{name}", None


def prepare(backend, args):
    """The generated atlas for this size, made once and reused."""
    url, path = database_url(backend, args)
    env = {**os.environ, "DATABASE_URL": url}
    if backend == "postgres":
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True) as connection:
            name = url.rsplit("/", 1)[1]
            exists = connection.execute("select 1 from pg_database where datname = %s", [name]).fetchone()
            if not exists:
                connection.execute(f'create database "{name}"')
    ready = subprocess.run(
        [
            PYTHON,
            "-c",
            "import django; django.setup(); from apps.atlas.models import Document; print(Document.objects.exists())",
        ],
        env={**env, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    if ready.stdout.strip() != "True":
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
        subprocess.run(
            [
                PYTHON,
                "bench/generate_atlas.py",
                "--database",
                url,
                "--facts",
                str(args.facts),
                "--cities",
                str(args.cities),
            ],
            env=env,
            cwd=ROOT,
            check=True,
        )
    else:
        subprocess.run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    return url, path


PICK = """
import json
import django
django.setup()
from django.db.models import Count
from apps.atlas.models import City, Document, IndustryCluster, IndustryTag, Meeting, Official, Target
from apps.atlas.pinyin import pinyin_key
big = list(City.objects.annotate(n=Count("industryclusters")).order_by("-n").values_list("slug", flat=True)[:5])
tag = IndustryTag.objects.annotate(n=Count("clusters")).order_by("-n").first()
name = IndustryCluster.objects.values_list("name", flat=True).order_by("pk").first()
document = Document.objects.filter(city__slug=big[0]).order_by("pk").values_list("pk", flat=True).first()
metric = (
    Target.objects.exclude(metric_key="").values("metric_key").annotate(n=Count("pk")).order_by("-n", "metric_key")
    .values_list("metric_key", flat=True).first()
)
facts = {
    kind: model.objects.public().filter(city__slug=big[0]).order_by("pk").values_list("pk", flat=True).first()
    for kind, model in (("official", Official), ("meeting", Meeting), ("cluster", IndustryCluster), ("target", Target))
}
print(json.dumps({
    "big": big, "tag": tag.slug, "tag_id": tag.pk, "pinyin": pinyin_key(name), "document": document,
    "metric": metric, "facts": facts,
}))
"""


def pick(url):
    out = subprocess.run(
        [PYTHON, "-c", PICK],
        env={**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "config.settings"},
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def wait_for(port, process, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}")
        try:
            with socket.create_connection((HOST, port), timeout=1):
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"nothing listening on {port}")


def start_gunicorn(url):
    port = free_port()
    env = {**os.environ, "DATABASE_URL": url, "DEBUG": "0", "CONN_MAX_AGE": "60", "ALLOWED_HOSTS": HOST}
    gunicorn = Path(PYTHON).with_name("gunicorn")
    process = subprocess.Popen(
        [str(gunicorn), "config.wsgi", "--workers", "2", "--bind", f"{HOST}:{port}", "--log-level", "warning"],
        env=env,
        cwd=ROOT,
    )
    wait_for(port, process)
    return process, port


def start_datasette(path):
    if not (DATASETTE_VENV / "bin" / "datasette").exists():
        subprocess.run([PYTHON, "-m", "venv", str(DATASETTE_VENV)], check=True)
        subprocess.run([str(DATASETTE_VENV / "bin" / "pip"), "install", "--quiet", "datasette"], check=True)
    port = free_port()
    process = subprocess.Popen(
        [
            str(DATASETTE_VENV / "bin" / "datasette"),
            "serve",
            # Immutable (-i): our SQLite files are in WAL mode, which a read-only connection
            # (Datasette's default for a plain path) cannot open without writing its -shm file.
            # It also lets Datasette trust cached table counts: if anything, its side is faster.
            "-i",
            str(path),
            "--host",
            HOST,
            "--port",
            str(port),
            "--setting",
            "sql_time_limit_ms",
            "20000",
            "--setting",
            "facet_time_limit_ms",
            "2000",
            "--nolock",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    wait_for(port, process)
    return process, port


def measure(port, path, args, headers=None):
    """(latencies in seconds, elapsed wall time, HTML bytes, gzip bytes) for `path`."""
    headers = {"Accept-Encoding": "identity", **(headers or {})}
    latencies, sizes, errors = [], [], []
    budget = {"left": args.requests}
    lock = threading.Lock()

    def one(connection):
        start = time.perf_counter()
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise RuntimeError(f"{path}: HTTP {response.status}")
        return elapsed, body

    def client():
        connection = http.client.HTTPConnection(HOST, port, timeout=60)
        try:
            for _ in range(2):  # warm-up: templates compiled, connections opened, caches filled
                one(connection)
            deadline = time.monotonic() + args.seconds  # a slow warm-up does not eat the measured time
            while time.monotonic() < deadline:
                with lock:
                    if budget["left"] <= 0:
                        return
                    budget["left"] -= 1
                elapsed, body = one(connection)
                with lock:
                    latencies.append(elapsed)
                    sizes.append(body)
        except Exception as error:  # reported below; the other pages still run
            errors.append(error)
        finally:
            connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(args.concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if errors and not latencies:
        raise errors[0]
    body = sizes[-1]
    return latencies, wall, len(body), len(gzip.compress(body))


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def report(label, latencies, wall, html_bytes, gzip_bytes):
    p50, p95, p99 = (percentile(latencies, f) * 1000 for f in (0.5, 0.95, 0.99))
    print(
        f"  {label:<34} n={len(latencies):>4}  p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  p99 {p99:7.1f} ms  "
        f"{len(latencies) / wall:6.1f} req/s  HTML {html_bytes / 1024:7.1f} KB ({gzip_bytes / 1024:5.1f} KB gz)",
        flush=True,
    )
    return statistics.median(latencies)


def pages(picks):
    tag = picks["tag"]
    return [
        ("/", "/", {}),
        (f"/?tag={tag}", f"/?tag={tag}", {}),
        (f"/?tag={tag} (htmx fragment)", f"/?tag={tag}", {"HX-Request": "true", "HX-Target": "city-results"}),
        (f"/cities/{picks['big'][0]}/ (biggest)", f"/cities/{picks['big'][0]}/", {}),
        ("/compare/ of 5 biggest", "/compare/?cities=" + ",".join(picks["big"][:5]), {}),
        (f"/tags/{tag}/", f"/tags/{tag}/", {}),
        (f"/search/?q={picks['pinyin']}", f"/search/?q={picks['pinyin']}", {}),
        ("/search/?q=集成电路", "/search/?q=" + urllib.parse.quote("集成电路"), {}),
        (f"/documents/{picks['document']}/", f"/documents/{picks['document']}/", {}),
        ("/metrics/", "/metrics/", {}),
        (f"/metrics/{picks['metric']}/ (most figures)", f"/metrics/{picks['metric']}/", {}),
        ("/map/", "/map/", {}),
        ("/map/data.json", "/map/data.json", {}),
        *((f"/facts/{kind}/{pk}/", f"/facts/{kind}/{pk}/", {}) for kind, pk in picks["facts"].items() if pk),
        *(
            (f"/api/{plural}/", f"/api/{plural}/", {})
            for plural in ("cities", "documents", "tags", "officials", "meetings", "clusters", "targets")
        ),
    ]


def run_backend(backend, args):
    print(f"\n{backend}: {args.cities} cities, {args.facts} facts", flush=True)
    url, path = prepare(backend, args)
    picks = pick(url)
    server, port = start_gunicorn(url)
    medians = {}
    try:
        wanted = [word for word in args.only.split(",") if word]
        for label, page_path, headers in pages(picks):
            if wanted and not any(word in label for word in wanted):
                continue
            latencies, wall, html_bytes, gzip_bytes = measure(port, page_path, args, headers)
            medians[label] = report(label, latencies, wall, html_bytes, gzip_bytes)
    finally:
        server.terminate()
        server.wait()
    if backend == "sqlite" and not args.no_datasette:
        datasette, ds_port = start_datasette(path)
        try:
            where = urllib.parse.quote(
                f"id in (select industrycluster_id from atlas_industrycluster_tags where industrytag_id = {picks['tag_id']})"
            )
            ds_path = f"/{path.stem}/atlas_industrycluster.json?_where={where}&_facet=city_id&_facet=tier&_size=100"
            latencies, wall, html_bytes, gzip_bytes = measure(ds_port, ds_path, args)
            datasette_median = report("Datasette, same tag filter (JSON)", latencies, wall, html_bytes, gzip_bytes)
            ours = medians.get(f"/tags/{picks['tag']}/")
            if ours is None:
                return
            print(
                f"  tag filter: ours {ours * 1000:.1f} ms / Datasette {datasette_median * 1000:.1f} ms "
                f"= {ours / datasette_median:.2f}x (p50)"
            )
        finally:
            datasette.terminate()
            datasette.wait()


def main():
    args = parse_args()
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, check=True)
    for backend in args.backends.split(","):
        run_backend(backend.strip(), args)


if __name__ == "__main__":
    main()
