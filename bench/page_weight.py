"""Bytes a browser fetches on a first visit to / (HTML, CSS, JS; gzip), with and without charts.

    .venv/bin/python bench/page_weight.py [--database sqlite:///var/dash_scale_bench_1000_50000.sqlite3]

Runs collectstatic, then asks the app (DEBUG off, in-process, whitenoise serving the collected
files) for / and every stylesheet and script the page names, as a browser accepting gzip would.
plotly.js is only fetched by static/js/charts.js when a page holds a chart, so "without charts"
is the page before (or without) any chart and "with charts" adds the plotly bundle. Prints
figures; asserts nothing.
"""

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database",
        default=os.environ.get("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'dash_scale_bench_1000_50000.sqlite3'}"),
    )
    parser.add_argument("--path", default="/")
    return parser.parse_args()


def fetch(client, url):
    response = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200, (url, response.status_code)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return body, response


def main():
    args = parse_args()
    os.environ["DATABASE_URL"] = args.database
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("collectstatic", interactive=False, verbosity=0)
    client = Client()
    html, response = fetch(client, args.path)
    print(f"first load of {args.path} ({args.database.split('/')[-1]}), bytes on the wire with gzip:")
    print(f"  {'HTML':<48} {len(html) / 1024:7.1f} KB  {response.get('Content-Encoding', 'identity')}")
    page = html
    if response.get("Content-Encoding") == "gzip":
        import gzip

        page = gzip.decompress(html)
    page = page.decode()
    assets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page) + re.findall(r'<script src="([^"]+)"', page)
    plotly = re.findall(r'data-plotly="([^"]+)"', page)
    base = len(html)
    for url in assets:
        body, asset = fetch(client, url)
        base += len(body)
        print(
            f"  {url:<48} {len(body) / 1024:7.1f} KB  {asset.get('Content-Encoding', 'identity')}, "
            f"{asset.get('Cache-Control', 'no Cache-Control')}"
        )
    with_charts = base
    for url in plotly:
        body, asset = fetch(client, url)
        with_charts += len(body)
        print(
            f"  {url + ' (only with a chart)':<48} {len(body) / 1024:7.1f} KB  "
            f"{asset.get('Content-Encoding', 'identity')}, {asset.get('Cache-Control', 'no Cache-Control')}"
        )
    print(f"  total without charts: {base / 1024:.1f} KB; with charts: {with_charts / 1024:.1f} KB")


if __name__ == "__main__":
    main()
