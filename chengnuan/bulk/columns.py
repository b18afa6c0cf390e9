"""The columns of each importable sheet: Chinese header, the other names clerks give the same
column, whether it must be filled, which drop-down it gets and what the notes sheet says.
The template writer, the header check and the row readers all work from these specs, so a
column is described once."""

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from chengnuan.bulk.choices import ImportKind

# Columns that may be present and are not data: a clerk's own row numbers, and the reason
# column of a returned error sheet (so the fixed sheet can be uploaded as it is).
ERROR_HEADER = "错误原因"
IGNORED_HEADERS = frozenset({"序号", "编号", ERROR_HEADER})


@dataclass(frozen=True)
class Column:
    key: str
    header: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    note: str = ""
    example: Any = ""
    # A drop-down list (see workbooks.OPTION_LISTS); `strict` refuses other values in Excel,
    # otherwise Excel only hints, for columns where a messy value is still understood.
    options: str | None = None
    strict: bool = False
    text: bool = False  # long numbers (身份证号, phone) are kept as text, not rounded by Excel
    width: int = 14


@dataclass(frozen=True)
class SheetSpec:
    kind: str
    title: str
    sheet_name: str
    columns: tuple[Column, ...]
    notes: tuple[str, ...] = ()
    _lookup: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        for column in self.columns:
            for name in (column.header, *column.aliases):
                self._lookup[clean_header(name)] = column.key

    def key_for(self, header: str) -> str | None:
        return self._lookup.get(clean_header(header))

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)


_HEADER_NOISE = re.compile(r"[\s*＊:：]|[(（]必填[)）]|必填")


def clean_header(value: Any) -> str:
    """「身份证号*」, 「 身份证号 」, 「身份证号（必填）」 are all 「身份证号」."""
    text = unicodedata.normalize("NFKC", "" if value is None else str(value))
    text = _HEADER_NOISE.sub("", text)
    return text.replace("(", "（").replace(")", "）")


# The example row of each template is skipped when it comes back unchanged, so these numbers
# are valid in form (a clerk sees what a correct one looks like) and never imported.
EXAMPLE_USCC = "91210106MA0Y8D2K72"
EXAMPLE_ID_NUMBER = "210106199001011232"

YES_NO = "请填「是」或「否」（也可以填 √ 或 ×）。"
DATE = "写成 2026-12-01，也可以写 2026/12/1、2026年12月1日。"
AREA = "从下拉里选，也可以写「铁西区」或「沈阳市铁西区」。"
WAGE = "写成 4000-6000，也可以写 6千-1.2万、200元/天、25元/小时、3500以上。不能写「面议」。"
# The sheets, one column a line or two: a table is easier to read than a formatted call.
# fmt: off
POSTING = SheetSpec(
    kind=ImportKind.POSTING,
    title="岗位信息导入表",
    sheet_name="岗位信息",
    columns=(
        Column("employer_name", "单位名称", True, ("用人单位", "企业名称", "公司名称", "招聘单位"), "营业执照上的全称。", "沈阳示例制造有限公司",
               width=24),
        Column("employer_uscc", "统一社会信用代码", True, ("信用代码", "社会信用代码", "统一信用代码"),
               "营业执照上的18位代码。系统里还没有的单位会一起登记，等待核验。", EXAMPLE_USCC, text=True, width=22),
        Column("title", "岗位名称", True, ("招聘岗位", "岗位", "职位", "职位名称"), "最多60个字，例如「普工」「叉车司机」。", "普工", width=16),
        Column("occupation", "职业（工种）", False, ("职业", "工种", "职业名称"), "从下拉里选（国家职业分类大典名称）；不会选可以空着。", "",
               options="occupation", width=20),
        Column("county", "工作地点（县区）", True, ("工作地点", "工作县区", "县区", "工作地区", "所在县区"), AREA, "沈阳市铁西区",
               options="county", width=18),
        Column("address", "详细地址", False, ("地址", "工作地址"), "街道门牌，最多200字。", "北二中路6号", width=20),
        Column("wage", "工资", True, ("薪资", "工资待遇", "薪酬", "月薪", "工资范围"), WAGE, "4000-6000"),
        Column("wage_unit", "工资单位", False, ("计薪方式",), "从下拉里选；空着时按「工资」里写的，都没写就按元/月。", "元/月",
               options="wage_unit", strict=True),
        Column("headcount", "招聘人数", False, ("人数", "需求人数", "招聘数量"), "填数字，空着按1人。", 5),
        Column("age", "年龄要求", False, ("年龄",), "写成 18-50、50岁以下 或 不限。", "18-55"),
        Column("education", "学历要求", False, ("学历",), "从下拉里选，空着为不限。", "不限", options="education", strict=True),
        Column("benefits", "福利待遇", False, ("福利",), "用顿号隔开，例如「包吃、包住、五险一金」。认不出的会写进岗位说明。", "包吃、包住", width=20),
        Column("shift", "班次", False, ("工作时间", "班制"), "从下拉里选，可以空着。", "长白班", options="shift", strict=True),
        Column("contract_type", "用工形式", False, ("用工类型", "工作性质"), "从下拉里选，空着为全职。", "全职",
               options="contract_type", strict=True),
        Column("description", "岗位说明", False, ("岗位要求", "岗位职责", "工作内容", "任职要求"), "工作内容和要求。", "流水线装配，能适应站立工作",
               width=30),
        Column("contact_name", "联系人", True, ("联系人姓名",), "", "王经理"),
        Column("contact_phone", "联系电话", True, ("手机号", "联系方式", "电话", "联系手机"), "11位手机号。", "13900000000",
               text=True),
        Column("valid_until", "有效期至", True, ("有效期", "截止日期", "招聘截止日期"), DATE, "2026-12-31"),
    ),
    notes=(
        "一行填一个岗位。带 * 的列必须填。",
        "同一个表重复上传不会重复登记：单位、岗位名称、县区、工资和有效期都相同的岗位只登记一次。",
        "导入的岗位先进入「待审核」，由所在县区审核后公开。",
    ),
)

