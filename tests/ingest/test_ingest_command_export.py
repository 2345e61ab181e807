"""export_facts streams its JSON: the same bytes as encoding the whole export at once."""

import json
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from apps.atlas.export import export_facts

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("indent", [None, 2])
def test_streamed_export_is_exactly_the_whole_export(indent):
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO())
    out = StringIO()
    call_command("export_facts", *(["--indent", str(indent)] if indent else []), stdout=out)
    expected = json.dumps(export_facts(), ensure_ascii=False, indent=indent) + "\n"
    assert out.getvalue() == expected
    data = json.loads(out.getvalue())
    assert len(data["documents"]) == 5 and len(data["cities"]) == 5
    assert all(city["clusters"] for city in data["cities"])


@pytest.mark.parametrize("indent", [None, 2])
def test_empty_export_keeps_the_same_shape(indent):
    out = StringIO()
    call_command("export_facts", *(["--indent", str(indent)] if indent else []), stdout=out)
    assert out.getvalue() == json.dumps({"documents": [], "cities": []}, indent=indent) + "\n"


def test_no_query_reads_the_documents_texts():
    call_command("ingest", str(settings.BASE_DIR / "seeds"), stdout=StringIO())
    with CaptureQueriesContext(connection) as queries:
        call_command("export_facts", stdout=StringIO())
    sql = [q["sql"] for q in queries.captured_queries]
    assert any('FROM "atlas_document"' in s for s in sql)
    assert not any(
        column in s for s in sql for column in ("raw_text", "normalized_text", "offset_map", "evidence_text")
    )
