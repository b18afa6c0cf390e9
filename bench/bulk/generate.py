"""Generate 100,000-row posting and seeker sheets the way they arrive from the field: wages
as 「4000-6000元/月」, 「6千-1.2万」, 「200元/天」; places as 「沈阳市铁西区」, 「法库」, 「大连甘井子区」;
dates in five spellings; phones with spaces; and 1% bad rows (wrong check digits, 面议,
impossible dates, unknown places, no consent).

    .venv/bin/python bench/bulk/generate.py --rows 100000 --out var/bench

Needs no database: places and occupations come from the shipped CSVs in data/.
"""

import argparse
import csv
import datetime
import random
import time
import unicodedata
from pathlib import Path

from openpyxl import Workbook
from stdnum.cn import ric, uscc

ROOT = Path(__file__).resolve().parents[2]
TODAY = datetime.date.today()
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英建华玉兰国庆春梅海燕志强红梅"
TITLES = [
    "普工",
    "操作工",
    "电焊工",
    "叉车司机",
    "保洁员",
    "保安员",
    "厨师",
    "服务员",
    "快递员",
    "装配工",
    "仓库管理员",
    "木工",
    "钢筋工",
    "瓦工",
    "货车司机",
    "家政服务员",
    "育婴员",
    "养老护理员",
    "包装工",
    "质检员",
]
EDUCATION = ["不限", "初中", "高中", "中专", "大专", "", "不限", "初中及以上"]
BENEFITS = [
    "包吃、包住",
    "包吃住，五险一金",
    "五险一金",
    "缴社保、加班费",
    "包住；交通补贴",
    "双休、年终奖",
    "",
    "日结",
]
SHIFTS = ["长白班", "两班倒", "三班倒", "", "白班", "时间灵活"]
OTHER_PROVINCE_HUKOU = [
    "河南省周口市郸城县",
    "黑龙江省绥化市望奎县",
    "吉林省四平市梨树县",
    "山东省菏泽市曹县",
]


def load_places() -> tuple[list[tuple[str, str, str]], dict[str, list[str]]]:
    """(county code, city name, county name) and township names by county code."""
    rows = list(
        csv.DictReader((ROOT / "data/regions/liaoning_divisions.csv").open(encoding="utf-8"))
    )
    names = {r["code"]: r["name"] for r in rows}
    counties = [
        (r["code"], names[r["parent_code"]], r["name"]) for r in rows if r["level"] == "county"
    ]
    townships: dict[str, list[str]] = {}
    for r in rows:
        if r["level"] == "town":
            townships.setdefault(r["parent_code"], []).append(r["name"])
    return [c for c in counties if c[0] in townships and _unique_name(c, counties)], townships


def _unique_name(county: tuple[str, str, str], counties: list[tuple[str, str, str]]) -> bool:
    return sum(1 for c in counties if c[2] == county[2]) == 1


def load_occupations() -> list[str]:
    rows = csv.DictReader((ROOT / "data/occupations/csco2022.csv").open(encoding="utf-8"))
    # The 2022 edition marks green (L) and digital (S) occupations after the name.
    return [
        unicodedata.normalize("NFKC", r["name"]).rstrip("LS") for r in rows if r["level"] == "4"
    ]


def messy_county(rng: random.Random, code: str, city: str, county: str) -> str:
    short = county.removesuffix("区").removesuffix("县").removesuffix("市")
    return rng.choice(
        [
            city + county,
            county,
            city + county,
            f"{city.removesuffix('市')}{county}",
            short if len(short) >= 2 else county,
        ]
    )


def messy_wage(rng: random.Random) -> str:
    low = rng.randrange(30, 80) * 100
    high = low + rng.randrange(5, 40) * 100
    return rng.choice(
        [
            f"{low}-{high}元/月",
            f"{low}~{high}",
            f"{low}－{high}",
            f"{low / 1000:g}千-{high / 10000:g}万",
            f"{rng.randrange(150, 400)}元/天",
            f"{rng.randrange(18, 40)}元/小时",
            f"{low}以上",
            f"{low}",
            f"月薪{low}-{high}",
        ]
    )


def messy_date(rng: random.Random, day: datetime.date) -> object:
    return rng.choice(
        [
            day.isoformat(),
            f"{day.year}/{day.month}/{day.day}",
            f"{day.year}.{day.month}.{day.day}",
            f"{day.year}年{day.month}月{day.day}日",
            day.strftime("%Y%m%d"),
            day,
        ]
    )


def messy_phone(rng: random.Random) -> str:
    number = rng.choice(["139", "138", "158", "186", "133", "177"]) + f"{rng.randrange(10**8):08d}"
    return rng.choice(
        [
            number,
            f"{number[:3]} {number[3:7]} {number[7:]}",
            f"{number[:3]}-{number[3:7]}-{number[7:]}",
        ]
    )


def make_uscc(rng: random.Random, county_code: str) -> str:
    body = f"9{1}{county_code}" + "".join(
        rng.choice("0123456789ABCDEFGHJKLMNPQRTUWXY") for _ in range(9)
    )
    return body + uscc.calc_check_digit(body)


def write_sheet(path: Path, headers: list[str], rows: object) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(headers)
    for row in rows:  # type: ignore[attr-defined]
        sheet.append(row)
    book.save(path)


