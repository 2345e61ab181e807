"""The metric pages at scale: every city on one metric, in-process (Django's test client), SQLite or PostgreSQL.

    DATABASE_URL=sqlite:///var/bench-metrics.sqlite3 .venv/bin/python bench/metric_pages.py --cities 1000

Builds (once per database) CITIES cities with a work report a year for 2021–2024, each with a GDP
growth and level goal and result, then times each page: median and max of --requests requests,
with its query count and HTML size. Prints figures; asserts nothing.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-metrics.sqlite3'}")
os.environ.setdefault("SECRET_KEY", "bench-" + "x" * 50)

import django

django.setup()

from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from apps.atlas.models import City, Document, Target

YEARS = (2021, 2022, 2023, 2024)


def build(cities):
    if City.objects.filter(slug__startswith="bench-").count() == cities:
        return
    City.objects.filter(slug__startswith="bench-").delete()
    made = City.objects.bulk_create(
        City(
            slug=f"bench-{i:04d}",
            name=f"城{i:04d}",
            full_name=f"城{i:04d}市",
            name_en=f"City {i}",
            province=f"省{i % 31}",
        )
        for i in range(cities)
    )
    documents = Document.objects.bulk_create(
        Document(
            city=city,
            source=f"bench/{city.slug}/{year}.md",
            sha256=f"{city.pk:032d}{year:032d}",
            content_hash=f"{city.pk:032d}{year:032d}",
            genre="work_report",
            published=date(year, 2, 1),
            raw_text="报告",
            normalized_text="报告",
        )
        for city in made
        for year in YEARS
    )
    targets = []
    for document in documents:
        year, i = document.published.year, document.city.pk
        common = dict(document=document, city=document.city, metric="地区生产总值", metric_key="gdp")
        if year < 2024:
            targets += [
                Target(
                    fingerprint="g-growth",
                    measure="growth",
                    kind="target",
                    year=year,
                    value=6,
                    unit="%",
                    base_value=6,
                    base_unit="%",
                    bound="about",
                    **common,
                ),
                Target(
                    fingerprint="g-level",
                    measure="level",
                    kind="target",
                    year=year,
                    value=1000 + i,
                    unit="亿元",
                    base_value=Decimal(1000 + i) * 10**8,
                    base_unit="元",
                    bound="at_least",
                    **common,
                ),
            ]
        if year > 2021:
            growth = Decimal(4 + (i * 7 + year) % 5)
            targets += [
                Target(
                    fingerprint="r-growth",
                    measure="growth",
                    kind="actual",
                    year=year - 1,
                    value=growth,
                    unit="%",
                    base_value=growth,
                    base_unit="%",
                    **common,
                ),
                Target(
                    fingerprint="r-level",
                    measure="level",
                    kind="actual",
                    year=year - 1,
                    value=990 + 2 * i,
                    unit="亿元",
                    base_value=Decimal(990 + 2 * i) * 10**8,
                    base_unit="元",
                    **common,
                ),
            ]
    Target.objects.bulk_create(targets, batch_size=2000)


def timed(client, url, requests, **headers):
    times = []
    for _ in range(requests):
        with CaptureQueriesContext(connection) as queries:
            start = time.perf_counter()
            response = client.get(url, **headers)
            times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
    return statistics.median(times), max(times), len(queries), len(response.content)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cities", type=int, default=1000)
    parser.add_argument("--requests", type=int, default=10)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    build(args.cities)
    print(
        f"{connection.vendor}, {args.cities} cities, {Target.objects.count()} figures "
        f"(built in {time.perf_counter() - started:.1f} s)"
    )
    client = Client()
    pages = [
        ("/metrics/", {}),
        ("/metrics/gdp/?measure=growth&year=2022", {}),
        ("/metrics/gdp/?measure=level&year=2023&page=10", {"HTTP_HX_REQUEST": "true", "HTTP_HX_TARGET": "metric-more"}),
        ("/cities/bench-0007/", {}),
        ("/compare/?cities=bench-0001,bench-0002,bench-0003", {}),
    ]
    for url, headers in pages:
        median, worst, queries, size = timed(client, url, args.requests, **headers)
        print(f"{url:60} median {median:7.1f} ms  max {worst:7.1f} ms  {queries:3d} queries  {size / 1024:6.1f} KiB")


if __name__ == "__main__":
    main()
