"""read: bytes on disk → decoded article text plus what its sidecar says."""
import json
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

from .types import ArticleError, ArticleMeta, RawArticle

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
# Tried in order; GB18030 is a superset of GBK and GB2312.
ENCODINGS = ("utf-8-sig", "gb18030", "big5")
MIN_ARTICLE_CHARS = 30
MAX_BYTES = 5 * 1024 * 1024


def decode(data: bytes) -> tuple[str, str]:
    """(text, encoding) for the first encoding that decodes the bytes strictly and reads as Chinese."""
    if not data.strip():
        raise ArticleError("the file is empty")
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError("the file is binary, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), "utf-16"
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


def _han_share(text):
    """Share of common CJK ideographs: the wrong legacy codec yields rare ones or mojibake."""
    sample = text[:4000]
    han = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fa5")
    return han / max(len(sample), 1)


class _TextExtractor(HTMLParser):
    SKIP = {"script", "style", "noscript", "template", "svg", "head"}
    BLOCK = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
             "header", "footer", "nav", "ul", "ol", "table", "blockquote", "title"}

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


def read_meta(path: Path) -> ArticleMeta:
    sidecar = path.with_name(path.name.rsplit(".", 1)[0] + ".meta.json")
    if not sidecar.exists():
        return ArticleMeta()
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ArticleError(f"its sidecar {sidecar.name} is not valid JSON ({exc})") from exc
    return meta_from_dict(data, where=sidecar.name)


def meta_from_dict(data, where="metadata") -> ArticleMeta:
    if not isinstance(data, dict):
        raise ArticleError(f"{where} must be a JSON object")
    published = data.get("published")
    if published:
        try:
            published = date.fromisoformat(str(published)[:10])
        except ValueError as exc:
            raise ArticleError(f"{where}: published {published!r} is not a YYYY-MM-DD date") from exc
    return ArticleMeta(
        url=str(data.get("url") or ""), published=published or None,
        publisher=str(data.get("publisher") or ""), title=str(data.get("title") or ""),
    )


def read_bytes(source: str, data: bytes, meta: ArticleMeta | None = None) -> RawArticle:
    """Decode one article's bytes; `source` is its file name and decides txt vs html."""
    if len(data) > MAX_BYTES:
        raise ArticleError(f"the file is larger than {MAX_BYTES // 1024 // 1024} MiB")
    text, encoding = decode(data)
    fmt = "html" if source.lower().endswith((".html", ".htm")) or text.lstrip()[:15].lower().startswith(("<!doctype", "<html")) else "txt"
    meta = meta or ArticleMeta()
    if fmt == "html":
        text, title = html_to_text(text)
        if title and not meta.title:
            meta = ArticleMeta(url=meta.url, published=meta.published, publisher=meta.publisher, title=title)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff") < MIN_ARTICLE_CHARS:
        raise ArticleError("no article text: fewer than 30 Chinese characters")
    return RawArticle(source=source, raw_bytes=data, text=text, encoding=encoding, format=fmt, meta=meta)


def read_file(path) -> RawArticle:
    path = Path(path)
    if path.suffix.lower() not in ARTICLE_SUFFIXES:
        raise ArticleError(f"{path.suffix or 'no suffix'} is not an article type (.txt, .html, .htm)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(f"cannot be read ({exc.strerror})") from exc
    return read_bytes(path.name, data, read_meta(path))


def find_articles(paths) -> list[Path]:
    """Article files under the given files and folders, sorted, sidecars excluded."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*")) if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            found.append(path)
    return found
