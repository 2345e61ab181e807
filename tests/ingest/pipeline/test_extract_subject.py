"""The subject city: anchors (dateline, URL, title) outweigh raw frequency, and short names that
are also words or provinces count only with place context. Made-up sentences in the shapes
named in the issue "Extraction that holds on real text"."""

import pytest

from apps.atlas.divisions import load_divisions
from apps.ingest.pipeline.extract import (
    ArticleDoc,
    officials_step,
    people_are_not_places_step,
    run,
    subject_step,
)
from apps.ingest.pipeline.extract.places import main_city, url_places
from apps.ingest.pipeline.segment import boundaries, segment
from apps.ingest.pipeline.types import ArticleMeta


def city_of(text, **kwargs):
    return main_city(text, token_edges=boundaries(segment(text)), **kwargs)


@pytest.mark.parametrize(
    "text",
    [
        "双方签订合作协议，共同推进项目建设。",  # 合作 ≠ 合作市
        "积极开拓新兴市场，扩大出口。",  # 新兴 ≠ 新兴县
        "全力打造示范县，争创示范区。",  # 示范县 ≠ 范县
        "坚持大兴工业，推动转型。",  # 大兴 ≠ 大兴区
        "与淡水河谷公司签约。",  # 淡水 ≠ 淡水区
        "河北、河南两省企业参展。",  # provinces ≠ 河北区 / 河南县
        "全州上下团结奋斗。",  # the prefecture itself ≠ 全州县
    ],
)
def test_words_and_provinces_are_not_places(text):
    assert city_of(text) is None


def test_a_short_name_with_place_context_is_a_place():
    assert city_of("合作市委召开会议，合作市政府部署工作。").name == "合作"


def test_the_dateline_outweighs_a_company_and_a_partner_city():
    text = "大冶有色公司扩产。主动配套武汉市发展，武汉市企业来投资。我市工业增长。武汉市客商参观。"
    city = city_of(text, anchors=[("某某市第十六届人民代表大会", 8.0), ("黄石市第十五届人民代表大会第三次会议", 8.0)])
    assert city.name == "黄石"


def test_prefecture_short_forms_resolve_to_the_prefecture():
    city = city_of("巴州经济平稳运行。全州上下团结奋斗。", title="巴音郭楞蒙古自治州政府工作报告")
    assert city.name == "巴音郭楞"
    assert "巴州" in load_divisions().aliases(load_divisions().by_adcode[city.adcode])
    assert city_of("恩施州召开全州经济工作会议。恩施州州长讲话。").name == "恩施"


def test_an_article_that_only_says_our_city_takes_its_city_from_the_url():
    text = "我市召开工业大会，部署全年工作。"
    assert city_of(text) is None
    assert url_places("https://www.hangzhou.gov.cn/art/2025/5/29/art_1.html") == "杭州市"
    assert city_of(text, anchors=[(url_places("https://www.hangzhou.gov.cn/art/1.html"), 6.0)]).name == "杭州"


def test_a_person_is_not_a_place():
    text = "副市长易茂林出席。易茂林强调要抓好落实。某某市召开会议。"
    doc = ArticleDoc(text=text, tokens=tuple(segment(text)), meta=ArticleMeta(title="宿州市召开工业大会"))
    run(doc, [subject_step, officials_step, people_are_not_places_step])
    assert doc.city is None or doc.city.name != "茂林"


def test_an_article_that_only_says_our_city_takes_its_city_from_the_publisher():
    assert city_of("我市召开工业大会，部署全年工作。", publisher="宁波日报").name == "宁波"


def test_a_work_report_is_about_the_place_its_dateline_names():
    # Shape of a municipality's report that names one of its districts more often than itself.
    text = "滨海新区开发开放加快。滨海新区区委部署。滨海新区建设提速。天津港吞吐量增长。"
    anchors = [("天津市第十五届人民代表大会第一次会议", 8.0)]
    assert city_of(text, anchors=anchors).name == "滨海"  # 滨海新区 by frequency alone
    assert city_of(text, anchors=anchors, anchored_only=True).name == "天津"


@pytest.mark.parametrize(
    "publisher, expected",
    [
        ("新华社", None),  # national media: 新华 is part of the word, not 新华区
        ("新华网", None),
        ("昆山日报", "昆山"),  # a place's own paper names it
        ("江阴发布", "江阴"),
        ("无锡市人民政府", "无锡"),
    ],
)
def test_a_publisher_names_its_place_only_as_a_place(publisher, expected):
    found = main_city("今天天气很好，我们一起去公园散步，心情非常愉快。", title="周末", publisher=publisher)
    assert (found.name if found else None) == expected


def test_a_local_outlet_with_any_kind_of_name_still_names_its_county():
    found = main_city(
        "县长主持会议。装备制造业是我县传统优势产业。", title="领导小组召开第一次会议", publisher="临澧手机报"
    )
    assert found and found.name == "临澧"
