"""read: bytes on disk → decoded article text plus what its sidecar or front matter says.

Which files are articles, and what each is called: `collect_articles` walks the paths given,
and names each file by its path under the folder given (`三门峡市/2021.md`), or by its own name
when the file itself was given. That name is the document's identity (`Document.source`).

Sidecars: `<name>.meta.json` (`report.txt.meta.json`) belongs to that one file. The shorter
`<stem>.meta.json` (`report.meta.json`) is used only when a single article in the folder has
that stem; when `report.txt` and `report.html` both exist it is ignored with a warning.
A Markdown article's YAML front matter (title, source, date) is read the same way; the sidecar
wins where both give a value. All values pass apps/ingest/validation.py.
"""

import errno
import json
import os
import re
import stat
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path

import yaml

from ..validation import meta_from_dict, strip_controls
from .types import ArticleError, ArticleMeta, RawArticle

__all__ = [
    "ArticleFile",
    "collect_articles",
    "decode",
    "find_articles",
    "html_to_text",
    "meta_from_dict",
    "read_bytes",
    "read_file",
    "read_meta",
    "split_front_matter",
]

ARTICLE_SUFFIXES = {".txt", ".html", ".htm", ".md"}
# Tried in order; GB18030 is a superset of GBK and GB2312.
ENCODINGS = ("utf-8-sig", "gb18030", "big5")
# Byte order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", 4),
    (b"\x00\x00\xfe\xff", "utf-32-be", 4),
    (b"\xff\xfe", "utf-16-le", 2),
    (b"\xfe\xff", "utf-16-be", 2),
)
MIN_ARTICLE_CHARS = 30
MAX_BYTES = 5 * 1024 * 1024
MAX_SIDECAR_BYTES = 256 * 1024


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) for the first encoding that decodes the bytes strictly and reads as Chinese."""
    if not data.strip():
        raise ArticleError("the file is empty")
    for bom, codec, width in BOMS:
        if data.startswith(bom):
            return _decode_unicode(data[len(bom) :], codec, width)
    if b"\x00" in data[:4096]:
        raise ArticleError("the file is binary, not text")
    candidates = []
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        candidates.append((_han_share(text), encoding, text))
        if encoding.startswith("utf-8"):
            break  # valid UTF-8 of any length is practically never an accident
    if not candidates:
        raise ArticleError("the text is not UTF-8, GB18030/GBK or Big5")
    _, encoding, text = max(candidates, key=lambda c: c[0])
    return text, encoding.replace("-sig", "")


def _decode_unicode(data: bytes, codec: str, width: int) -> tuple[str, str]:
    name = codec[:6].upper()
    if len(data) % width:
        raise ArticleError(
            f"the {name} text is cut off: {len(data)} bytes after the byte order mark "
            f"is not a whole number of {width}-byte units"
        )
    try:
        return data.decode(codec), name.lower()
    except UnicodeDecodeError as exc:
        raise ArticleError(f"the text is not valid {name}: {exc.reason} at byte {exc.start}") from None


def _han_share(text):
    """Share of common CJK ideographs: the wrong legacy codec yields rare ones or mojibake."""
    sample = text[:4000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fa5")
    return han / max(len(sample), 1)


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    BLOCK = {
        "p",
        "div",
        "br",
        "li",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "section",
        "article",
        "header",
        "footer",
        "nav",
        "ul",
        "ol",
        "table",
        "blockquote",
        "title",
    }

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skipping, self.title = [], 0, []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        if tag == "title":
            self._in_title = True
        if tag in self.SKIP:
            self.skipping += 1
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        if tag in self.SKIP:
            self.skipping = max(0, self.skipping - 1)
        elif tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self._in_title:
            self.title.append(data)
        if not self.skipping:
            self.parts.append(data)


SITE_SUFFIX = re.compile(r"\s*(?:_|\||｜|\s-\s|\s—\s)\s*[^_|｜]{2,24}$")


def html_to_text(html: str) -> tuple[str, str]:
    """(body text with one block per line, <title> without the site name after _ or |)."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    lines = [" ".join(line.split()) for line in "".join(parser.parts).splitlines()]
    title = " ".join("".join(parser.title).split())
    stripped = SITE_SUFFIX.sub("", title)
    return "\n".join(line for line in lines if line), stripped if len(stripped) >= 6 else title


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
MAX_FRONT_MATTER = 64 * 1024


