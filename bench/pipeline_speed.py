"""The pipeline's speed against bare jieba on the same work reports, in one process.

read → normalize → segment → extract (apps.ingest.service.process, no database) and
jieba.lcut(HMM off) are timed over the same texts, each `--runs` times; prints characters/s
(min and median of the runs) and the ratio of the median times. Times are this process's CPU
time (time.process_time), so other programs busy on a shared machine skew them less than
wall time would. Prints figures; asserts nothing.

    python bench/pipeline_speed.py [--corpus DIR] [--sample 50] [--runs 3] [--profile]

--profile runs the pipeline once more under cProfile and prints the 30 costliest functions.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = next(
    (
        parent / "shared" / "corpus" / "work-reports"
        for parent in ROOT.parents
        if (parent / "shared" / "corpus" / "work-reports").is_dir()
    ),
    ROOT.parent / "shared" / "corpus" / "work-reports",
)


def timed(function, items, runs):
    """CPU seconds of each run of function over every item."""
    seconds = []
    for _ in range(runs):
        start = time.process_time()
        for item in items:
            function(item)
        seconds.append(time.process_time() - start)
    return seconds


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--sample", type=int, default=50, help="reports spread evenly over the corpus")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("SECRET_KEY", "pipeline-speed-bench-" + "x" * 40)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    import jieba

    from apps.ingest.batch import warm_up
    from apps.ingest.pipeline.extract import extract
    from apps.ingest.pipeline.normalize import normalize
    from apps.ingest.pipeline.read import collect_articles, read_file
    from apps.ingest.pipeline.segment import word_edges
    from apps.ingest.service import process

    start = time.perf_counter()
    warm_up()
    print(f"warm-up (dictionaries, OpenCC, divisions): {time.perf_counter() - start:.2f} s")
    jieba.setLogLevel(60)
    start = time.perf_counter()
    jieba.lcut("预热", HMM=False)
    print(f"bare jieba's own dictionary: {time.perf_counter() - start:.2f} s")

    files = collect_articles([args.corpus])[0]
    step = max(len(files) // args.sample, 1)
    paths = [(a.path, a.source) for a in files[::step][: args.sample]]
    articles = [read_file(path, source) for path, source in paths]
    characters = sum(len(a.text) for a in articles)

    read_seconds = timed(lambda item: read_file(*item), paths, args.runs)
    pipeline_seconds = timed(process, articles, args.runs)
    jieba_seconds = timed(lambda article: jieba.lcut(article.text, HMM=False), articles, args.runs)

    def line(label, seconds):
        rates = sorted(characters / s / 1000 for s in seconds)
        return (
            f"{label}: median {statistics.median(seconds):.2f} s, min {min(seconds):.2f} s = "
            f"{rates[-1]:.0f} k characters/s best, {statistics.median(rates):.0f} k median"
        )

    print(f"{len(articles)} reports, {characters:,} characters, {args.runs} runs each")
    print(line("read (decode, front matter)", read_seconds))
    print(line("normalize → segment → extract", pipeline_seconds))
    print(line("bare jieba.lcut (HMM off)", jieba_seconds))
    whole = statistics.median(pipeline_seconds) + statistics.median(read_seconds)
    normalized = [normalize(a.text) for a in articles]
    # The stages as process() runs them: extraction is given the word edges, not tokens.
    segmented = [(n, word_edges(n.text), a.meta) for n, a in zip(normalized, articles)]
    stages = {
        "  normalize": timed(lambda article: normalize(article.text), articles, args.runs),
        "  segment (word edges)": timed(lambda n: word_edges(n.text), normalized, args.runs),
        "  extract": timed(lambda item: extract(item[0], meta=item[2], word_edges=item[1]), segmented, args.runs),
    }
    for label, seconds in stages.items():
        print(line(label, seconds) + f"; {statistics.median(seconds) / statistics.median(jieba_seconds):.2f}× jieba")
    print(
        f"pipeline / jieba (medians): {statistics.median(pipeline_seconds) / statistics.median(jieba_seconds):.2f}×, "
        f"with read: {whole / statistics.median(jieba_seconds):.2f}×"
    )

    if args.profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        for article in articles:
            process(article)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
        pstats.Stats(profiler).sort_stats("tottime").print_stats(30)


if __name__ == "__main__":
    main()
