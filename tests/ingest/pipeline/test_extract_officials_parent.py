"""A county's news lists its parent's and its partners' leaders next to its own: only the
county's own count. Made-up sentences in the shapes of tests/fixtures/realnews (11 宣恩, 16 定远,
17 东乡, 23 平湖; docs/gold-news.md, "Officials")."""

from apps.ingest.pipeline.extract.officials import find_officials


def names(text, level, subject=("某县",), foreign=lambda text: []):
    return sorted(o.name for o in find_officials(text, set(subject), foreign, subject_level=level))


def test_a_prefecture_post_is_the_parent_s_in_a_county_text():
    text = "副州长张勇强出席会议并讲话，县委书记刘智勇陪同参观，县委副书记、县长习覃致辞。"
    assert names(text, "县") == sorted(["刘智勇", "习覃"])


def test_a_prefecture_post_ending_in_a_county_post_is_the_county_s():
    text = "州委书记郭鹤立，州人大常委会主任刘富祯出席。州委常委、东乡县委书记马斌致辞。"
    assert names(text, "县", subject=("东乡", "东乡县")) == ["马斌"]


def test_a_county_level_city_keeps_its_own_city_posts():
    text = "市委书记李某某出席，副州长王某某讲话。"
    assert names(text, "县级市") == ["李某某"]


def test_a_prefecture_text_keeps_its_own_posts():
    text = "副州长张勇强出席会议并讲话。"
    assert names(text, "地区") == ["张勇强"]


def test_a_list_under_two_levels_of_leaders_is_left_out():
    text = "市、县领导万某某、邹军、陈国祥出席签约仪式。县委常委、常务副县长陶学功主持。"
    assert names(text, "县") == ["陶学功"]


def test_names_listed_after_another_place_s_leaders_are_that_place_s():
    text = "青田县领导林霞、郑家彪、周立军，平湖市领导仲旭东、吴金华出席。"

    def foreign(t):
        return ["青田"] if "青田" in t else []

    assert names(text, "县级市", subject=("平湖", "平湖市"), foreign=foreign) == ["仲旭东", "吴金华"]


def test_a_parent_post_after_a_verb_read_into_the_title_is_still_the_parent_s():
    # Shaped after 洪泽 (tests/fixtures/realnews_dev2/11): 会议传达市委副书记某某 in a district's text.
    text = "区委书记张某林主持会议。会议传达市委副书记赵某兰在大会上的讲话精神。"
    assert names(text, "区", subject=("某区",)) == ["张某林"]
