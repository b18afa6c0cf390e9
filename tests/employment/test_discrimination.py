import pytest

from chengnuan.employment.discrimination import (
    DISABILITY,
    ETHNICITY,
    GENDER,
    HEALTH,
    HUKOU,
    MARRIAGE,
    RELIGION,
    explain,
    find_discrimination,
)

# (text as employers really write it, the category it breaks)
# The shared conftest clears the (database) cache around every test.
pytestmark = pytest.mark.django_db

DISCRIMINATORY = [
    ("限男性", GENDER),
    ("只招男", GENDER),
    ("仅限女性", GENDER),
    ("男性优先", GENDER),
    ("女士优先", GENDER),
    ("男士优先，能吃苦", GENDER),
    ("优先录用男性", GENDER),
    ("只招收女性", GENDER),
    ("只要女生", GENDER),
    ("仅适合男性", GENDER),
    ("谢绝女性", GENDER),
    ("女性勿扰", GENDER),
    ("不招女工", GENDER),
    ("招男工5名，月薪5000", GENDER),
    ("招聘女性服务员", GENDER),
    ("限女服务员", GENDER),
    ("招女服务员两名", GENDER),
    ("女，35岁以下", GENDER),
    ("保洁：女：40-55岁", GENDER),
    ("性别：男", GENDER),
    ("性别要求:女", GENDER),
    ("要求：女，25岁以下", GENDER),
    ("普工：男，18-45岁", GENDER),
    ("限 男 性", GENDER),
    ("限男性，", GENDER),
    ("ＬＩＭＩＴ：限男性（全角）", GENDER),
    ("限汉族", ETHNICITY),
    ("仅限汉族", ETHNICITY),
    ("汉族优先", ETHNICITY),
    ("民族：汉族", ETHNICITY),
    ("不招少数民族", ETHNICITY),
    ("少数民族勿扰", ETHNICITY),
    ("不要回族", ETHNICITY),
    ("不要维族", ETHNICITY),
    ("维吾尔族除外", ETHNICITY),
    ("谢绝藏族", ETHNICITY),
    ("朝鲜族优先", ETHNICITY),
    ("无宗教信仰", RELIGION),
    ("要求无宗教信仰", RELIGION),
    ("不信教", RELIGION),
    ("限基督徒", RELIGION),
    ("信仰佛教者优先", RELIGION),
    ("穆斯林勿扰", RELIGION),
    ("不招信教人员", RELIGION),
    ("限本地户口", HUKOU),
    ("需本地户口", HUKOU),
    ("要求本市户籍", HUKOU),
    ("本地人优先", HUKOU),
    ("本地优先", HUKOU),
    ("只招本地人", HUKOU),
    ("限沈阳户口", HUKOU),
    ("限辽宁籍", HUKOU),
    ("限城镇户口", HUKOU),
    ("不要河南人", HUKOU),
    ("不招东北人", HUKOU),
    ("东北人勿扰", HUKOU),
    ("新疆籍除外", HUKOU),
    ("外地人免谈", HUKOU),
    ("不要农村户口", HUKOU),
    ("周口人勿扰", HUKOU),
    ("只招本地。", HUKOU),
    ("限本地", HUKOU),
    ("不要外地", HUKOU),
    ("已婚已育", MARRIAGE),
    ("未婚", MARRIAGE),
    ("限未婚", MARRIAGE),
    ("已婚优先", MARRIAGE),
    ("只招单身", MARRIAGE),
    ("三年内无生育计划", MARRIAGE),
    ("两年内不得怀孕", MARRIAGE),
    ("入职后不能要孩子", MARRIAGE),
    ("不招孕妇", MARRIAGE),
    ("孕妇勿扰", MARRIAGE),
    ("不收哺乳期女性", MARRIAGE),
    ("婚姻状况：已婚", MARRIAGE),
    ("入职需做孕检", MARRIAGE),
    ("收银员，已婚，30-45岁", MARRIAGE),
    ("离异勿扰", MARRIAGE),
    # 婚育, mothers of young children (《妇女权益保障法》第四十三条)
    ("已育", MARRIAGE),
    ("未育优先", MARRIAGE),
    ("孩子3岁以下不要", MARRIAGE),
    ("孩子未满三周岁的勿扰", MARRIAGE),
    ("有小孩的不要", MARRIAGE),
    ("孩子太小的免谈", MARRIAGE),
    ("不招有孩子的", MARRIAGE),
    ("宝妈勿扰", MARRIAGE),
    ("不要宝妈", MARRIAGE),
    ("限无孩", MARRIAGE),
    ("孩子已上学者优先", MARRIAGE),
    ("孕妇勿扰，哺乳期勿扰", MARRIAGE),
    # 健康状况: carriers of a pathogen and the tests hiring may not ask for
    ("乙肝携带者勿扰", HEALTH),
    ("拒收乙肝", HEALTH),
    ("不招乙肝", HEALTH),
    ("乙肝患者不要", HEALTH),
    ("大三阳小三阳免谈", HEALTH),
    ("HBV携带者谢绝", HEALTH),
    ("hbv阳性不录用", HEALTH),
    ("HIV感染者勿扰", HEALTH),
    ("不招艾滋病病毒携带者", HEALTH),
    ("要求无乙肝", HEALTH),
    ("身体健康，无乙肝", HEALTH),
    ("入职体检含乙肝两对半", HEALTH),
    ("需提供乙肝五项检查报告", HEALTH),
    ("入职查两对半", HEALTH),
    ("体检项目：血常规、乙肝表面抗原检测", HEALTH),
    ("需做HBV-DNA", HEALTH),
    # 残疾 (《就业促进法》第二十九条, 《残疾人就业条例》第四条)
    ("残疾人勿扰", DISABILITY),
    ("不招残疾人", DISABILITY),
    ("身体残疾者免谈", DISABILITY),
    ("残障人士除外", DISABILITY),
    ("限身体健全", DISABILITY),
    ("拒绝残疾人", DISABILITY),
]

