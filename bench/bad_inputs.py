"""Bad inputs through `manage.py ingest`, each beside a good article: what it says and what goes in.

Usage: python bench/bad_inputs.py   (a throwaway SQLite database under a temp folder)
Prints a Markdown table: input → the line ingest printed about it → what was stored.
"""

import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOOD = (ROOT / "seeds").glob("*.txt").__next__().read_text(encoding="utf-8")
SHORT = (
    "绍兴市召开全市工业大会。会议提出，到2027年全市集成电路产业规模达到1000亿元，"
    "高端装备产业规模达到2000亿元，加快建设先进制造业强市。"
)


def case(folder, name, make):
    where = folder / name
    where.mkdir()
    (where / "good.txt").write_text(GOOD, encoding="utf-8")
    make(where)
    return where


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))


def sparse_file(path, size):
    with open(path, "wb") as handle:
        handle.truncate(size)


CASES = {
    "sidecar url javascript:": lambda d: (
        write(d / "a.txt", SHORT),
        write(d / "a.txt.meta.json", json.dumps({"url": "javascript:alert(document.domain)"})),
    ),
    "sidecar title is an object": lambda d: (
        write(d / "a.txt", SHORT),
        write(d / "a.txt.meta.json", json.dumps({"title": {"a": 1}})),
    ),
    "sidecar url is a list": lambda d: (
        write(d / "a.txt", SHORT),
        write(d / "a.txt.meta.json", json.dumps({"url": ["x"]})),
    ),
    "sidecar url over 500 chars": lambda d: (
        write(d / "a.txt", SHORT),
        write(d / "a.txt.meta.json", json.dumps({"url": "https://e.org/" + "a" * 600})),
    ),
    "NUL in a sidecar value": lambda d: (
        write(d / "a.txt", SHORT),
        write(d / "a.txt.meta.json", json.dumps({"publisher": "报\u0000社"})),
    ),
    "sidecar is not JSON": lambda d: (write(d / "a.txt", SHORT), write(d / "a.txt.meta.json", "{not json")),
    "sidecar is a folder": lambda d: (write(d / "a.txt", SHORT), (d / "a.txt.meta.json").mkdir()),
    "sidecar date is not a date": lambda d: (
        write(d / "a.txt", SHORT),
        write(d / "a.txt.meta.json", json.dumps({"published": "昨天"})),
    ),
    "UTF-16 with BOM, odd byte count": lambda d: write(
        d / "a.txt", "\ufeff".encode("utf-16-le") + SHORT.encode("utf-16-le") + b"\x00"
    ),
    "UTF-16 with BOM": lambda d: write(d / "a.txt", SHORT.encode("utf-16")),
    "UTF-32 with BOM": lambda d: write(d / "a.txt", SHORT.encode("utf-32")),
    "NUL byte after 4 KiB": lambda d: write(d / "a.txt", (SHORT * 80 + "\u0000" + SHORT).encode()),
    "GB18030": lambda d: write(d / "a.txt", SHORT.encode("gb18030")),
    "Big5 (traditional)": lambda d: write(
        d / "a.txt",
        ("紹興市召開全市工業大會。會議提出，到2027年全市集成電路產業規模達到1000億元，加快建設先進製造業強市。").encode(
            "big5"
        ),
    ),
    "binary garbage": lambda d: write(d / "a.txt", bytes(range(256)) * 20),
    "empty file": lambda d: write(d / "a.txt", b""),
    "1 GB sparse file": lambda d: sparse_file(d / "a.txt", 1 << 30),
    "dangling symlink": lambda d: os.symlink(d / "missing.txt", d / "a.txt"),
    "looping symlink": lambda d: (os.symlink(d / "b.txt", d / "a.txt"), os.symlink(d / "a.txt", d / "b.txt")),
    "same name in two folders": lambda d: (
        write(d / "x" / "article.txt", SHORT),
        write(d / "y" / "article.txt", SHORT.replace("1000", "900")),
    ),
    "report.txt and report.html share report.meta.json": lambda d: (
        write(d / "report.txt", SHORT),
        write(d / "report.html", f"<html><body><p>{SHORT}</p></body></html>"),
        write(d / "report.meta.json", json.dumps({"title": "共用"})),
    ),
    "Markdown, broken front matter": lambda d: write(d / "a.md", "---\ntitle: [unclosed\n---\n" + SHORT),
    "Markdown front matter source javascript:": lambda d: write(
        d / "a.md", "---\ntitle: 报告\nsource: javascript:alert(1)\n---\n" + SHORT
    ),
    "HTML with a script": lambda d: write(
        d / "a.html", f"<html><script>alert(1)</script><body><p>{SHORT}</p></body></html>"
    ),
    "a text naming no city": lambda d: write(
        d / "a.txt", "今天天气很好，我们一起去公园散步，看到了很多美丽的花朵和绿色的树木，心情非常愉快。"
    ),
    "the same article under another name": lambda d: write(d / "copy.txt", GOOD),
}


def main():
    env = {"SECRET_KEY": "bench-only-insecure-key-" + "x" * 40, **os.environ}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        for name, make in CASES.items():
            folder = case(tmp, f"c{len(rows):02d}", make)
            db = tmp / f"{folder.name}.sqlite3"
            env["DATABASE_URL"] = f"sqlite:///{db}"
            manage = [sys.executable, str(ROOT / "manage.py")]
            subprocess.run(manage + ["migrate", "--noinput", "-v0"], env=env, check=True, cwd=ROOT)
            run = subprocess.run(
                manage + ["ingest", str(folder), "--quiet"],
                env=env,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=300,
            )
            said = [
                line
                for line in (run.stdout + run.stderr).splitlines()
                if "good.txt" not in line
                and line.strip()
                and "articles ingested" not in line
                and " apps.ingest: " not in line
                and not line.startswith(("CommandError", "Traceback"))
            ]
            with sqlite3.connect(db) as conn:
                docs = conn.execute(
                    "select source, url, title, publisher from atlas_document order by source"
                ).fetchall()
            stored = "; ".join(f"{s} (url {u!r})" if u else s for s, u, _, _ in docs if s != "good.txt") or "nothing"
            # (the good article's own line is left out of "said" and "stored")
            good_in = any(s in ("good.txt", "copy.txt") for s, *_ in docs)
            rows.append((name, " / ".join(said)[:300] or "—", stored[:200], run.returncode, good_in))
    print("| input | what ingest said | stored besides the good article | exit | good article in |")
    print("| --- | --- | --- | --- | --- |")
    for name, said, stored, code, good_in in rows:
        print(f"| {name} | {said.replace('|', '/')} | {stored} | {code} | {'yes' if good_in else 'NO'} |")


if __name__ == "__main__":
    main()
