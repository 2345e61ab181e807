"""A partner city's office written with 人民政府 (原上海市人民政府合作交流办副主任) is that city's, like
上海市政府合作交流办. Made-up sentences in the shape of tests/fixtures/realnews_dev4 22 锡林郭勒
(docs/gold-news.md, "Fourth development set", officials)."""

from apps.ingest.pipeline.extract.officials import find_officials
from apps.ingest.pipeline.extract.places import place_index


def foreign(text):
    return [name for _, _, name in place_index().mentions(text) if name.startswith("上海")]


def names(text, subject=("锡林郭勒", "锡林郭勒盟")):
    return sorted(o.name for o in find_officials(text, set(subject), foreign, subject_level="地区"))


def test_another_city_s_people_s_government_office_is_that_city_s():
    text = "盟委委员、统战部部长孙志强、原上海市人民政府合作交流办党委副书记鹿金东、原上海市人民政府合作交流办副主任姚新出席会议。"
    assert names(text) == ["孙志强"]


def test_the_subject_s_own_people_s_government_office_stays():
    # Counter-example: the subject's own 人民政府 office is the subject's.
    text = "锡林郭勒盟人民政府办公室主任张某某主持会议。"
    assert names(text) == ["张某某"]