SEEKER = SheetSpec(
    kind=ImportKind.SEEKER,
    title="求职登记导入表",
    sheet_name="求职登记",
    columns=(
        Column("name", "姓名", True, ("求职者姓名",), "", "张三", width=10),
        Column("id_number", "身份证号", True, ("身份证", "身份证号码", "公民身份号码", "证件号码"),
               "18位，最后一位可以是X。这一列已设成文本格式，请不要改成数字。", EXAMPLE_ID_NUMBER, text=True, width=22),
        Column("phone", "手机号", True, ("手机", "手机号码", "联系电话", "电话", "联系方式"), "11位手机号，中间有空格也可以。", "13900000000",
               text=True),
        Column("gender", "性别", False, (), "可以空着（按身份证号算）；填了会和身份证号核对。", "男", options="gender", strict=True,
               width=8),
        Column("county", "现居住县区", True, ("居住县区", "现居住地", "居住地", "县区", "所在县区"), AREA, "沈阳市铁西区",
               options="county", width=18),
        Column("township", "现居住乡镇街道", True, ("乡镇街道", "乡镇", "街道", "居住乡镇街道"), "填乡镇或街道的名字，例如「昆明湖街道」。", "昆明湖街道",
               width=16),
        Column("hukou", "户籍地", False, ("户籍所在地", "户口所在地", "户籍"), "写到县区，例如「法库县」。", "法库县"),
        Column("wanted_occupations", "想做的工作", False, ("求职意向", "意向工种", "意向职业", "求职工种"), "可以从下拉里选，也可以写普工、力工、保洁这样的常用说法，几个用顿号隔开。",
               "装配钳工", options="occupation", width=20),
        Column("wanted_areas", "想去的地方", False, ("意向工作地点", "期望工作地点", "求职地点"), "县区名，几个用顿号隔开。", "铁西区、于洪区",
               options="any_county", width=18),
        Column("expected_wage", "期望工资", False, ("期望薪资", "期望月薪"), "写一个数，例如 5000 或 200元/天；面议就空着或写面议。", "5000"),
        Column("available_from", "最早到岗日期", False, ("到岗日期", "可到岗时间", "到岗时间"), DATE, "2026-12-01"),
        Column("skills", "技能", False, ("技能特长", "专业技能", "特长"), "", "电焊、叉车", width=18),
        Column("certificates", "证书", False, ("技能证书", "资格证书", "职业资格证书"), "", "叉车证", width=16),
        Column("experience", "工作经历", False, ("工作经验",), "", "在汽车厂做过3年装配", width=24),
        Column("wants_training", "想参加技能培训", False, ("培训意愿", "是否愿意培训", "是否想参加培训"), YES_NO, "是",
               options="yes_no", strict=True),
        Column("poverty", "脱贫劳动力", False, ("是否脱贫劳动力",), YES_NO, "否", options="yes_no", strict=True),
        Column("consent", "本人已同意登记", True, ("本人同意", "同意登记", "本人签字同意"), "本人在纸质登记表上签字同意保存求职信息后填「是」；没有同意的不能导入。",
               "是", options="yes_no", strict=True),
    ),
    notes=(
        "一行填一个人。带 * 的列必须填。",
        "同一个人（身份证号相同）只登记一次，重复上传不会重复登记。",
        "身份证号、手机号会加密保存，列表和导出只显示部分号码。",
        "只有本人签字同意保存信息的，才能填「本人已同意登记：是」。",
    ),
)

