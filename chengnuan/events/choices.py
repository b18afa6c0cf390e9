from django.db import models

from chengnuan.accounts.models import Department


class FairKind(models.TextChoices):
    OFFLINE = "offline", "现场招聘会"
    ONLINE = "online", "网络招聘会"


class FairOrganiser(models.TextChoices):
    """Who holds the fair: the 人社 department, or the trade union (its 工会就业服务活动 are
    fairs with this organiser). The values are accounts.Department's, so a staff member's
    department is the organiser of what they publish."""

    HRSS = Department.HRSS.value, "人社部门"
    UNION = Department.UNION.value, "工会"


class FairStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PUBLISHED = "published", "已发布"
    CANCELLED = "cancelled", "已取消"
    FINISHED = "finished", "已结束"


class BoothStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REFUSED = "refused", "未通过"
    WITHDRAWN = "withdrawn", "已撤回"
