"""Round 14: events and dates as local news states them in words the development pages did not use.
Written sentences in the genre's shapes (no page's names), each with a counter-example."""

from datetime import date

from apps.ingest.pipeline.extract import extract
from apps.ingest.pipeline.extract.dates import footer_date
from apps.ingest.pipeline.normalize import normalize

FILLER = "各部门要切实提高认识，压实工作责任，确保各项工作落到实处，推动经济社会高质量发展。\n" * 14


def test_a_date_line_at_the_foot_of_the_page_dates_it():
    # Government sites put 发布时间 under the body; an editor's line or a bracketed date does the same.
    assert footer_date("正文。\n发布时间：2023年08月06日") == date(2023, 8, 6)
    assert footer_date("正文。\n责任编辑：某某 2023-08-06") == date(2023, 8, 6)
    assert footer_date("正文。\n（2023年8月6日）") == date(2023, 8, 6)
    # Counter-examples: a link to another page, a sentence of the body that ends with a date.
    assert footer_date("正文。\n上一篇：某县召开项目推进会 2023-07-01") is None
    assert footer_date("正文。\n该项目于2019年5月6日正式投产，目前运行良好，年产值稳定增长，带动就业明显。") is None


def test_the_footer_date_gives_a_month_day_its_year():
    text = "某县召开项目推进会\n8月5日，某县召开重点项目推进会。\n" + FILLER + "发布时间：2023-08-06"
    extraction = extract(normalize(text))
    assert [m.date for m in extraction.meetings] == [date(2023, 8, 5)]