LAWFUL = [
    "男女不限",
    "男女均可",
    "不限男女",
    "性别不限",
    "不限性别",
    "招聘男女普工各5名",
    "招收男女工若干",
    "欢迎女性",
    "欢迎宝妈",
    "女职工享受产假",
    "男装店导购",
    "女装专柜销售员",
    "女士护肤品导购",
    "男鞋销售",
    "孕妇装店导购",
    "母婴店店员",
    "婚庆公司摄影助理",
    "婚纱摄影店化妆师",
    "在汉族地区工作",
    "少数民族地区项目",
    "少数民族优先",
    "不限民族",
    "朝鲜族风味餐厅招厨师",
    "蒙古族文化园讲解员",
    "宗教用品店店员",
    "无宗教信仰限制",
    "不限户籍",
    "户籍不限",
    "不要求本地户口",
    "无需本地户口",
    "本地外地均可",
    "欢迎外地人",
    "本地企业直招",
    "工作地点在本地",
    "本地人才市场推荐",
    "婚否不限",
    "已婚未婚均可",
    "已婚可安排夫妻房",
    "已婚员工可申请夫妻宿舍",
    "招聘女装导购",
    "招聘男士护肤顾问",
    "本地工作，不出差",
    "限本地驾驶经验三年以上",
    "男装，女装，童装均有",
    "提供单身宿舍",
    "五险：养老、医疗、失业、工伤、生育保险",
    "年龄18-45岁",
    "限45岁以下",
    "50岁以下，身体健康",
    "吃苦耐劳者优先",
    "有驾照者优先",
    "退役军人优先",
    "不仅限于男性",
    "沈阳市铁西区示例有限公司",
    "无限可能",
    # look-alikes of the health, maternity and disability kinds
    "持健康证上岗",
    "需办理健康证",
    "食品行业，须持有效健康证",
    "入职体检合格",
    "身体健康，能吃苦",
    "无传染病，持健康证",
    "体检不查乙肝",
    "入职体检不含乙肝项目",
    "不查两对半",
    "乙肝携带者也可以应聘",
    "医院感染科护工，了解乙肝防护知识",
    "艾滋病防治宣传员",
    "适合宝妈，可接送孩子",
    "宝妈岗，时间自由",
    "孩子放学后可以带来",
    "提供子女入学帮助",
    "幼儿园保育员",
    "母婴店导购，有育儿经验者优先",
    "婴幼儿托育中心保育员",
    "欢迎残疾人",
    "残疾人优先",
    "适合残疾人的岗位",
    "残疾人就业保障金代缴",
    "残疾人托养中心护理员",
    "",
]


@pytest.mark.parametrize(("text", "category"), DISCRIMINATORY)
def test_discriminatory_phrasing_is_found_with_its_category(text, category):
    findings = find_discrimination(text)
    assert [f.category for f in findings] == [category]
    assert findings[0].words


@pytest.mark.parametrize("text", LAWFUL)
def test_lawful_phrasing_is_not_flagged(text):
    assert find_discrimination(text) == []


def test_finding_quotes_the_words_and_cites_the_law():
    (finding,) = find_discrimination("诚聘仓库管理员，限男性，包吃住")
    assert finding.words == ("限男性",)
    assert "《就业促进法》第三条、第二十七条" in finding.explanation
    assert "限男性" in explain([finding])


def test_several_categories_are_reported_in_fixed_order():
    text = "限本地户口，已婚已育，男性优先"
    assert [f.category for f in find_discrimination(text)] == [GENDER, HUKOU, MARRIAGE]


def test_same_words_twice_are_listed_once():
    (finding,) = find_discrimination("限男性。再说一次：限男性。")
    assert finding.words == ("限男性",)


def test_legit_phrase_does_not_hide_a_bad_one_next_to_it():
    findings = find_discrimination("男女不限，但女士优先")
    assert [f.words for f in findings] == [("女士优先",)]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("不招少数民族", ETHNICITY),
        ("户口要求：本地", HUKOU),
        ("宗教信仰：无", RELIGION),
        ("乙肝勿扰", HEALTH),
        ("孩子3岁以下不要", MARRIAGE),
        ("残疾人勿扰", DISABILITY),
    ],
)
def test_every_category_explanation_names_a_law(text, category):
    (finding,) = find_discrimination(text)
    assert finding.category == category
    assert "《" in finding.explanation and "条" in finding.explanation


def test_the_health_reason_names_the_carrier_rule_and_what_is_still_allowed():
    (finding,) = find_discrimination("拒收乙肝，入职查两对半")
    assert finding.words == ("拒收乙肝", "两对半")
    assert "第三十条" in finding.explanation and "持健康证" in finding.explanation