def split_front_matter(text: str) -> tuple[object, str, list]:
    """(the YAML front matter's data or None, the text after it, warnings) of a Markdown article."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text, []
    block, body = match.group(1) or "", text[match.end() :]
    if len(block) > MAX_FRONT_MATTER:
        return None, body, [f"front matter ignored: longer than {MAX_FRONT_MATTER // 1024} KiB"]
    try:
        return yaml.safe_load(block), body, []
    except (yaml.YAMLError, RecursionError) as exc:
        reason = " ".join(str(exc).split())[:120]
        return None, body, [f"front matter ignored: not valid YAML ({reason})"]


_MD_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]+|^[ \t]{0,3}>[ \t]?", re.M)
_MD_RULE = re.compile(r"^[ \t]{0,3}(?:[-*_][ \t]*){3,}$", re.M)
_MD_EMPHASIS = re.compile(r"\*{1,3}(?=\S)|(?<=\S)\*{1,3}")


def markdown_to_text(text: str) -> str:
    """Markdown markup that is not text: heading and quote markers, rules, bold/italic asterisks."""
    text = _MD_RULE.sub("", text)
    text = _MD_HEADING.sub("", text)
    return _MD_EMPHASIS.sub("", text)


def merge_meta(base: ArticleMeta, override: ArticleMeta) -> ArticleMeta:
    """Each value of `override` that is given wins over `base`; the warnings of both are kept."""
    return ArticleMeta(
        url=override.url or base.url,
        published=override.published or base.published,
        publisher=override.publisher or base.publisher,
        title=override.title or base.title,
        warnings=base.warnings + override.warnings,
    )


def article_format(source: str, text: str) -> str:
    name = source.lower()
    if name.endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")):
        return "html"
    return "md" if name.endswith(".md") else "txt"


def read_bytes(source: str, data: bytes, meta: ArticleMeta | None = None) -> RawArticle:
    """Decode one article's bytes; `source` is its name and decides txt, md or html.

    `meta` (a sidecar, an upload form) wins over what the file says about itself.
    """
    if len(data) > MAX_BYTES:
        raise ArticleError(f"the file is larger than {MAX_BYTES // 1024 // 1024} MiB")
    text, encoding = decode(data)
    meta = meta or ArticleMeta()
    text, removed = strip_controls(text, keep_lines=True)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    notes = (f"removed {removed} NUL or other control character(s) from the text",) if removed else ()
    fmt = article_format(source, text)
    if fmt == "md":
        front, text, front_warnings = split_front_matter(text)
        own = meta_from_dict(front, where="front matter") if front is not None else ArticleMeta()
        meta = merge_meta(replace(own, warnings=own.warnings + tuple(front_warnings)), meta)
        text = markdown_to_text(text)
    elif fmt == "html":
        text, title = html_to_text(text)
        if title and not meta.title:
            meta = replace(meta, title=meta_from_dict({"title": title}, where="<title>").title)
    if notes:
        meta = replace(meta, warnings=meta.warnings + notes)
    if sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") < MIN_ARTICLE_CHARS:
        raise ArticleError("no article text: fewer than 30 Chinese characters")
    return RawArticle(source=source, raw_bytes=data, text=text, encoding=encoding, format=fmt, meta=meta)


def _describe_os_error(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symlink loop"
    if exc.errno == errno.ENOENT:
        return "missing (a dangling symlink?)"
    return exc.strerror or str(exc)


def _regular_file_size(path: Path, what: str) -> int:
    """The size of a regular file, from stat: nothing is read before its size is known."""
    try:
        info = path.stat()
    except OSError as exc:
        raise ArticleError(f"{what} cannot be read: {_describe_os_error(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ArticleError(f"{what} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ArticleError(f"{what} is not a regular file")
    return info.st_size


def _read_small(path: Path, limit: int, what: str) -> bytes:
    size = _regular_file_size(path, what)
    if size > limit:
        raise ArticleError(f"{what} is {size / 1024 / 1024:.1f} MiB, larger than {limit / 1024 / 1024:g} MiB")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"{what} cannot be read: {_describe_os_error(exc)}") from None


def sidecar_for(path: Path) -> tuple[Path | None, str]:
    """(the sidecar that belongs to this article or None, a warning when a sidecar is ambiguous)."""
    own = path.with_name(path.name + ".meta.json")
    if os.path.lexists(own):
        return own, ""
    shared = path.with_name(path.stem + ".meta.json")
    if not os.path.lexists(shared):
        return None, ""
    owners = sorted(
        p.name for p in path.parent.iterdir() if p.stem == path.stem and p.suffix.lower() in ARTICLE_SUFFIXES
    )
    if len(owners) > 1:
        return None, (f"{shared.name} ignored: it could belong to {' or '.join(owners)}; name it {path.name}.meta.json")
    return shared, ""


def read_meta(path) -> ArticleMeta:
    """What the article's sidecar says (checked), or an empty ArticleMeta when it has none."""
    path = Path(path)
    sidecar, ambiguity = sidecar_for(path)
    if sidecar is None:
        return ArticleMeta(warnings=(ambiguity,) if ambiguity else ())
    what = f"its sidecar {sidecar.name}"
    try:
        data = _read_small(sidecar, MAX_SIDECAR_BYTES, what)
        try:
            parsed = json.loads(data.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ArticleError(f"{what} is not UTF-8 text") from None
        except (json.JSONDecodeError, RecursionError) as exc:
            raise ArticleError(f"{what} is not valid JSON ({exc})") from None
    except ArticleError as error:
        # A broken sidecar loses its metadata, not the article: the text still goes in, and says so.
        return ArticleMeta(warnings=(f"{error}; the article goes in without it",))
    return meta_from_dict(parsed, where=sidecar.name)


def read_file(path, source: str | None = None) -> RawArticle:
    """One article file; `source` is its name under what was ingested (its own name by default)."""
    path = Path(path)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{path.suffix or 'no suffix'} is not an article type (.txt, .md, .html, .htm)")
    data = _read_small(path, MAX_BYTES, "the file")
    return read_bytes(source or path.name, data, read_meta(path))


@dataclass(frozen=True)
class ArticleFile:
    """A file to ingest and its name under what was ingested: the document's identity."""

    path: Path
    source: str


@dataclass(frozen=True)
class Skipped:
    """A path not ingested; `failed` when it held an article (the command then exits non-zero)."""

    path: Path
    reason: str
    failed: bool = False


def collect_articles(paths) -> tuple[list[ArticleFile], list[Skipped]]:
    """The article files under the given files and folders, and what was skipped and why.

    Folders are walked in name order, following links to folders once each; dangling and
    looping symlinks and duplicate names are reported, not silently dropped.
    """
    found: list[ArticleFile] = []
    skipped: list[Skipped] = []
    seen: dict[str, Path] = {}

    def add(path, source):
        if source in seen:
            skipped.append(
                Skipped(
                    path,
                    f"has the same name {source!r} as {seen[source]}; ingest the folder that holds both instead",
                    failed=True,
                )
            )
            return
        seen[source] = path
        found.append(ArticleFile(path, source))

    for root in map(Path, paths):
        if root.is_dir():
            for path in _walk(root, skipped):
                add(path, path.relative_to(root).as_posix())
        elif root.is_symlink() and not root.exists():
            skipped.append(Skipped(root, _broken_link_reason(root)))
        else:
            add(root, root.name)
    return found, skipped


def _broken_link_reason(path: Path) -> str:
    try:
        path.stat()
    except OSError as exc:
        return f"skipped: {_describe_os_error(exc)}"
    return "skipped"


def _walk(root: Path, skipped: list):
    walked = set()
    files = []
    for folder, subfolders, names in os.walk(
        root,
        followlinks=True,
        onerror=lambda exc: skipped.append(Skipped(Path(exc.filename), f"skipped: {exc.strerror}")),
    ):
        real = os.path.realpath(folder)
        if real in walked:
            skipped.append(Skipped(Path(folder), "skipped: a link to a folder already walked (a symlink loop?)"))
            subfolders[:] = []
            continue
        walked.add(real)
        subfolders.sort()
        for name in names:
            path = Path(folder, name)
            if path.is_symlink() and not path.exists():
                skipped.append(Skipped(path, _broken_link_reason(path)))
            elif path.suffix.lower() in ARTICLE_SUFFIXES:
                files.append(path)
    return sorted(files, key=lambda p: p.relative_to(root).parts)


def find_articles(paths) -> list[Path]:
    """Article files under the given files and folders, sorted, sidecars excluded."""
    return [article.path for article in collect_articles(paths)[0]]