POSTING_HEADERS = [
    "单位名称",
    "统一社会信用代码",
    "岗位名称",
    "工作地点（县区）",
    "详细地址",
    "工资",
    "招聘人数",
    "年龄要求",
    "学历要求",
    "福利待遇",
    "班次",
    "岗位说明",
    "联系人",
    "联系电话",
    "有效期至",
]


def posting_rows(rng: random.Random, count: int, counties: list[tuple[str, str, str]]):
    employers = []
    for n in range(max(count // 40, 10)):
        code, city, county = rng.choice(counties)
        employers.append(
            (
                f"{city}{rng.choice(SURNAMES)}{rng.choice(GIVEN)}实业有限公司{n}",
                make_uscc(rng, code),
                code,
                city,
                county,
            )
        )
    for n in range(count):
        name, code_uscc, code, city, county = rng.choice(employers)
        valid_until = TODAY + datetime.timedelta(days=rng.randrange(20, 330))
        row = [
            name,
            code_uscc,
            rng.choice(TITLES) + (f"{n % 97}号线" if n % 3 else ""),
            messy_county(rng, code, city, county),
            f"{rng.choice(['北二中路', '建设大路', '兴华街'])}{rng.randrange(1, 300)}号",
            messy_wage(rng),
            rng.choice([rng.randrange(1, 50), f"{rng.randrange(1, 50)}人"]),
            rng.choice(["18-50岁", "不限", "20-55", "45岁以下", ""]),
            rng.choice(EDUCATION),
            rng.choice(BENEFITS),
            rng.choice(SHIFTS),
            "工作认真负责，能吃苦耐劳",
            f"{rng.choice(SURNAMES)}经理",
            messy_phone(rng),
            messy_date(rng, valid_until),
        ]
        if n % 100 == 37:  # 1% bad rows, five kinds
            kind = (n // 100) % 5
            if kind == 0:
                row[1] = row[1][:-1] + ("0" if row[1][-1] != "0" else "1")
            elif kind == 1:
                row[5] = "面议"
            elif kind == 2:
                row[14] = f"{TODAY.year + 1}-02-30"
            elif kind == 3:
                row[3] = "火星市某区"
            else:
                row[13] = "12345"
        yield row


SEEKER_HEADERS = [
    "姓名",
    "身份证号",
    "手机号",
    "现居住县区",
    "现居住乡镇街道",
    "户籍地",
    "想做的工作",
    "想去的地方",
    "期望工资",
    "最早到岗日期",
    "技能",
    "想参加技能培训",
    "脱贫劳动力",
    "本人已同意登记",
]


def unique_id_numbers(rng: random.Random, count: int, regions: list[str]):
    seen: set[str] = set()
    while len(seen) < count:
        birth = datetime.date(1965, 1, 1) + datetime.timedelta(days=rng.randrange(0, 365 * 40))
        body = f"{rng.choice(regions)}{birth:%Y%m%d}{rng.randrange(1000):03d}"
        number = body + ric.calc_check_digit(body + "0")  # it reads 18 characters, ignores the last
        if number not in seen:
            seen.add(number)
            yield number


def seeker_rows(rng: random.Random, count: int, counties, townships, occupations):
    regions = [c[0] for c in counties] + ["411625", "231221", "220322", "371721"]
    for n, id_number in enumerate(unique_id_numbers(rng, count, regions)):
        code, city, county = rng.choice(counties)
        wanted = "、".join(rng.sample(occupations, rng.choice([0, 1, 1, 2])))
        row = [
            rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(["", rng.choice(GIVEN)]),
            id_number,
            messy_phone(rng),
            messy_county(rng, code, city, county),
            rng.choice(townships[code]),
            rng.choice([""] * 3 + OTHER_PROVINCE_HUKOU + [city + county]),
            wanted,
            rng.choice(["", county, f"{county}、{rng.choice(counties)[2]}"])
            if _unique_name((code, city, county), counties)
            else "",
            rng.choice(["", "5000", "4000-5000", "200元/天", "6千"]),
            messy_date(rng, TODAY + datetime.timedelta(days=rng.randrange(0, 200)))
            if rng.random() < 0.5
            else "",
            rng.choice(["", "电焊", "叉车、电工", "会开车"]),
            rng.choice(["是", "否", "√", "×", ""]),
            rng.choice(["否", "", "是"]),
            "是",
        ]
        if n % 100 == 37:
            kind = (n // 100) % 4
            if kind == 0:
                row[1] = id_number[:-1] + ("0" if id_number[-1] != "0" else "1")
            elif kind == 1:
                row[2] = "1391234"
            elif kind == 2:
                row[4] = "不存在的街道"
            else:
                row[13] = "否"
        yield row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "bench")
    parser.add_argument("--seed", type=int, default=20261201)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    counties, townships = load_places()
    occupations = load_occupations()
    for name, headers, rows in (
        ("postings", POSTING_HEADERS, posting_rows(rng, args.rows, counties)),
        ("seekers", SEEKER_HEADERS, seeker_rows(rng, args.rows, counties, townships, occupations)),
    ):
        started = time.perf_counter()
        path = args.out / f"{name}-{args.rows}.xlsx"
        write_sheet(path, headers, rows)
        print(f"{path}  {path.stat().st_size / 1e6:.1f} MB  {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
