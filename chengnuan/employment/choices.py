"""Coded values of the labour market database. Labels are what people read."""

from django.db import models


class EmployerStatus(models.TextChoices):
    PENDING = "pending", "待核验"
    VERIFIED = "verified", "已核验"
    REJECTED = "rejected", "未通过"
    SUSPENDED = "suspended", "已暂停"


class PostingStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PENDING = "pending", "待审核"
    PUBLISHED = "published", "招聘中"
    REJECTED = "rejected", "未通过审核"
    CLOSED = "closed", "已结束"
    EXPIRED = "expired", "已过期"


class Source(models.TextChoices):
    EMPLOYER = "employer", "单位发布"
    CLERK = "clerk", "服务站代录"
    SURVEY = "survey", "需求调查"
    IMPORT = "import", "批量导入"
    SELF = "self", "本人登记"


class WageUnit(models.TextChoices):
    MONTH = "month", "元/月"
    DAY = "day", "元/天"
    HOUR = "hour", "元/小时"
    PIECE = "piece", "元/件"


# Monthly equivalents for filters and sorting: 21.75 paid days a month (国家规定的月计薪天数)
# and 8 hours a day. Piece rates have no honest monthly figure and are left out of wage filters.
MONTHLY_FACTOR = {WageUnit.MONTH: 1.0, WageUnit.DAY: 21.75, WageUnit.HOUR: 21.75 * 8}
# 「13薪」: months of pay a year, when a posting says (12 is the plain case, 24 a generous end).
WAGE_MONTHS_RANGE = (12, 24)


class Education(models.TextChoices):
    NONE = "none", "不限"
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初中"
    SENIOR = "senior", "高中/中专/技校"
    COLLEGE = "college", "大专"
    BACHELOR = "bachelor", "本科及以上"


class Shift(models.TextChoices):
    DAY = "day", "长白班"
    TWO = "two", "两班倒"
    THREE = "three", "三班倒"
    NIGHT = "night", "夜班"
    FLEXIBLE = "flexible", "时间灵活"


class ContractType(models.TextChoices):
    FULL_TIME = "full_time", "全职"
    PART_TIME = "part_time", "兼职"
    SEASONAL = "seasonal", "季节性"


class Benefit(models.TextChoices):
    MEALS = "meals", "包吃"
    HOUSING = "housing", "包住"
    INSURANCE = "insurance", "五险一金"
    SOCIAL_INSURANCE = "social", "缴社保"
    TRANSPORT = "transport", "交通补贴"
    OVERTIME_PAY = "overtime", "加班费"
    PAID_LEAVE = "leave", "带薪休假"
    DAILY_PAY = "daily_pay", "日结"
    WEEKLY_PAY = "weekly_pay", "周结"
    TRAINING = "training", "岗前培训"


class Gender(models.TextChoices):
    MALE = "M", "男"
    FEMALE = "F", "女"


class SeekerStatus(models.TextChoices):
    ACTIVE = "active", "求职中"
    PAUSED = "paused", "暂停求职"
    CLOSED = "closed", "已关闭"


class PushFrequency(models.TextChoices):
    DAILY = "daily", "每天"
    WEEKLY = "weekly", "每周"
    NEVER = "never", "不要推送"


class PushChannel(models.TextChoices):
    SITE = "site", "网站/APP消息"
    SMS = "sms", "短信"


class RegisteredVia(models.TextChoices):
    SELF = "self", "本人在手机上登记"
    STATION = "station", "服务站代为登记"
    IMPORT = "import", "调查表导入"


class RevealPurpose(models.TextChoices):
    """Why staff need a person's whole phone number: each reveal is audited with its reason."""

    RECOMMEND = "recommend", "推荐岗位、通知面试"
    VERIFY = "verify", "核实登记信息"
    FOLLOW_UP = "follow_up", "回访就业情况"
    SERVICE = "service", "办理其他服务事项"
