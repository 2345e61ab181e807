"""Many files through the pipeline: the pure stages in worker processes, loading in order here.

read → normalize → segment → extract is plain Python over plain data, so it runs in N worker
processes (each warms jieba, OpenCC and the division table once). Loading stays in the calling
process, one document at a time in file order, so the database sees the same writes in the
same order whatever N is. At most a few articles per worker wait in memory at any time.

Re-ingesting an unchanged file is skipped: one query fetches every known (source, sha256)
up front, and a file whose bytes, metadata and extractor version all match is not extracted.
"""

import hashlib
import multiprocessing
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import islice

from .pipeline.extract import EXTRACTOR_VERSION
from .pipeline.read import ArticleFile, read_file
from .pipeline.types import ArticleError, Extraction, NormalizedArticle, RawArticle
from .service import process

# A small generic article: warms every lazily loaded table without naming any real document.
WARM_UP_TEXT = "某市召开全市工业高质量发展大会，市委书记出席会议并讲话，部署先进制造业集群培育和重点项目建设工作。"


@dataclass
class Prepared:
    """One file after the pure stages: its extraction, or why it failed, or that it is unchanged."""

    article: ArticleFile
    raw: RawArticle | None = None
    normalized: NormalizedArticle | None = None
    extraction: Extraction | None = None
    error: str = ""
    unchanged: bool = False


@dataclass(frozen=True)
class KnownDocument:
    sha256: str
    extractor_version: str
    url: str
    published: object
    title: str
    publisher: str


def known_documents() -> dict:
    """{source: KnownDocument} of every stored document, in one query (texts not loaded)."""
    from apps.atlas.models import Document

    rows = Document.objects.values_list(
        "source", "sha256", "extractor_version", "url", "published", "title", "publisher"
    )
    return {source: KnownDocument(*rest) for source, *rest in rows.iterator(chunk_size=2000)}


def is_unchanged(raw: RawArticle, known: KnownDocument | None) -> bool:
    """Same bytes, same extractor, and the sidecar or front matter says nothing the document lacks."""
    if known is None or known.extractor_version != EXTRACTOR_VERSION:
        return False
    if hashlib.sha256(raw.raw_bytes).hexdigest() != known.sha256:
        return False
    meta = raw.meta
    return (
        meta.url == known.url
        and (not meta.published or meta.published == known.published)
        and (not meta.title or meta.title[:300] == known.title)
        and (not meta.publisher or meta.publisher[:120] == known.publisher)
    )


def describe_failure(exc: BaseException) -> str:
    """One line: an ArticleError says why itself; anything else is named by its type."""
    text = " ".join(str(exc).split())
    if isinstance(exc, ArticleError):
        return text
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def prepare(article: ArticleFile, raw: RawArticle | None = None) -> Prepared:
    """The pure stages for one file; never raises, so one bad file cannot stop a batch."""
    try:
        raw = raw or read_file(article.path, article.source)
        normalized, extraction = process(raw)
    except Exception as exc:
        return Prepared(article, raw=raw, error=describe_failure(exc))
    return Prepared(article, raw=raw, normalized=normalized, extraction=extraction)


def check_unchanged(article: ArticleFile, known: dict) -> Prepared | None:
    """A Prepared marked unchanged, a failed read, or None when the file must go through the pipeline.

    Only files already stored under their source are read here (milliseconds): the rest go
    straight to the workers.
    """
    if article.source not in known:
        return None
    try:
        raw = read_file(article.path, article.source)
    except Exception as exc:
        return Prepared(article, error=describe_failure(exc))
    return Prepared(article, raw=raw, unchanged=is_unchanged(raw, known[article.source]))


def warm_up():
    """Load jieba's dictionaries, OpenCC and the division table once in this process."""
    from .pipeline.extract.places import url_places
    from .pipeline.segment import is_common_word

    process(RawArticle(source="warm-up.txt", raw_bytes=b"", text=WARM_UP_TEXT, encoding="utf-8"))
    # Loaded only when a text needs them, which the warm-up text does not: jieba's word tags
    # (is a short name also a common word?) and the divisions' pinyin (a URL's place).
    is_common_word("产业")
    url_places("https://www.example.gov.cn/")


def prepared_in_order(work, jobs: int):
    """Yield prepare(article, raw) for each (article, raw) of `work`, in order, with `jobs` processes."""
    if jobs <= 1:
        for article, raw in work:
            yield prepare(article, raw)
        return
    # fork: workers inherit the configured Django and any tables already loaded; they never
    # touch the database, which only this process uses.
    context = multiprocessing.get_context("fork")
    window = jobs * 4  # enough queued to keep every worker busy, few enough to bound memory
    items = iter(work)
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=warm_up) as pool:
        pending = deque()

        def submit(item):
            article, raw = item
            try:
                pending.append((article, pool.submit(prepare, article, raw)))
            except Exception as exc:
                pending.append((article, exc))

        for item in islice(items, window):
            submit(item)
        while pending:
            article, future = pending.popleft()
            if isinstance(future, BaseException):
                yield Prepared(article, error=f"worker pool failed: {describe_failure(future)}")
            else:
                try:
                    yield future.result()
                except Exception as exc:
                    yield Prepared(article, error=f"worker failed: {describe_failure(exc)}")
            for item in islice(items, 1):
                submit(item)
