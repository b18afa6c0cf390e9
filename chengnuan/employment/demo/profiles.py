"""The kinds of work the demo posts and seekers look for: mostly the blue-collar jobs migrant
workers do. Each profile names real CSCO 2022 occupations and GB/T 4754-2017 industry classes
(looked up in the loaded tables, never invented), the words job ads use, and plausible
Liaoning wages (2024 levels: 沈阳/大连 factory work 4,000-7,000 元/月, day labour 200-350 元/天).

A profile is a line of work (普工); its roles are the CSCO occupations in it, each with the
titles ads use for that occupation and the duties they describe, so a posting's title,
occupation code and description always agree."""

from dataclasses import dataclass, field

from chengnuan.employment.choices import Benefit, ContractType, Education, Shift, WageUnit

B = Benefit


@dataclass(frozen=True)
class Role:
    occupation: str  # CSCO 2022 name, markers stripped
    titles: tuple[str, ...]
    duties: tuple[str, ...]
    industries: tuple[str, ...] = ()  # when the role has its own industry (else the profile's)
    trades: tuple[str, ...] = ()


@dataclass(frozen=True)
class JobProfile:
    key: str
    weight: int  # relative share of postings and of seekers wanting this work
    roles: tuple[Role, ...]
    wages: dict[WageUnit, tuple[int, int]]  # unit -> (lowest minimum, highest maximum)
    units: dict[WageUnit, int]  # how often each unit is used
    benefits: dict[Benefit, float]  # probability of each benefit
    shifts: dict[Shift, int]
    age_max: tuple[int | None, ...]  # None: no upper limit
    # GB/T 4754-2017 classes and the middle of an employer's name (沈阳 + 宏达 + 机械制造 +
    # 有限公司), for roles that bring none of their own.
    industries: tuple[str, ...] = ()
    trades: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    certificates: tuple[str, ...] = ()
    headcount: tuple[int, int] = (1, 5)
    education: dict[Education, int] = field(default_factory=lambda: {Education.NONE: 1})
    contracts: dict[ContractType, int] = field(default_factory=lambda: {ContractType.FULL_TIME: 1})

    def industries_of(self, role: Role) -> tuple[str, ...]:
        return role.industries or self.industries

    def trades_of(self, role: Role) -> tuple[str, ...]:
        return role.trades or self.trades


FACTORY_BENEFITS = {
    B.MEALS: 0.7,
    B.HOUSING: 0.6,
    B.SOCIAL_INSURANCE: 0.5,
    B.INSURANCE: 0.2,
    B.OVERTIME_PAY: 0.6,
    B.TRAINING: 0.3,
}

