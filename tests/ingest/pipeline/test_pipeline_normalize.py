from apps.ingest.pipeline.normalize import (
    TrackedText,
    detect_spin,
    normalize,
    strip_pinyin_glosses,
    to_simplified,
    unspin,
)


def raw_of(article, start, end):
    """The raw text behind a normalized span, through the offset map."""
    raw = []
    for norm_start, raw_start, length in article.offset_map:
        for i in range(length):
            if start <= norm_start + i < end:
                raw.append(article.raw_text[raw_start + i])
    return "".join(raw)


def test_pinyin_glosses_go_but_real_parentheses_stay():
    tracked = TrackedText("推進新型工業(yè)化,發(fā)展(高新区)和GDP(GDP),见(征求意见稿)与(app)")
    assert strip_pinyin_glosses(tracked) == 2
    assert tracked.text == "推進新型工業化,發展(高新区)和GDP(GDP),见(征求意见稿)与(app)"


def test_traditional_is_converted_and_detected():
    tracked = TrackedText("常州市委書記主持召開專題座談會,聚焦傳統產業升級")
    assert to_simplified(tracked) == "traditional"
    assert tracked.text == "常州市委书记主持召开专题座谈会,聚焦传统产业升级"


def test_simplified_text_is_left_alone():
    tracked = TrackedText("无锡市召开推进新型工业化大会")
    assert to_simplified(tracked) == "simplified"
    assert tracked.text == "无锡市召开推进新型工业化大会"


def test_offsets_map_back_through_glosses_and_conversion():
    article = normalize("江蘇省某市召開推進新型工業(yè)化工作會議,部署產(chǎn)業(yè)發(fā)展。")
    start = article.text.index("产业发展")
    assert raw_of(article, start, start + 4) == "產業發展"


def test_boilerplate_lines_and_tail_are_dropped():
    body = "某县召开产业大会,县委书记李某出席并讲话,强调要加快发展新能源、新材料两大主导产业。" * 3
    text = "\n".join(
        [
            "您现在的位置:首页 > 新闻中心 > 本地新闻",
            body,
            "",
            "上一篇:某某新闻标题",
            "下一篇:另一条新闻",
            "联系电话:0512-12345678",
            "Copyright © 2015-2024 Example.com All Rights Reserved",
        ]
    )
    article = normalize(text)
    assert article.text == body
    assert article.cleaning["boilerplate_lines"] >= 4


def test_stock_ticker_navigation_is_dropped():
    body = "某市规上工业产值突破万亿元,高新技术企业数量增至三千家,全年新签约重大项目一百个以上。"
    text = f"《 某某股份 600123 》\n财务数据 | 十大股东 | 历史市盈率 | 龙虎榜\n{body}"
    assert normalize(text).text == body


SPUN = (
    "会议指出,要推进科学技能立异与工业立异深度交融,加快高端配备制作工业集群开展,"
    "培养新式工业和未来工业,晋级传统制作业,打破要害中心技能。"
)


def test_spun_text_is_detected_and_mapped_back():
    article = normalize(SPUN)
    assert article.spun
    assert "科学技术创新与产业创新深度融合" in article.text
    assert "高端装备制造产业集群发展" in article.text
    assert "培养新兴产业和未来产业" in article.text
    assert article.cleaning["spun_replacements"] > 5


def test_plain_text_with_one_unusual_word_is_not_spun():
    text = "某市开展产业链招商活动,才能激发市场活力,推动传统工业转型升级和科技创新。"
    article = normalize(text)
    assert not article.spun
    assert article.text == text


def test_spin_keeps_real_uses_of_ambiguous_words():
    tracked = TrackedText("开展工作,开展途径")
    unspin(tracked)
    assert tracked.text == "开展工作,发展途径"


def test_detect_spin_lists_distinct_markers():
    # 科学技能 and 新式工业 are no markers any more (only one seed used them); the other forms still count.
    assert set(detect_spin(SPUN)) >= {"立异", "技能立异", "未来工业", "工业集群", "要害", "晋级", "制作业"}


def test_a_short_last_paragraph_cut_mid_sentence_keeps_its_finished_sentence():
    # 四川安岳 2022 签约 page, as excerpted: the last paragraph stops mid-sentence
    body = "仪式上,13个重点项目集中签约,投资总额达56亿元。其中制造业项目9个,投资金额达24.8亿元。" * 2
    cut = "据悉,今年1-5月,安岳签约项目37个,投资总额达92.5亿元。下一步,安岳将进一步强化"
    assert normalize(body + "\n\n" + cut + "\n").text.endswith(cut)


def test_short_last_lines_without_a_sentence_are_still_dropped_as_headlines():
    body = "某县召开产业大会,县委书记李某出席并讲话,强调要加快发展新能源、新材料两大主导产业。" * 3
    assert normalize(body + "\n某县举行重点项目集中签约仪式\n某县召开县委常委会会议").text == body


def test_a_word_gloss_and_a_broken_county_character_go():
    # Shapes of glossing repost sites (dev8 崇州, dev13 甘谷): a whole word glossed, and 。縣 read as "?h".
    tracked = TrackedText("崇州市(chóngzhōushì)委书记甲,常委會議?h委常委乙参加,发展??h委书记丙;Wi?hi")
    strip_pinyin_glosses(tracked)
    assert tracked.text == "崇州市委书记甲,常委會議。縣委常委乙参加,发展。縣委书记丙;Wi?hi"


def test_a_chronicle_of_bulleted_sentences_stays():
    # The shape of a county government's 大事记 (kyzq.gov.cn): every entry a bulleted, finished sentence.
    entry = "●4月2日,旗委副书记、旗长王某某主持召开协调保障工作领导小组第二次会议暨安全生产工作会议。"
    article = normalize("某旗人民政府大事记\n" + entry + "\n" + entry.replace("2日", "7日"))
    assert "旗长王某某主持召开" in article.text
