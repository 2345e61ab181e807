"""Bytes a browser fetches for /map/ (besides the page): raw and gzip -9, as whitenoise serves them compressed.

Run after `make static-vendor`. The outlines and plotly.js are fetched once and then cached.
Prints one line per file and the total.
"""

import gzip
from pathlib import Path

STATIC = Path(__file__).resolve().parent.parent / "static"
FILES = ["vendor/plotly-cartesian.min.js", "vendor/geo/china.json", "js/map.js", "css/map.css"]


def main():
    total_raw = total_gzip = 0
    for name in FILES:
        data = (STATIC / name).read_bytes()
        raw, packed = len(data), len(gzip.compress(data, compresslevel=9))
        total_raw, total_gzip = total_raw + raw, total_gzip + packed
        print(f"{name:40} {raw:>10,} B raw {packed:>10,} B gzip")
    print(f"{'total':40} {total_raw:>10,} B raw {total_gzip:>10,} B gzip")


if __name__ == "__main__":
    main()
