"""The shingles of recently compared texts are kept by content hash, so a text is fetched once."""

from apps.ingest import reposts
from apps.ingest.load import content_hash


def test_a_recent_text_is_not_asked_for_again():
    text = "某市召开全市工业高质量发展大会，部署先进制造业集群培育工作。"
    asked = []

    def fetch():
        asked.append(1)
        return text

    first = reposts.recent_shingles(content_hash(text), fetch)
    assert reposts.is_recent(content_hash(text))
    assert reposts.recent_shingles(content_hash(text), fetch) is first
    assert first == reposts.shingles(text) and len(asked) == 1


def test_only_the_last_few_texts_are_kept():
    texts = [f"第{i}份文件的正文，内容各不相同。" for i in range(reposts.RECENT_TEXTS + 1)]
    for text in texts:
        reposts.recent_shingles(content_hash(text), lambda text=text: text)
    assert not reposts.is_recent(content_hash(texts[0]))
    assert reposts.is_recent(content_hash(texts[-1]))


def test_a_row_without_a_content_hash_is_shingled_each_time():
    assert not reposts.is_recent("")
    assert reposts.recent_shingles("", lambda: "甲乙丙丁戊己庚") == reposts.shingles("甲乙丙丁戊己庚")


def test_sets_too_different_in_size_are_not_compared_but_give_the_same_answer():
    body = "".join(f"第{i}项重点工作扎实推进，" for i in range(60))
    short = body[:200]
    assert reposts.most_similar(short, [("body", body)]) is None
    assert reposts.most_similar(body, [("short", short), ("same", body + "。")])[0] == "same"


def test_more_candidates_than_are_kept_all_get_compared(db):
    """Forty stored reports with one title: comparing a new one pushes kept texts out midway."""
    from apps.atlas.models import Document
    from apps.ingest.load import _repost_of

    for i in range(reposts.RECENT_TEXTS + 8):
        text = "".join(f"第{i}年第{j}项工作扎实推进，" for j in range(30))
        Document.objects.create(
            source=f"r{i}.txt", title="政府工作报告", normalized_text=text, content_hash=content_hash(text)
        )
    for document in Document.objects.order_by("-pk")[:10]:  # the newest few are kept, the rest not
        reposts.recent_shingles(document.content_hash, lambda document=document: document.normalized_text)
    target = Document.objects.get(source="r3.txt")
    assert _repost_of(target.normalized_text + "。", None, "政府工作报告") == target
