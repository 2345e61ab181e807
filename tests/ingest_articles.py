"""Short news articles for the ingest command tests, written for the tests (no real source).

Each is about another city in other words, so none is a repost or duplicate of another:
a batch of them is a batch of distinct documents whatever load deduplicates.
"""

ARTICLES = (
    "4月2日,浙江省绍兴市召开全市制造业高质量发展大会。绍兴市委书记张某某出席会议并讲话。"
    "会议提出,绍兴将打造集成电路、高端装备两大产业集群,到2027年力争全市规上工业产值突破1.5万亿元,"
    "新增高新技术企业6000家。",
    "5月8日,江苏省盐城市举行海上风电产业链招商推介会。盐城市市长李某某在推介会上致辞,"
    "介绍了当地风电装备、氢能两个产业链的配套情况,签约项目四十余个,总投资超过八百亿元。",
    "6月18日,四川省宜宾市召开动力电池产业发展座谈会。宜宾市委副书记赵某某主持座谈,"
    "与会企业家围绕正负极材料、电池回收利用等环节交流意见,市里表示将持续优化营商环境。",
    "7月9日,湖北省襄阳市新能源汽车零部件博览会开幕。襄阳市副市长孙某某宣布开幕,"
    "本届展会吸引三百多家整车和零部件企业参展,集中展示电驱动、热管理和智能座舱等新产品。",
    "9月26日,安徽省芜湖市召开机器人及智能装备产业推进大会。芜湖市委书记钱某某强调,"
    "要围绕工业机器人整机和核心部件补链强链,推动一批首台套装备在本地企业示范应用。",
)
