import logging
import os
import sys
import time
from contextlib import nullcontext
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from tqdm import tqdm

from apps.ingest.batch import check_unchanged, describe_failure, known_documents, prepared_in_order
from apps.ingest.load import load
from apps.ingest.pipeline.read import collect_articles
from apps.ingest.service import summarize

logger = logging.getLogger("apps.ingest")


def describe_cleaning(cleaning):
    notes = []
    if cleaning.get("script") == "traditional":
        notes.append("traditional→simplified")
    if cleaning.get("pinyin_glosses"):
        notes.append(f"{cleaning['pinyin_glosses']} pinyin glosses")
    if cleaning.get("boilerplate_lines"):
        notes.append(f"{cleaning['boilerplate_lines']} boilerplate lines")
    if cleaning.get("spun_replacements") is not None:
        notes.append(f"spun text, {cleaning['spun_replacements']} words mapped back")
    return ", ".join(notes) or "clean"


def describe_summary(summary: dict) -> tuple[str, bool]:
    """(one line for a loaded article, whether it is a warning)."""
    source, status, counts = summary["source"], summary["status"], summary["counts"]
    status_note = "" if status in ("created", "updated") else f" · {status}"
    if summary.get("duplicate_of"):
        status_note += f" of {summary['duplicate_of']}"
    if not summary["city"]:
        return (
            f"⚠ {source}: stored, but it names no Chinese city, county or district — no facts extracted{status_note}"
        ), True
    line = (
        f"✓ {source}: {summary['city']} ({summary['level']}, {summary['province'] or '—'}) · "
        f"{counts.get('meetings', 0)} meetings · {counts.get('officials', 0)} officials · "
        f"{counts.get('clusters', 0)} clusters · {counts.get('targets', 0)} targets · "
        f"{describe_cleaning(summary['cleaning'])}{status_note}"
    )
    if summary["kept_for_staff"]:
        line += f" · {summary['kept_for_staff']} staff-reviewed facts kept"
    return line, False


