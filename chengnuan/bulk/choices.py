"""Coded values of the bulk app. Labels are what clerks read."""

from django.db import models


class ImportKind(models.TextChoices):
    POSTING = "posting", "岗位信息"
    SEEKER = "seeker", "求职登记"
    DEMAND_SURVEY = "demand_survey", "岗位需求调查"
    EMPLOYMENT_SURVEY = "employment_survey", "就业需求调查"


class ImportMode(models.TextChoices):
    ALL_OR_NOTHING = "all", "全部正确才导入（有一行错就一行都不导入）"
    VALID_ROWS = "valid", "先导入正确的行，错的行退回给我改"


class ImportStatus(models.TextChoices):
    QUEUED = "queued", "排队中"
    READING = "reading", "正在检查"
    WRITING = "writing", "正在保存"
    DONE = "done", "已完成"
    REJECTED = "rejected", "有错误，未导入"
    REFUSED = "refused", "文件不能导入"
    FAILED = "failed", "系统出错"


# An import in one of these is being worked on by a process that holds its lease (leases.py).
RUNNING_STATUSES = (ImportStatus.READING, ImportStatus.WRITING)

FINISHED_STATUSES = (
    ImportStatus.DONE,
    ImportStatus.REJECTED,
    ImportStatus.REFUSED,
    ImportStatus.FAILED,
)


class WorkStatus(models.TextChoices):
    """目前就业状态 in the employment survey."""

    AWAY = "away", "在外地务工"
    LOCAL = "local", "在本地务工"
    FLEXIBLE = "flexible", "灵活就业（打零工）"
    FARMING = "farming", "在家务农"
    SEEKING = "seeking", "没有工作，想找工作"
    HOME = "home", "料理家务，暂不工作"
    STUDENT = "student", "在校学生"
    RETIRED = "retired", "已退休或年老不工作"


class Difficulty(models.TextChoices):
    """就业困难 in the employment survey (several may apply)."""

    SKILLS = "skills", "缺少技能"
    INFORMATION = "information", "不知道哪里招人"
    AGE = "age", "年龄偏大"
    FAMILY = "family", "要照顾家里"
    HEALTH = "health", "身体原因"
    LOW_WAGE = "low_wage", "工资太低"
    TRANSPORT = "transport", "交通不便"
    OTHER = "other", "其他"


class SurveySource(models.TextChoices):
    FORM = "form", "经办员录入"
    IMPORT = "import", "表格导入"