DEMAND_SURVEY = SheetSpec(
    kind=ImportKind.DEMAND_SURVEY,
    title="岗位需求调查表",
    sheet_name="岗位需求调查",
    columns=(
        Column("employer_name", "单位名称", True, ("用人单位", "企业名称", "公司名称"), "", "沈阳示例制造有限公司", width=24),
        Column("employer_uscc", "统一社会信用代码", False, ("信用代码", "社会信用代码"), "知道就填；转成岗位时需要。", "", text=True,
               width=22),
        Column("county", "单位所在县区", True, ("所在县区", "县区", "单位地址县区"), AREA, "沈阳市铁西区", options="county", width=18),
        Column("industry", "所属行业", False, ("行业",), "国民经济行业名称，可以空着。", "汽车制造业", width=16),
        Column("contact_name", "联系人", True, (), "", "王经理"),
        Column("contact_phone", "联系电话", True, ("手机号", "联系方式", "电话"), "11位手机号。", "13900000000", text=True),
        Column("surveyed_on", "调查日期", True, ("填表日期", "调查时间"), DATE, "2026-11-20"),
        Column("title", "岗位名称", True, ("需求岗位", "岗位", "工种"), "一行一个岗位；同一单位多个岗位写多行。", "普工"),
        Column("occupation", "职业（工种）", False, ("职业", "职业名称"), "可以从下拉里选。", "", options="occupation", width=20),
        Column("headcount", "需求人数", True, ("人数", "招聘人数"), "填数字。", 10),
        Column("wage", "工资", False, ("薪资", "工资待遇"), "可以写「面议」；转成岗位前要补上工资。", "4000-6000"),
        Column("wage_unit", "工资单位", False, (), "从下拉里选。", "元/月", options="wage_unit", strict=True),
        Column("skills", "技能要求", False, ("技能", "要求", "岗位要求"), "", "会看图纸", width=20),
        Column("education", "学历要求", False, ("学历",), "", "不限", options="education", strict=True),
        Column("needed_by", "需要到岗时间", False, ("到岗时间", "用工时间", "需求时间"), DATE, "2027-03-01"),
        Column("note", "备注", False, (), "", "", width=20),
    ),
    notes=(
        "一行填一个岗位；同一单位、同一调查日期的几行算一张调查表。",
        "工资可以写「面议」；转成岗位时需要补上大概的工资。",
    ),
)

EMPLOYMENT_SURVEY = SheetSpec(
    kind=ImportKind.EMPLOYMENT_SURVEY,
    title="就业需求调查表",
    sheet_name="就业需求调查",
    columns=(
        Column("name", "姓名", True, (), "", "李四", width=10),
        Column("id_number", "身份证号", True, ("身份证", "身份证号码", "公民身份号码"), "18位。这一列已设成文本格式，请不要改成数字。",
               EXAMPLE_ID_NUMBER, text=True, width=22),
        Column("phone", "手机号", True, ("手机", "联系电话", "电话"), "11位手机号。", "13900000000", text=True),
        Column("gender", "性别", False, (), "可以空着（按身份证号算）。", "女", options="gender", strict=True, width=8),
        Column("county", "现居住县区", True, ("居住县区", "县区"), AREA, "沈阳市铁西区", options="county", width=18),
        Column("township", "现居住乡镇街道", True, ("乡镇街道", "乡镇", "街道"), "例如「昆明湖街道」。", "昆明湖街道", width=16),
        Column("work_status", "目前就业状态", True, ("就业状态", "目前状态"), "从下拉里选。", "没有工作，想找工作", options="work_status",
               strict=True, width=20),
        Column("wants_work", "是否想找工作", True, ("想找工作", "就业意愿"), YES_NO, "是", options="yes_no", strict=True),
        Column("wanted_work", "想做的工作", False, ("意向工种", "求职意向"), "可以从下拉里选，几个用顿号隔开。", "保洁员",
               options="occupation", width=18),
        Column("wanted_area", "想去哪里工作", False, ("意向工作地点", "想去的地方"), "县区名，几个用顿号隔开。", "铁西区",
               options="any_county", width=16),
        Column("expected_wage", "期望工资", False, ("期望薪资",), "写一个数，例如 4000。", "4000"),
        Column("wants_training", "是否想参加培训", False, ("培训意愿",), YES_NO, "是", options="yes_no", strict=True),
        Column("training_wanted", "想学什么技能", False, ("培训需求", "培训意向"), "", "家政服务", width=16),
        Column("difficulties", "就业困难", False, ("困难", "就业困难原因"),
               "可以填几个，用顿号隔开：缺少技能、不知道哪里招人、年龄偏大、要照顾家里、身体原因、工资太低、交通不便、其他。", "要照顾家里", options="difficulty",
               width=20),
        Column("surveyed_on", "调查日期", True, ("填表日期", "调查时间"), DATE, "2026-11-20"),
        Column("consent", "本人已同意登记", True, ("本人同意", "同意登记"), "本人签字同意保存信息后填「是」。", "是", options="yes_no",
               strict=True),
        Column("note", "备注", False, (), "", "", width=20),
    ),
    notes=(
        "一行填一个人。带 * 的列必须填。",
        "同一个人同一天的调查只登记一次，重复上传不会重复。",
        "想找工作的人，可以在系统里一键转成求职登记。",
    ),
)

# fmt: on
SPECS: dict[str, SheetSpec] = {
    spec.kind: spec for spec in (POSTING, SEEKER, DEMAND_SURVEY, EMPLOYMENT_SURVEY)
}