class Command(BaseCommand):
    help = (
        "Parse articles (.txt, .md, .html) into cities, meetings, officials, clusters and targets. "
        "A document is named by its path under the folder given; unchanged files are skipped."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="*", help="files or folders; seeds/ when none are given")
        parser.add_argument(
            "--jobs",
            "-j",
            type=int,
            default=1,
            help="worker processes for read→extract (0: one per CPU); loading stays in order here",
        )
        parser.add_argument(
            "--force", action="store_true", help="extract again even files whose bytes and metadata are unchanged"
        )
        parser.add_argument(
            "--quiet",
            "-q",
            action="store_true",
            help="no progress bar and no line per article; problems and the summary still print",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="send each article to the Celery workers (CELERY_BROKER_URL) instead of loading here",
        )
        parser.add_argument(
            "--wait", action="store_true", help="with --queue: wait for the workers and print each article's result"
        )
        parser.add_argument(
            "--wait-timeout",
            type=float,
            default=None,
            metavar="SECONDS",
            help="with --wait: give up on an article after this long (default: wait)",
        )

    def handle(self, *args, **options):
        self.quiet = options["quiet"]
        self.verbosity = options["verbosity"]
        self.bar = None
        paths = options["paths"] or [settings.BASE_DIR / "seeds"]
        missing = [str(p) for p in paths if not Path(p).exists() and not Path(p).is_symlink()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        files, skipped = collect_articles(paths)
        failed = 0
        for item in skipped:
            self.problem(f"{item.path}: {item.reason}", failure=item.failed)
            failed += item.failed
        if not files:
            if skipped:
                raise CommandError(f"{len(skipped)} path(s) skipped and no article left to ingest")
            raise CommandError(f"no .txt, .md, .html or .htm articles under {', '.join(map(str, paths))}")

        started = time.perf_counter()
        known = {} if options["force"] else known_documents()
        work, unchanged = [], 0
        for article in files:
            checked = None if options["force"] else check_unchanged(article, known)
            if checked is None:
                work.append((article, None))
            elif checked.error:
                failed += 1
                self.problem(f"{article.source}: {checked.error}", failure=True)
            elif checked.unchanged:
                unchanged += 1
                if self.verbosity >= 2:
                    self.say(f"= {article.source}: unchanged, skipped")
            else:
                work.append((article, checked.raw))

        if options["queue"]:
            done, queue_failed = self.send_to_queue(work, wait=options["wait"], timeout=options["wait_timeout"])
            failed += queue_failed
            verb = "ingested by the workers" if options["wait"] else "queued"
        else:
            jobs = options["jobs"] if options["jobs"] > 0 else len(os.sched_getaffinity(0))
            done, load_failed = self.run_here(work, jobs)
            failed += load_failed
            verb = "ingested"
        elapsed = time.perf_counter() - started
        summary = f"{done} of {len(files)} articles {verb}"
        if unchanged:
            summary += f", {unchanged} unchanged (skipped; --force extracts them again)"
        self.stdout.write(f"{summary} in {elapsed:.1f} s")
        if failed:
            raise CommandError(f"{failed} file(s) could not be ingested")

    # Output: lines go around the progress bar, and every line is also logged.

    def say(self, line, style=None):
        with self.bar.external_write_mode() if self.bar else nullcontext():
            self.stdout.write(style(line) if style else line)

    def problem(self, line, failure=True):
        with self.bar.external_write_mode() if self.bar else nullcontext():
            self.stderr.write(self.style.ERROR(f"✗ {line}") if failure else self.style.WARNING(f"⚠ {line}"))
        (logger.error if failure else logger.warning)("%s", line)

    def report(self, summary):
        for warning in summary["warnings"]:
            self.problem(f"{summary['source']}: {warning}", failure=False)
        line, is_warning = describe_summary(summary)
        if is_warning:
            self.say(line, self.style.WARNING)
        elif not self.quiet:
            self.say(line)

    def progress(self, total):
        show = not self.quiet and total > 1 and sys.stderr.isatty()
        return tqdm(total=total, unit="article", file=sys.stderr, disable=not show, dynamic_ncols=True)

    def run_here(self, work, jobs):
        """Extract in `jobs` processes, load here in file order; (articles loaded, failures)."""
        done = failed = 0
        if connection.vendor == "postgresql" and work:
            # Each document is committed on its own; waiting for every commit to reach the disk
            # costs a flush per document. A crash can then lose the last moments' documents, but
            # never half of one, and running the same ingest again stores them (it is idempotent).
            with connection.cursor() as cursor:
                cursor.execute("SET synchronous_commit TO OFF")
        with self.progress(len(work)) as self.bar:
            for prepared in prepared_in_order(work, jobs):
                source = prepared.article.source
                if prepared.error:
                    failed += 1
                    self.problem(f"{source}: {prepared.error}")
                else:
                    try:
                        result = load(prepared.raw, prepared.normalized, prepared.extraction, require_city=False)
                    except Exception as exc:
                        failed += 1
                        self.problem(f"{source}: {describe_failure(exc)}")
                    else:
                        done += 1
                        self.report(summarize(result, prepared.raw.meta.warnings, source=source))
                self.bar.update()
        self.bar = None
        return done, failed

    def send_to_queue(self, work, wait, timeout=None):
        """Send one task per article; with `wait`, collect each result. (articles done, failures)."""
        from kombu.exceptions import OperationalError

        from apps.ingest.pipeline.read import read_file
        from apps.ingest.tasks import ingest_article, task_arguments
        from config.celery import app

        if not app.conf.task_always_eager:
            try:
                with app.connection_for_write() as connection:
                    connection.ensure_connection(max_retries=1)
            except OperationalError as exc:
                raise CommandError(
                    f"the broker at {app.conf.broker_url} does not answer ({exc}); "
                    "start Redis, or ingest without --queue"
                ) from None
        sent, failed = [], 0
        for article, raw in work:
            try:
                raw = raw or read_file(article.path, article.source)
            except Exception as exc:
                failed += 1
                self.problem(f"{article.source}: {describe_failure(exc)}")
                continue
            for warning in raw.meta.warnings:
                self.problem(f"{article.source}: {warning}", failure=False)
            sent.append((article, ingest_article.delay(**task_arguments(raw.raw_bytes, article.source, raw.meta))))
        if not wait:
            if not self.quiet:
                self.say(f"sent {len(sent)} articles to {app.conf.broker_url}")
            return len(sent), failed
        done = 0
        with self.progress(len(sent)) as self.bar:
            for article, async_result in sent:
                try:
                    summary = async_result.get(timeout=timeout, propagate=True)
                except Exception as exc:
                    summary = {"error": describe_failure(exc)}
                if "error" in summary:
                    failed += 1
                    self.problem(f"{article.source}: {summary['error']}")
                else:
                    done += 1
                    summary["warnings"] = []  # already printed when the article was sent
                    self.report(summary)
                self.bar.update()
        self.bar = None
        return done, failed
