"""Finds discriminatory hiring conditions in a posting's text, so a posting that says 限男性 is
refused with the reason instead of being published.

The law, kind by kind: 《就业促进法》第三条 (no discrimination by 民族、种族、性别、宗教信仰) and
第二十六条 (equal opportunity for all); 第二十七条 (women; no limits on marrying or having
children); 第二十八条 (ethnic groups); 第二十九条 and 《残疾人就业条例》第四条 (disabled people);
第三十条 (carriers of a pathogen, e.g. 乙肝); 第三十一条 (rural workers, i.e. 户籍).
《妇女权益保障法》(2022) 第四十三条: no gender limits or preference, no 婚育 conditions (married,
has or may have children, the children's age), no pregnancy tests. 人社部《就业服务与就业管理规定》
第十九条 (no refusal of carriers, no 乙肝 serology as a hiring standard) and 第二十条 (no
discriminatory content in job ads); the 2010 notice of 人社部、教育部、卫生部 on 入学和就业体检
(no 乙肝五项 / 两对半 tests, no test report asked for, no asking whether one is a carrier).
《人力资源市场暂行条例》第二十四条 (no discriminatory content in job ads). Lawful conditions that
look alike stay lawful: 持健康证 for food jobs (《食品安全法》第四十五条), 体检合格, 身体健康,
残疾人优先.

How it works: the text is normalised (full-width to half-width, spaces removed), phrases that
are fine but share characters with bad ones (男女不限, 已婚未婚均可) are blanked out, then each
category's patterns look for a restricting word (限/只招/要求/优先/不要/勿扰…) right next to a
protected trait (男性, 汉族, 信教, 本地户口, 已婚…). A trait on its own (女装, 婚庆, 少数民族地区,
生育保险) is never enough. Age limits are lawful and not checked here.
"""

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from django.conf import settings

GENDER = "性别"
ETHNICITY = "民族"
RELIGION = "宗教"
HUKOU = "户籍或地域"
MARRIAGE = "婚育"
HEALTH = "健康状况"
DISABILITY = "残疾"

EXPLANATIONS = {
    GENDER: (
        "招聘信息不能限定性别，也不能写“男性优先”“女士优先”。《就业促进法》第三条、第二十七条和"
        "《妇女权益保障法》第四十三条规定，除国家规定不适合女性的工种外，招人不能因为性别区别对待。"
        "请删掉这句话，写清楚岗位本身的要求（比如“需要搬运25公斤的货物”）。"
    ),
    ETHNICITY: (
        "招聘信息不能限定民族，也不能拒绝某个民族的人。《就业促进法》第三条、第二十八条规定，"
        "各民族劳动者享有平等的劳动权利。如果岗位需要会某种语言，请直接写“会朝鲜语”这样的要求。"
    ),
    RELIGION: (
        "招聘信息不能对宗教信仰提要求，信教和不信教的人都可以应聘。《就业促进法》第三条和"
        "《人力资源市场暂行条例》第二十四条规定，招聘信息不得有宗教信仰方面的歧视。请删掉这句话。"
    ),
    HUKOU: (
        "招聘信息不能限定户口或老家，也不能拒绝某个地方的人。《就业促进法》第三条、第三十一条规定，"
        "进城务工的农村劳动者和城镇劳动者就业权利平等，不得设置歧视性限制。请删掉这句话。"
    ),
    MARRIAGE: (
        "招聘信息不能对结婚、生孩子、孩子多大提要求（比如“已婚已育”“未婚”“几年内不生育”“不招孕妇”"
        "“孩子3岁以下不要”“宝妈勿扰”）。《就业促进法》第二十七条和《妇女权益保障法》第四十三条规定，"
        "不得把婚姻、生育情况作为录用条件，也不得把怀孕检查列为入职体检项目。请删掉这句话。"
    ),
    HEALTH: (
        "招聘信息不能拒绝乙肝、艾滋病病毒等病原携带者，也不能要求查乙肝（“两对半”“乙肝五项”）。"
        "《就业促进法》第三十条规定，不得以是传染病病原携带者为由拒绝录用；人社部《就业服务与就业管理规定》"
        "第十九条和2010年人社部、教育部、卫生部关于入学和就业体检的通知规定，入职体检不得查乙肝项目，"
        "也不得要求交乙肝检查报告（国家另有规定的少数特殊职业除外）。要求“持健康证”“体检合格”是可以的。"
        "请删掉这句话。"
    ),
    DISABILITY: (
        "招聘信息不能拒绝残疾人。《就业促进法》第二十九条和《残疾人就业条例》第四条规定，"
        "招人不得歧视残疾人。如果岗位确实需要某种身体条件，请写清楚要干什么活（比如“需要长时间站立”）。"
        "写“欢迎残疾人”“残疾人优先”是可以的。"
    ),
}

