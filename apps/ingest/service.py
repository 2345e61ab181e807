"""The whole pipeline for one article: read → normalize → segment → extract → load.

`ingest` and the admin's upload both come through here, so an uploaded article is
treated exactly like one on disk.
"""
from .load import LoadResult, load
from .pipeline.extract import extract
from .pipeline.normalize import normalize
from .pipeline.read import read_bytes, read_file
from .pipeline.segment import segment
from .pipeline.types import ArticleMeta, RawArticle


def process(raw: RawArticle):
    """The pure part: (normalized article, extraction), no database."""
    normalized = normalize(raw.text)
    tokens = segment(normalized.text)
    return normalized, extract(normalized, tokens, raw.meta)


def ingest_raw(raw: RawArticle, require_city=True) -> LoadResult:
    normalized, extraction = process(raw)
    return load(raw, normalized, extraction, require_city=require_city)


def ingest_path(path) -> LoadResult:
    """One article file; an article that names no city is kept without facts (see LoadResult.placed)."""
    return ingest_raw(read_file(path), require_city=False)


def ingest_upload(source: str, data: bytes, meta: ArticleMeta | None = None) -> LoadResult:
    """An article given as bytes (an upload or pasted text encoded as UTF-8)."""
    return ingest_raw(read_bytes(source, data, meta))
