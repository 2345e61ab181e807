"""Score extraction on a folder of articles against a folder of gold files.

Ingests the articles into a fresh temporary SQLite database (migrate, `manage.py ingest`,
`manage.py export_facts`, each a subprocess with DATABASE_URL pointing at it), then runs the
shared scorer (../shared/eval/score.py beside the repository, or higher up for a worktree)
on the export and prints its table.

    python bench/score_news.py                                  # tests/fixtures/realnews vs realnews_gold
    python bench/score_news.py ARTICLES GOLD --verbose --json var/news-score.json

Prints figures; asserts nothing. Exits with the scorer's status.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def find_scorer():
    """../shared/eval/score.py beside the repository; a git worktree sits deeper, so look upwards."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "eval" / "score.py"
        if candidate.exists():
            return candidate
    return ROOT.parent / "shared" / "eval" / "score.py"


SCORER = find_scorer()
DEFAULT_ARTICLES = ROOT / "tests" / "fixtures" / "realnews"
DEFAULT_GOLD = ROOT / "tests" / "fixtures" / "realnews_gold"
KINDS = ("meetings", "officials", "clusters", "targets", "years")


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", nargs="?", type=Path, default=DEFAULT_ARTICLES)
    parser.add_argument("gold", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--verbose", action="store_true", help="per-document misses and false positives")
    parser.add_argument(
        "--totals-only",
        action="store_true",
        help="print the kinds' totals only, no line per document: for held-out sets, whose misses must stay unread",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="write the summary figures to FILE")
    parser.add_argument("--scorer", type=Path, default=SCORER, help=f"default: {SCORER}")
    return parser.parse_args(argv)


def export_facts(articles, workdir):
    """Ingest `articles` into a new SQLite file under `workdir`; return the path of the export."""
    # A throwaway database: the settings need some SECRET_KEY, not a secret one.
    env = {
        "SECRET_KEY": "score-only-insecure-key-" + "x" * 40,
        **os.environ,
        "DATABASE_URL": f"sqlite:///{workdir / 'score.sqlite3'}",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run(manage + ["migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True)
    # A bad file makes `ingest` exit non-zero after loading the rest; the score still counts it.
    ingest = subprocess.run(manage + ["ingest", str(articles)], env=env, cwd=ROOT, capture_output=True, text=True)
    if ingest.returncode:
        sys.stderr.write(ingest.stdout + ingest.stderr)
    export = workdir / "export.json"
    with export.open("w", encoding="utf-8") as out:
        subprocess.run(manage + ["export_facts"], env=env, cwd=ROOT, check=True, stdout=out)
    return export


def summary(scorer, export, gold):
    """The scorer's figures as a dict, computed by importing its own `score` function."""
    sys.path.insert(0, str(scorer.parent))
    import score as shared_score

    rows, result = shared_score.score(json.loads(export.read_text(encoding="utf-8")), str(gold))
    figures = {"documents": len(rows), "city": round(result["city"], 4)}
    for kind in KINDS:
        precision, recall = result[kind + "_pr"]
        figures[kind] = {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(result[kind], 4)}
    figures["city_misses"] = [row["doc"] for row in rows if row["city"] != "ok"]
    return figures


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    with tempfile.TemporaryDirectory() as tmp:
        export = export_facts(args.articles.resolve(), Path(tmp))
        command = [sys.executable, str(args.scorer), str(export), str(args.gold.resolve())]
        if args.totals_only:
            run = subprocess.run(command, capture_output=True, text=True)
            sys.stdout.write("".join(line for line in run.stdout.splitlines(True) if not line.startswith("{")))
            sys.stderr.write(run.stderr)
            status = run.returncode
        else:
            status = subprocess.run(command + (["--verbose"] if args.verbose else [])).returncode
        if args.json:
            figures = summary(args.scorer, export, args.gold.resolve())
            figures.update(articles=str(args.articles), gold=str(args.gold))
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return status


if __name__ == "__main__":
    sys.exit(main())