CATEGORIES = (GENDER, ETHNICITY, RELIGION, HUKOU, MARRIAGE, HEALTH, DISABILITY)


@dataclass(frozen=True)
class Finding:
    category: str
    words: tuple[str, ...]
    explanation: str


def find_discrimination(text: str) -> list[Finding]:
    """One Finding per category that the text breaks, in a fixed category order, each with the
    words that broke it (as written, after normalisation) and why it is not allowed."""
    return list(_scan(text or ""))


@functools.lru_cache(maxsize=4096)
def _scan(text: str) -> tuple[Finding, ...]:
    """Cached: an imported sheet repeats the same titles and descriptions row after row."""
    prepared = _mask_fine_phrases(normalise(text))
    findings = []
    for category in CATEGORIES:
        words: list[str] = []
        for pattern in _patterns()[category]:
            for match in pattern.finditer(prepared):
                if match.group(0) not in words:
                    words.append(match.group(0))
        if words:
            findings.append(Finding(category, tuple(words), EXPLANATIONS[category]))
    return tuple(findings)


def explain(findings: list[Finding]) -> str:
    """One message for a form field: the words found, then the reasons."""
    parts = [f"“{'”“'.join(f.words)}”是{f.category}歧视。{f.explanation}" for f in findings]
    return "".join(parts)