PROFILES: tuple[JobProfile, ...] = (
    JobProfile(
        key="普工",
        weight=22,
        roles=(
            Role(
                "汽车生产线操作工",
                ("普工", "操作工", "流水线普工", "汽车配件厂普工"),
                ("在流水线上装配汽车零件", "看管机器，按要求上料下料", "按班长安排完成每天的产量"),
                ("3670",),
                ("汽车零部件", "汽车配件"),
            ),
            Role(
                "电子设备装接工",
                ("普工", "电子厂普工", "车间普工"),
                ("在流水线上插件、焊接电路板", "检查产品外观，挑出次品"),
                ("3982", "3990"),
                ("电子科技", "电子"),
            ),
            Role(
                "塑料制品成型制作工",
                ("普工", "注塑普工", "操作工"),
                ("看管注塑机，取件、修边", "检查产品外观，挑出次品"),
                ("2929",),
                ("塑料制品", "塑胶"),
            ),
            Role(
                "包装工",
                ("包装普工", "包装工", "普工"),
                ("给产品打包装箱", "贴标签、封箱、码垛"),
                ("2926", "2929"),
                ("包装制品", "塑料包装"),
            ),
            Role(
                "肉制品加工工",
                ("食品厂普工", "肉食加工普工"),
                ("分割、修整肉块", "按要求称重、包装"),
                ("1353",),
                ("食品", "肉食品"),
            ),
            Role(
                "水产品加工工",
                ("水产加工普工", "海鲜加工工"),
                ("海鲜清洗、分拣", "剥虾、去鳞、冷冻包装"),
                ("1361",),
                ("水产食品", "海产品"),
            ),
        ),
        wages={WageUnit.MONTH: (3800, 7500), WageUnit.DAY: (160, 280), WageUnit.HOUR: (19, 28)},
        units={WageUnit.MONTH: 70, WageUnit.DAY: 20, WageUnit.HOUR: 10},
        benefits=FACTORY_BENEFITS,
        shifts={Shift.DAY: 4, Shift.TWO: 4, Shift.THREE: 2},
        age_max=(45, 50, 50, 55, None),
        skills=("能吃苦，能倒班", "手脚麻利", "会看简单的生产单"),
        headcount=(5, 60),
        education={Education.NONE: 8, Education.JUNIOR: 2},
    ),
    JobProfile(
        key="保洁",
        weight=9,
        roles=(
            Role(
                "保洁员",
                ("保洁员", "保洁", "保洁阿姨", "清洁工", "物业保洁", "商场保洁", "小区保洁员"),
                (
                    "打扫楼道、电梯和卫生间",
                    "商场地面清洁、垃圾清运",
                    "办公楼日常保洁",
                    "小区公共区域清扫",
                ),
            ),
        ),
        industries=("8211", "8219", "7020"),
        trades=("保洁服务", "物业管理", "家政服务"),
        wages={WageUnit.MONTH: (2500, 4200), WageUnit.DAY: (120, 200), WageUnit.HOUR: (18, 25)},
        units={WageUnit.MONTH: 70, WageUnit.DAY: 15, WageUnit.HOUR: 15},
        benefits={B.MEALS: 0.3, B.SOCIAL_INSURANCE: 0.4, B.DAILY_PAY: 0.1, B.TRAINING: 0.2},
        shifts={Shift.DAY: 8, Shift.FLEXIBLE: 2},
        age_max=(55, 60, 60, None),
        skills=("干活仔细", "会用洗地机"),
        headcount=(1, 10),
        contracts={ContractType.FULL_TIME: 8, ContractType.PART_TIME: 2},
    ),
    JobProfile(
        key="电焊工",
        weight=6,
        roles=(
            Role(
                "焊工",
                ("电焊工", "电焊工", "电焊工", "焊工", "氩弧焊工", "二保焊电焊工", "电焊工学徒"),
                (
                    "焊接钢结构件",
                    "看懂简单图纸，按图焊接",
                    "会二保焊、氩弧焊",
                    "车间内焊接机械零件",
                ),
            ),
        ),
        industries=("3311", "3484", "3670", "3411"),
        trades=("钢结构", "重工机械", "锅炉制造", "机械制造"),
        wages={WageUnit.MONTH: (6000, 11000), WageUnit.DAY: (260, 420)},
        units={WageUnit.MONTH: 75, WageUnit.DAY: 25},
        benefits={
            B.MEALS: 0.7,
            B.HOUSING: 0.7,
            B.SOCIAL_INSURANCE: 0.5,
            B.OVERTIME_PAY: 0.5,
            B.INSURANCE: 0.15,
        },
        shifts={Shift.DAY: 7, Shift.TWO: 3},
        age_max=(50, 55, 55, None),
        skills=("会二保焊", "会氩弧焊", "能看懂图纸"),
        certificates=("焊工证（特种作业操作证）",),
        headcount=(2, 15),
    ),
    JobProfile(
        key="叉车司机",
        weight=4,
        roles=(
            Role(
                "起重装卸机械操作工",
                ("叉车司机", "叉车工", "仓库叉车司机", "叉车司机（持证）"),
                ("开叉车装卸货物", "仓库内物料搬运、上架", "配合仓管员出入库"),
            ),
        ),
        industries=("5920", "5910", "3670"),
        trades=("物流", "仓储", "汽车零部件"),
        wages={WageUnit.MONTH: (4500, 8000), WageUnit.DAY: (200, 300)},
        units={WageUnit.MONTH: 85, WageUnit.DAY: 15},
        benefits={B.MEALS: 0.6, B.HOUSING: 0.5, B.SOCIAL_INSURANCE: 0.6, B.OVERTIME_PAY: 0.4},
        shifts={Shift.DAY: 6, Shift.TWO: 4},
        age_max=(50, 55, None),
        skills=("会开电动叉车", "会开内燃叉车"),
        certificates=("叉车证（N1）",),
        headcount=(1, 6),
    ),
    JobProfile(
        key="货车司机",
        weight=4,
        roles=(
            Role(
                "道路货运汽车驾驶员",
                ("货车司机", "货运司机", "厢货司机", "半挂司机", "冷链货车司机", "配送司机"),
                (
                    "跑省内短途配送",
                    "按路线给门店送货",
                    "往返沈阳、大连之间运货",
                    "负责车辆日常检查保养",
                ),
            ),
        ),
        industries=("5431", "5432", "5433"),
        trades=("物流", "运输", "冷链物流"),
        wages={WageUnit.MONTH: (6000, 12000), WageUnit.DAY: (300, 450)},
        units={WageUnit.MONTH: 85, WageUnit.DAY: 15},
        benefits={B.MEALS: 0.4, B.HOUSING: 0.45, B.SOCIAL_INSURANCE: 0.5, B.TRANSPORT: 0.2},
        shifts={Shift.DAY: 5, Shift.FLEXIBLE: 5},
        age_max=(50, 55, None),
        skills=("驾龄5年以上", "熟悉省内路线"),
        certificates=("B2驾驶证", "A2驾驶证", "道路货物运输从业资格证"),
        headcount=(1, 8),
    ),
    JobProfile(
        key="客运司机",
        weight=2,
        roles=(
            Role(
                "客运车辆驾驶员",
                ("班车司机", "客运司机", "通勤车司机", "商务司机"),
                ("接送单位职工上下班", "按固定线路开班车", "保持车辆干净"),
            ),
        ),
        industries=("5411", "5413"),
        trades=("客运", "汽车租赁", "交通"),
        wages={WageUnit.MONTH: (5000, 8500)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.5, B.HOUSING: 0.3, B.SOCIAL_INSURANCE: 0.7, B.INSURANCE: 0.2},
        shifts={Shift.DAY: 7, Shift.TWO: 3},
        age_max=(50, 55, None),
        certificates=("A1驾驶证", "B1驾驶证"),
        headcount=(1, 4),
    ),
    JobProfile(
        key="快递员",
        weight=5,
        roles=(
            Role(
                "快递员",
                ("快递员", "快递派件员", "快递收派员"),
                ("负责片区快递派送和揽收", "用手机扫码签收", "按时送到，服务好客户"),
            ),
            Role("理货员", ("快递分拣员", "分拣员"), ("分拣包裹，装车", "扫码录入包裹信息")),
        ),
        industries=("6020",),
        trades=("快递", "速递", "物流"),
        wages={WageUnit.MONTH: (5000, 9500), WageUnit.PIECE: (1, 2)},
        units={WageUnit.MONTH: 80, WageUnit.PIECE: 20},
        benefits={B.MEALS: 0.3, B.HOUSING: 0.3, B.SOCIAL_INSURANCE: 0.5, B.TRANSPORT: 0.3},
        shifts={Shift.DAY: 6, Shift.FLEXIBLE: 4},
        age_max=(45, 50, 55),
        skills=("会骑电动三轮车", "熟悉附近小区"),
        headcount=(2, 10),
    ),
    JobProfile(
        key="外卖骑手",
        weight=4,
        roles=(
            Role(
                "网约配送员",
                ("外卖骑手", "外卖配送员", "送餐员", "专送骑手", "众包骑手"),
                ("骑电动车送外卖", "按时把餐送到顾客手里", "用手机接单、导航"),
            ),
        ),
        industries=("6242",),
        trades=("配送服务", "餐饮配送", "同城配送"),
        wages={WageUnit.MONTH: (6000, 11000), WageUnit.DAY: (200, 350), WageUnit.PIECE: (5, 8)},
        units={WageUnit.MONTH: 55, WageUnit.DAY: 20, WageUnit.PIECE: 25},
        benefits={B.TRANSPORT: 0.4, B.WEEKLY_PAY: 0.3, B.DAILY_PAY: 0.3, B.TRAINING: 0.3},
        shifts={Shift.FLEXIBLE: 8, Shift.DAY: 2},
        age_max=(50, 55, None),
        skills=("会用手机导航", "有电动车"),
        headcount=(5, 30),
        contracts={ContractType.FULL_TIME: 6, ContractType.PART_TIME: 4},
    ),
    JobProfile(
        key="厨师",
        weight=4,
        roles=(
            Role(
                "中式烹调师",
                ("厨师", "炒锅厨师", "食堂厨师", "后厨帮工", "切配"),
                ("负责单位食堂炒菜", "配菜、切墩、打荷", "保持后厨卫生"),
            ),
            Role(
                "中式面点师",
                ("面点师", "面案师傅"),
                ("做包子、馒头、饺子等面食", "和面、蒸馒头、烙饼"),
            ),
        ),
        industries=("6210", "6299"),
        trades=("餐饮管理", "餐饮", "酒店管理"),
        wages={WageUnit.MONTH: (4500, 9500)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.95, B.HOUSING: 0.6, B.SOCIAL_INSURANCE: 0.3, B.PAID_LEAVE: 0.2},
        shifts={Shift.DAY: 7, Shift.TWO: 3},
        age_max=(50, 55, None),
        skills=("会做家常菜", "会做面食"),
        certificates=("健康证", "中式烹调师证"),
        headcount=(1, 4),
    ),
    JobProfile(
        key="服务员",
        weight=5,
        roles=(
            Role(
                "餐厅服务员",
                ("服务员", "餐厅服务员", "传菜员", "洗碗工"),
                ("负责点菜、上菜、收拾餐桌", "传菜、洗碗", "热情接待客人"),
                ("6210", "6220"),
                ("餐饮", "饭店"),
            ),
            Role(
                "客房服务员",
                ("客房服务员", "酒店服务员"),
                ("打扫客房、更换床单", "补充客房用品"),
                ("6110", "6121"),
                ("酒店管理", "宾馆"),
            ),
        ),
        wages={WageUnit.MONTH: (3000, 5200), WageUnit.DAY: (140, 220), WageUnit.HOUR: (18, 25)},
        units={WageUnit.MONTH: 75, WageUnit.DAY: 10, WageUnit.HOUR: 15},
        benefits={B.MEALS: 0.95, B.HOUSING: 0.7, B.SOCIAL_INSURANCE: 0.3, B.DAILY_PAY: 0.1},
        shifts={Shift.DAY: 4, Shift.TWO: 5, Shift.FLEXIBLE: 1},
        age_max=(40, 45, 50, 55),
        skills=("有眼力见，手脚勤快",),
        certificates=("健康证",),
        headcount=(2, 10),
        contracts={ContractType.FULL_TIME: 8, ContractType.PART_TIME: 2},
    ),
    JobProfile(
        key="保安",
        weight=5,
        roles=(
            Role(
                "保安员",
                ("保安", "保安员", "门卫", "小区保安", "商场保安", "巡逻保安"),
                ("小区门岗值守、登记来访车辆", "夜间巡逻", "监控室值班", "维持商场秩序"),
            ),
        ),
        industries=("7271", "7020"),
        trades=("保安服务", "物业管理", "安保服务"),
        wages={WageUnit.MONTH: (2800, 4800)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.5, B.HOUSING: 0.5, B.SOCIAL_INSURANCE: 0.5, B.INSURANCE: 0.1},
        shifts={Shift.DAY: 3, Shift.TWO: 5, Shift.THREE: 2},
        age_max=(55, 60, 60, None),
        certificates=("保安员证",),
        headcount=(2, 12),
    ),
    JobProfile(
        key="家政",
        weight=3,
        roles=(
            Role(
                "家政服务员",
                ("家政服务员", "保姆", "住家保姆", "钟点工", "月嫂"),
                ("做饭、打扫卫生", "照顾老人日常起居", "照顾产妇和新生儿", "按小时上门做保洁"),
            ),
        ),
        industries=("8010",),
        trades=("家政服务", "家庭服务"),
        wages={WageUnit.MONTH: (4000, 9000), WageUnit.HOUR: (25, 40)},
        units={WageUnit.MONTH: 70, WageUnit.HOUR: 30},
        benefits={B.MEALS: 0.6, B.HOUSING: 0.4, B.TRAINING: 0.5},
        shifts={Shift.DAY: 5, Shift.FLEXIBLE: 5},
        age_max=(55, 60, None),
        skills=("会做饭", "有照顾老人经验"),
        certificates=("家政服务员证", "母婴护理证"),
        headcount=(1, 5),
        contracts={ContractType.FULL_TIME: 6, ContractType.PART_TIME: 4},
    ),
    JobProfile(
        key="育婴员",
        weight=2,
        roles=(
            Role(
                "婴幼儿发展引导员",
                ("育婴员", "育婴师", "早教助理"),
                ("照顾婴幼儿吃饭、睡觉", "给孩子洗澡、换尿布", "陪孩子做游戏"),
                ("8010",),
                ("家政服务", "母婴护理"),
            ),
            Role(
                "保育师",
                ("保育员",),
                ("照顾幼儿园小朋友吃饭、午睡", "打扫教室、消毒玩具"),
                ("8020",),
                ("托育服务", "幼儿园"),
            ),
        ),
        wages={WageUnit.MONTH: (3800, 7500)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.6, B.SOCIAL_INSURANCE: 0.5, B.TRAINING: 0.6, B.PAID_LEAVE: 0.3},
        shifts={Shift.DAY: 9, Shift.FLEXIBLE: 1},
        age_max=(45, 50, 55),
        certificates=("育婴员证", "保育员证"),
        headcount=(1, 4),
        education={Education.JUNIOR: 5, Education.SENIOR: 5},
    ),
    JobProfile(
        key="建筑工",
        weight=7,
        roles=(
            Role("钢筋工", ("钢筋工", "绑钢筋工人"), ("工地绑钢筋", "按图纸下料、绑扎钢筋")),
            Role("砌筑工", ("瓦工", "砌筑工", "泥瓦工"), ("砌墙、抹灰", "贴砖、勾缝")),
            Role("机械木工", ("木工", "建筑木工", "支模木工"), ("支模板、拆模板", "按图纸做木模")),
            Role("架子工", ("架子工",), ("搭脚手架", "拆脚手架，高处作业系好安全带")),
            Role(
                "混凝土工",
                ("混凝土工", "力工", "建筑小工"),
                ("打混凝土、振捣", "搬运材料，听工长安排干活"),
            ),
            Role(
                "装饰装修工",
                ("装修工", "抹灰工", "油工"),
                ("室内抹灰、刮大白", "铺地砖、装吊顶"),
                ("5012",),
                ("装饰工程", "装修"),
            ),
            Role("防水工", ("防水工",), ("屋面、卫生间做防水", "刷防水涂料、铺卷材")),
        ),
        industries=("4710", "4790", "4819", "5012"),
        trades=("建筑工程", "建设", "建筑劳务", "装饰工程"),
        wages={WageUnit.MONTH: (6000, 11000), WageUnit.DAY: (250, 450)},
        units={WageUnit.MONTH: 35, WageUnit.DAY: 65},
        benefits={B.HOUSING: 0.8, B.MEALS: 0.6, B.DAILY_PAY: 0.2, B.WEEKLY_PAY: 0.1},
        shifts={Shift.DAY: 9, Shift.FLEXIBLE: 1},
        age_max=(55, 60, None, None),
        skills=("干过工地", "会看图纸", "能登高作业"),
        certificates=("建筑架子工证",),
        headcount=(3, 30),
        contracts={ContractType.FULL_TIME: 5, ContractType.SEASONAL: 5},
    ),
    JobProfile(
        key="装配工",
        weight=4,
        roles=(
            Role(
                "汽车装调工",
                ("汽车装配工", "装配工"),
                ("在总装线上装配汽车零部件", "拧螺丝、装线束"),
                ("3670",),
                ("汽车零部件", "汽车配件"),
            ),
            Role(
                "电子设备装接工",
                ("电子装配工", "装配工"),
                ("焊接电路板、接线", "组装电子产品"),
                ("3990",),
                ("电子科技", "电子"),
            ),
            Role(
                "制冷空调设备装配工",
                ("空调装配工", "装配工"),
                ("装配空调压缩机和管路", "检漏、调试"),
                ("3464",),
                ("制冷设备", "空调设备"),
            ),
            Role(
                "机械设备安装工",
                ("设备安装工", "钳工装配"),
                ("安装、调试生产设备", "按图纸装配机械零部件"),
                ("3484",),
                ("机械制造", "重工机械"),
            ),
        ),
        wages={WageUnit.MONTH: (4500, 8000), WageUnit.HOUR: (22, 30)},
        units={WageUnit.MONTH: 85, WageUnit.HOUR: 15},
        benefits=FACTORY_BENEFITS,
        shifts={Shift.DAY: 5, Shift.TWO: 5},
        age_max=(45, 50, 55),
        skills=("会用电动工具", "会看装配图"),
        headcount=(3, 30),
        education={Education.NONE: 5, Education.JUNIOR: 4, Education.SENIOR: 1},
    ),
    JobProfile(
        key="仓管",
        weight=3,
        roles=(
            Role(
                "仓储管理员",
                ("仓库管理员", "仓管员", "库管"),
                ("货物出入库登记", "盘点库存", "用电脑录入单据"),
            ),
            Role("理货员", ("理货员", "分拣员"), ("按单拣货、打包", "整理货架、核对数量")),
        ),
        industries=("5920", "5990", "5212"),
        trades=("物流", "仓储", "商贸"),
        wages={WageUnit.MONTH: (3800, 6500)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.5, B.HOUSING: 0.3, B.SOCIAL_INSURANCE: 0.6, B.INSURANCE: 0.2},
        shifts={Shift.DAY: 7, Shift.TWO: 3},
        age_max=(40, 45, 50),
        skills=("会用电脑", "会用扫码枪"),
        headcount=(1, 6),
        education={Education.JUNIOR: 5, Education.SENIOR: 5},
    ),
    JobProfile(
        key="装卸工",
        weight=4,
        roles=(
            Role(
                "装卸搬运工",
                ("装卸工", "搬运工", "物流装卸工", "临时装卸工"),
                ("装车卸车", "搬运货物", "码放整齐"),
            ),
        ),
        industries=("5910", "5920", "6020"),
        trades=("物流", "装卸服务", "货运"),
        wages={WageUnit.MONTH: (5000, 8500), WageUnit.DAY: (180, 320)},
        units={WageUnit.MONTH: 40, WageUnit.DAY: 60},
        benefits={B.MEALS: 0.5, B.HOUSING: 0.4, B.DAILY_PAY: 0.5, B.WEEKLY_PAY: 0.1},
        shifts={Shift.DAY: 5, Shift.NIGHT: 2, Shift.FLEXIBLE: 3},
        age_max=(50, 55, None),
        skills=("力气大，能干重活",),
        headcount=(3, 20),
        contracts={ContractType.FULL_TIME: 6, ContractType.PART_TIME: 4},
    ),
    JobProfile(
        key="缝纫工",
        weight=2,
        roles=(
            Role(
                "缝纫工",
                ("缝纫工", "平车工", "服装车位工", "缝纫学徒"),
                ("用平车缝制服装", "按工序做衣服", "剪线头、整理成品"),
            ),
        ),
        industries=("1830",),
        trades=("服装", "服饰", "制衣"),
        wages={WageUnit.MONTH: (3500, 7000), WageUnit.PIECE: (1, 4)},
        units={WageUnit.MONTH: 70, WageUnit.PIECE: 30},
        benefits={B.MEALS: 0.7, B.HOUSING: 0.7, B.SOCIAL_INSURANCE: 0.4, B.OVERTIME_PAY: 0.4},
        shifts={Shift.DAY: 9, Shift.TWO: 1},
        age_max=(45, 50, 55),
        skills=("会用平车",),
        headcount=(3, 30),
    ),
    JobProfile(
        key="养老护理",
        weight=2,
        roles=(
            Role(
                "养老护理员",
                ("养老护理员", "养老院护理员"),
                ("照顾老人吃饭、洗漱", "帮老人翻身、按摩", "陪老人散步、聊天"),
                ("8514",),
                ("养老服务", "康养"),
            ),
            Role(
                "医疗护理员",
                ("护工", "医院护工"),
                ("在医院照顾病人", "帮病人翻身、擦洗"),
                ("8521",),
                ("护理服务", "陪护服务"),
            ),
        ),
        wages={WageUnit.MONTH: (3500, 6500)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.8, B.HOUSING: 0.6, B.SOCIAL_INSURANCE: 0.5, B.TRAINING: 0.6},
        shifts={Shift.DAY: 3, Shift.TWO: 5, Shift.THREE: 2},
        age_max=(55, 60, None),
        skills=("有耐心", "有照顾老人经验"),
        certificates=("养老护理员证",),
        headcount=(2, 10),
    ),
    JobProfile(
        key="电工",
        weight=2,
        roles=(
            Role(
                "电工",
                ("电工", "维修电工", "物业电工"),
                ("小区水电维修", "线路安装和检查"),
                ("7020", "4910"),
                ("物业管理", "机电工程"),
            ),
            Role(
                "机电设备维修工",
                ("机修工", "设备维修工"),
                ("车间设备检修", "设备日常保养"),
                ("3484",),
                ("机械制造",),
            ),
        ),
        wages={WageUnit.MONTH: (5000, 8500)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.5, B.HOUSING: 0.4, B.SOCIAL_INSURANCE: 0.6, B.INSURANCE: 0.3},
        shifts={Shift.DAY: 6, Shift.TWO: 4},
        age_max=(50, 55, None),
        certificates=("低压电工证",),
        headcount=(1, 4),
        education={Education.JUNIOR: 5, Education.SENIOR: 5},
    ),
    JobProfile(
        key="收银导购",
        weight=2,
        roles=(
            Role("收银员", ("收银员", "超市收银员"), ("超市收银", "整理货架、补货")),
            Role("商品营业员", ("营业员", "导购员"), ("给顾客介绍商品", "整理货架、补货")),
        ),
        industries=("5212", "5213", "5211"),
        trades=("商贸", "超市", "百货"),
        wages={WageUnit.MONTH: (3000, 4800), WageUnit.HOUR: (18, 22)},
        units={WageUnit.MONTH: 80, WageUnit.HOUR: 20},
        benefits={B.MEALS: 0.5, B.SOCIAL_INSURANCE: 0.5, B.PAID_LEAVE: 0.2},
        shifts={Shift.TWO: 7, Shift.DAY: 3},
        age_max=(40, 45, 50),
        headcount=(1, 6),
        education={Education.JUNIOR: 7, Education.SENIOR: 3},
        contracts={ContractType.FULL_TIME: 8, ContractType.PART_TIME: 2},
    ),
    JobProfile(
        key="汽修",
        weight=1,
        roles=(
            Role(
                "汽车维修工",
                ("汽修工", "汽修学徒", "洗车工", "汽车美容工"),
                ("洗车、打蜡", "给车换机油、换轮胎", "跟师傅学修车"),
            ),
        ),
        industries=("8111",),
        trades=("汽车服务", "汽车维修"),
        wages={WageUnit.MONTH: (3500, 8000)},
        units={WageUnit.MONTH: 1},
        benefits={B.MEALS: 0.6, B.HOUSING: 0.5, B.TRAINING: 0.5},
        shifts={Shift.DAY: 1},
        age_max=(40, 45, 50),
        headcount=(1, 4),
    ),
    JobProfile(
        key="农业",
        weight=2,
        roles=(
            Role(
                "农艺工",
                ("大棚工人", "果园工人", "农场工人", "蔬菜基地工人"),
                ("大棚里种菜、摘菜", "果树修剪、摘果", "浇水、施肥、除草"),
                ("0141", "0151"),
                ("农业科技", "果蔬种植"),
            ),
            Role(
                "园林绿化工",
                ("绿化工", "园林工人", "绿化养护工"),
                ("浇水、修剪花草", "种树、养护草坪"),
                ("7840",),
                ("园林绿化", "市政绿化"),
            ),
        ),
        wages={WageUnit.MONTH: (3500, 6000), WageUnit.DAY: (150, 260)},
        units={WageUnit.MONTH: 40, WageUnit.DAY: 60},
        benefits={B.MEALS: 0.7, B.HOUSING: 0.6, B.DAILY_PAY: 0.3},
        shifts={Shift.DAY: 1},
        age_max=(55, 60, None),
        headcount=(3, 20),
        contracts={ContractType.SEASONAL: 6, ContractType.FULL_TIME: 4},
    ),
)
