"""A document page never offers a javascript: link, whatever the stored URL says (issue: stored XSS
through a sidecar URL)."""

from apps.atlas.models import Document


def test_the_document_page_never_offers_a_javascript_link(new_tab, atlas, screenshot):
    hostile, fine = atlas.documents["kunshan"], atlas.documents["wuxi"]
    # Rows written before ingest checked URLs, or by hand: the page must still not link them.
    Document.objects.filter(pk=hostile.pk).update(url="javascript:alert(document.domain)")
    Document.objects.filter(pk=fine.pk).update(url="https://www.example.org/news/1.html")
    tab = new_tab()
    dialogs = []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    tab.goto(f"/documents/{hostile.pk}/")
    hrefs = tab.eval_on_selector_all("a[href]", "links => links.map(a => a.getAttribute('href'))")
    assert hrefs and not [h for h in hrefs if h.strip().lower().startswith(("javascript:", "data:", "vbscript:"))]
    assert tab.get_by_text("原始链接 original link").count() == 0
    screenshot(tab, "document-hostile-url")

    tab.goto(f"/documents/{fine.pk}/")
    link = tab.get_by_role("link", name="原始链接 original link")
    assert link.get_attribute("href") == "https://www.example.org/news/1.html"
    assert "noopener" in link.get_attribute("rel")
    assert dialogs == []