def normalise(text: str) -> str:
    """Full-width letters, digits and punctuation to half-width; whitespace removed, because
    people write 限 男 性 to dodge filters."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


# Phrases that are fine although they contain trait words; blanked with the same length so
# that nothing around them can join up into a match.
_FINE_PHRASES = (
    "男女",
    "女男",
    "男/女",
    "女/男",
    "男、女",
    "男或女",
    "女或男",
    "已婚未婚",
    "未婚已婚",
    "已婚或未婚",
    "未婚或已婚",
    "本地外地",
    "外地本地",
    "本地或外地",
)
_BLANK = "□"


def _mask_fine_phrases(text: str) -> str:
    for phrase in _FINE_PHRASES:
        text = text.replace(phrase, _BLANK * len(phrase))
    return text


# Restricting words. Look-behinds keep 不限/无限/年限/有限公司/不仅限/不要求/无需 out.
_ONLY = (
    r"(?:(?<![不无年期上下权界时极有仅只])限(?:于|定|招|定为)?"
    r"|(?<!不)[仅只]限(?:于)?"
    r"|(?<!不)[仅只](?:招|要|收|录|聘|用)(?:聘|收|录|用)?"
    r"|(?<!不)[仅只]适合"
    r"|(?<![不无])要求(?:是|为)?"
    r"|(?<![不无毋])需(?:要)?(?:是|为)?"
    r"|(?<![不无毋])须(?:是|为)?"
    r"|(?<!不)必须(?:是|为)?"
    r"|(?:条件|资格)"
    r")[:]?"
)
_REFUSE_BEFORE = r"(?:不招|不要|不收|不用|不录用?|不聘用?|不接受|不考虑|谢绝|拒绝|拒收|拒招)"
_REFUSE_AFTER = (
    r"(?:勿扰|免谈|免问|除外|谢绝|莫扰|勿投|慎投|绕道|绕行|不要|不招|不收|不录用|不考虑)"
)
_PREFER_AFTER = r"(?:者)?(?:优先|为佳|更佳)"
_PREFER_BEFORE = r"优先(?:录用|录取|考虑|招聘|招收|安排|选择)?"

# 男/女 with what usually follows; atomic so 女士护肤 cannot back off to 女 and slip past the
# product check. Not followed by a product or place word (女装, 男鞋, 女厕, 男宿舍).
_GENDER = (
    r"(?>(?:男|女)(?:性|士|生|工|孩|人|的|同志|同胞|普工|员工|青年|职工)?)"
    r"(?!装|鞋|包|款|式|用品|护肤|内衣|服装|服饰|袜|表|科|厕|卫生间|宿舍|寝室|更衣|浴|洗手间|模特|顾客)"
)

_ETHNIC_GROUPS = [
    "维吾尔族",
    "哈萨克族",
    "柯尔克孜族",
    "乌孜别克族",
    "塔吉克族",
    "塔塔尔族",
    "鄂温克族",
    "鄂伦春族",
    "达斡尔族",
    "俄罗斯族",
    "少数民族",
    "汉族",
    "回族",
    "维族",
    "藏族",
    "蒙古族",
    "蒙族",
    "彝族",
    "壮族",
    "苗族",
    "满族",
    "朝鲜族",
    "土家族",
    "布依族",
    "侗族",
    "瑶族",
    "白族",
    "哈尼族",
    "黎族",
    "傣族",
    "畲族",
    "傈僳族",
    "仡佬族",
    "东乡族",
    "拉祜族",
    "水族",
    "佤族",
    "纳西族",
    "羌族",
    "土族",
    "仫佬族",
    "锡伯族",
    "景颇族",
    "毛南族",
    "撒拉族",
    "布朗族",
    "阿昌族",
    "普米族",
    "怒族",
    "京族",
    "基诺族",
    "德昂族",
    "保安族",
    "裕固族",
    "门巴族",
    "独龙族",
    "赫哲族",
    "高山族",
    "珞巴族",
    "汉人",
    "回民",
    "藏民",
    "非汉族",
]
# Not a person but a place, culture or cuisine: 少数民族地区, 朝鲜族风味, 蒙古族文化.
_NOT_PERSON_AFTER = (
    r"(?!地区|聚居|自治|文化|风味|风格|服饰|餐|菜|特色|传统|歌舞|语|乡|村|学校|医院|饭店)"
)
_ETHNIC = (
    r"(?:" + "|".join(sorted(_ETHNIC_GROUPS, key=len, reverse=True)) + r")" + _NOT_PERSON_AFTER
)
# Preferring minority workers is lawful (《就业促进法》第二十八条 asks employers to do so).
_ETHNIC_EXCEPT_MINORITY = r"(?!少数民族)" + _ETHNIC

_BELIEVER = (
    r"(?:信仰)?(?:基督教徒?|基督徒|天主教徒?|佛教徒?|伊斯兰教徒?|穆斯林|道教徒?|"
    r"信教(?:者|人员|人士|的人?|群众)?|教徒|宗教人士|有宗教信仰(?:的人?|者|人员)?|宗教信仰者)"
)

_MARITAL = r"(?:已婚已育|已婚未育|已婚|未婚|单身|离异|已育|未育)"
_PREGNANT = r"(?:孕妇|孕期|怀孕|哺乳期|备孕)(?:者|人员|女性|妇女|员工|期间)?"
_AGE = r"\d{2}(?:(?:-|~|—|至|到)\d{2})?周?岁"
_CLAUSE_END = r"(?=$|[,.;!?、。)(:])"  # NFKC leaves 。 and 、 full-width
_YEARS = (
    r"(?:[\d一二两三四五六七八九十]+年(?:内|之内)?|近期|短期内|入职后|合同期内|工作期间|在职期间)"
)
_BIRTH = r"(?:生育|怀孕|要孩子|要小孩|生孩子|生小孩|生二胎|生三胎|生育二胎)"
# Mothers of young children: 孩子3岁以下不要, 有小孩的勿扰, 宝妈勿扰, 孩子未满三周岁的不要.
_CHILD = r"(?:有)?(?:孩子|小孩|宝宝|子女|幼儿|婴幼儿)"
_CHILD_AGE = (
    r"(?:在|未满|不满|小于)?(?:\d{1,2}|[一二两三四五六七八九十])?(?:周)?岁?"
    r"(?:以下|以内|之内)?(?:太小|还小|较小|小|年幼|未上学|没上学)?(?:的)?"
    r"(?:人员|者|妈妈|宝妈|女性|女士)?"
)
_MOTHER = r"(?:宝妈|有孩妈妈|带娃妈妈)"
_NO_CHILD = r"(?:无孩|无子女|没有孩子|没孩子|未生育|已生育|生育过|孩子已上学|孩子已成年|孩子已长大)"

# Carriers of a pathogen: 乙肝携带者, HBV, 大三阳, HIV, 艾滋病病毒感染者.
_CARRIER = (
    r"(?:乙肝|乙型肝炎|(?i:hbv)|大三阳|小三阳|澳抗阳性|乙肝表面抗原阳性|(?i:hiv)|艾滋病?|丙肝)"
    r"(?:病毒)?(?:携带者?|阳性|感染者|患者|病人)?(?:人员|者|人士)?"
)
# 乙肝 serology in a hiring check-up (the 2010 notice): 两对半, 乙肝五项, HBV-DNA, 乙肝检查报告.
# Negated (不查两对半, 体检不含乙肝项目) it reassures and is fine.
_NOT_ASKED = "".join(
    f"(?<!{w})"
    for w in ("不", "不查", "不做", "不含", "不用", "无需", "不需", "免", "不要求", "不包括")
)
_HBV_TEST = (
    _NOT_ASKED + r"(?:(?:乙肝|乙型肝炎)(?:两对半|五项|项目|表面抗原|病毒|血清学?指标)?"
    r"(?:检测|检查|化验|筛查|报告|指标|阴性)|两对半|乙肝五项|(?i:hbv-?dna))"
)

_DISABLED = r"(?:残疾人|残疾人士|残障人士|残疾者|残障者|身体残疾|肢体残疾|有残疾的?人?)"


@cache
def _places() -> str:
    """Places people are turned away for: hukou kinds, regions, provinces and prefecture
    cities (from the shipped division list), longest first so 黑龙江 beats 龙江."""
    names = {
        "本地", "本市", "本省", "本县", "本区", "本镇", "当地", "外地", "外省", "外市", "外县",
        "农村", "城镇", "城市", "农业", "非农业", "非农", "东北", "西北", "西南", "华北", "华南",
        "华东", "华中", "南方", "北方", "江浙", "两广", "偏远地区", "山区",
    }  # fmt: skip
    regions_dir = settings.REFERENCE_DATA_DIR / "regions"
    for file_name in ("china_provinces.csv", "china_cities.csv"):
        with (regions_dir / file_name).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                short = _short_place_name(row["name"])
                if len(short) >= 2:
                    names.add(short)
    return "(?:" + "|".join(sorted(names, key=len, reverse=True)) + ")"


def _short_place_name(name: str) -> str:
    """河南省 -> 河南, 延边朝鲜族自治州 -> 延边, 市辖区 -> ''."""
    if name in {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}:
        return ""
    name = re.sub(r"(维吾尔|回族|壮族)?自治区$", "", name)
    name = re.sub(r"(?:[\u4e00-\u9fff]{1,6}族)+自治州$", "", name)
    return re.sub(r"(省|市|地区|盟|自治州|特别行政区)$", "", name)


@cache
def _patterns() -> dict[str, list[re.Pattern[str]]]:
    place = _places() + r"(?:省|市|县|区|地区)?"
    place_person = place + r"(?:户口|户籍|籍贯|籍|户|的?人|口音)"
    rules = {
        GENDER: [
            _ONLY + _GENDER,
            _GENDER + _PREFER_AFTER,
            _PREFER_BEFORE + _GENDER,
            _REFUSE_BEFORE + _GENDER,
            _GENDER + _REFUSE_AFTER,
            r"性别(?:要求)?[:]?(?:限|为|是)?" + _GENDER,
            # 招女服务员, 招聘男工3名 (but 招聘女装导购: a product).
            r"(?:招|招聘|招收|聘|聘用)[\d一二两三四五六七八九十几若干]*(?:名|个|位|人)?" + _GENDER,
            # "普工：男，18-45岁" / "女，35岁以下": a bare gender next to an age is a requirement.
            r"(?<![\u4e00-\u9fff□])(?:男|女)(?:性)?[,、;:]?" + _AGE,
        ],
        ETHNICITY: [
            _ONLY + _ETHNIC,
            _ETHNIC_EXCEPT_MINORITY + _PREFER_AFTER,
            _PREFER_BEFORE + _ETHNIC_EXCEPT_MINORITY,
            _REFUSE_BEFORE + _ETHNIC,
            _ETHNIC + r"(?:人员|同胞|人)?" + _REFUSE_AFTER,
            r"民族(?:要求)?[:]?(?:限|为|是)?汉族?(?![语字])",
        ],
        RELIGION: [
            r"(?:无|没有|不得有|不能有|不可有|不信)宗教信仰(?!限制|要求|歧视|不限)",
            r"(?:不信|不得信|不能信)(?:教|宗教|仰宗教)",
            _ONLY + _BELIEVER,
            _BELIEVER + _PREFER_AFTER,
            _PREFER_BEFORE + _BELIEVER,
            _REFUSE_BEFORE + _BELIEVER,
            _BELIEVER + _REFUSE_AFTER,
            r"宗教(?:信仰)?(?:要求)?[:](?:无|不信|限)",
        ],
        HUKOU: [
            _ONLY + r"(?:" + place + r")?" + place_person,
            _ONLY + r"(?:有|持|具有|具备|为|是)?" + place + r"(?:户口|户籍)",
            place_person + _PREFER_AFTER,
            r"(?:本地|本市|当地)" + _PREFER_AFTER,
            # 只招本地。 / 限本地 at the end of a clause: locals only.
            _ONLY + r"(?:本地|本市|本省|当地)" + _CLAUSE_END,
            _REFUSE_BEFORE + r"(?:外地|外省|外市)" + _CLAUSE_END,
            _PREFER_BEFORE + place_person,
            _REFUSE_BEFORE + place_person,
            place_person + _REFUSE_AFTER,
            r"(?:户口|户籍|籍贯)(?:要求)?[:]?(?:限|为|是)?(?:本地|本市|本省|当地|城镇|城市|非农业?)",
        ],
        MARRIAGE: [
            r"已婚(?:已育|未育|有孩子?|有子女|有小孩)|已育|未育",
            # "女，已婚，30-45岁": a marital status standing alone as a clause is a condition
            # (已婚可安排夫妻房 is a benefit and does not stand alone).
            r"(?<![\u4e00-\u9fff□])(?:已婚|离异|单身)" + _CLAUSE_END,
            r"(?<!□)未婚(?!先孕)",
            _ONLY + _MARITAL,
            _MARITAL + _PREFER_AFTER,
            _REFUSE_BEFORE + r"(?:" + _MARITAL + r"|" + _PREGNANT + r")",
            r"(?:" + _MARITAL + r"|" + _PREGNANT + r")" + _REFUSE_AFTER,
            r"(?:无|没有|暂无|不得有|不能有|" + _YEARS + r"无)" + _BIRTH + r"(?:计划|打算|安排)?",
            _YEARS + r"不(?:得|能|准|许|可以?)?(?:" + _BIRTH + r"|结婚)",
            r"(?:有无|是否有)(?:生育|怀孕)(?:计划|打算)",
            r"(?:婚姻|婚育)(?:状况|情况)?(?:要求)?[:]?(?:限|为|是)?" + _MARITAL,
            r"(?:入职|体检|需|须|要求|必须)(?:做|进行|提供)?(?:孕检|妊娠(?:测试|检查|检测)|验孕|孕测)",
            _CHILD + _CHILD_AGE + _REFUSE_AFTER,
            _REFUSE_BEFORE + r"(?:" + _CHILD + r"|" + _MOTHER + r")",
            _MOTHER + _REFUSE_AFTER,
            _ONLY + _NO_CHILD,
            _NO_CHILD + _PREFER_AFTER,
        ],
        HEALTH: [
            _REFUSE_BEFORE + _CARRIER,
            _CARRIER + _REFUSE_AFTER,
            r"(?:" + _ONLY + r"|身体健康[,、]?)(?:无|非|不是|没有)" + _CARRIER,
            _HBV_TEST,
        ],
        DISABILITY: [
            _REFUSE_BEFORE + _DISABLED,
            _DISABLED + _REFUSE_AFTER,
            _ONLY + r"(?:身体)?健全(?:人|者)?",
            r"(?:无|非|不是)残疾(?:人|者)?" + _CLAUSE_END,
        ],
    }
    return {category: [re.compile(p) for p in patterns] for category, patterns in rules.items()}
