"""What the JSON API costs: importing it at startup, building its OpenAPI schema, serving a page of facts.

Prints figures; asserts nothing. Run with .venv/bin/python bench/api_cost.py (uses a throwaway SQLite file).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))

# Each run is a fresh interpreter: the figure is what a worker pays once, at startup.
STARTUP = """
import os
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
import django
django.setup()
import config.urls  # the URLconf imports the API
"""
# Modules that are there only because of the API; Django's own would be loaded by the site anyway.
API_PACKAGES = ("ninja", "pydantic", "pydantic_core", "annotated_types", "typing_inspection", "apps.api")


def import_cost():
    """Median over ROUNDS of the summed self-time (-X importtime) of the API's modules, and their number."""
    seconds, modules = [], 0
    for _ in range(ROUNDS):
        report = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", STARTUP], cwd=ROOT, check=True, capture_output=True, text=True
        ).stderr
        total, names = 0, set()
        for line in report.splitlines():
            if not line.startswith("import time:") or "|" not in line or "self" in line:
                continue
            self_us, _, name = (part.strip() for part in line[len("import time:") :].split("|"))
            if name.split(".")[0] in API_PACKAGES or name.startswith("apps.api"):
                total += int(self_us)
                names.add(name)
        seconds.append(total / 1e6)
        modules = len(names)
    return statistics.median(seconds), modules


def warm_figures(db_url):
    os.environ["DATABASE_URL"] = db_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from apps.api.api import api
    from tests.factories import build_atlas, grow_atlas

    call_command("migrate", verbosity=0)
    grow_atlas(build_atlas(), 10)
    schema_seconds = []
    for _ in range(2):  # the first build generates every model's JSON schema; later ones reuse them
        start = time.perf_counter()
        api.get_openapi_schema()
        schema_seconds.append(time.perf_counter() - start)
    client = Client()
    timings = {}
    for url in ("/api/targets/?limit=100", "/api/targets/?limit=1000", "/api/clusters/?limit=100"):
        client.get(url)
        runs = []
        for _ in range(ROUNDS):
            start = time.perf_counter()
            response = client.get(url)
            runs.append(time.perf_counter() - start)
        timings[url] = (statistics.median(runs), len(response.json()["items"]), len(response.content))
    return schema_seconds, timings


def main():
    seconds, modules = import_cost()
    print(
        f"startup cost of the API (django-ninja, pydantic, apps.api), summed import self-time: "
        f"{seconds * 1000:.0f} ms median of {ROUNDS}, {modules} modules"
    )
    with tempfile.TemporaryDirectory() as tmp:
        schema_seconds, timings = warm_figures(f"sqlite:///{tmp}/bench.sqlite3")
    print(f"OpenAPI schema: first build {schema_seconds[0] * 1000:.0f} ms, then {schema_seconds[1] * 1000:.0f} ms")
    for url, (seconds, items, size) in timings.items():
        print(f"GET {url}: {seconds * 1000:.1f} ms median, {items} items, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
