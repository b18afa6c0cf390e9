"""Coded values of matching. Labels are what people read."""

from django.db import models


class MatchKind(models.TextChoices):
    PERSONAL = "personal", "按您的求职登记推荐"
    NEWEST = "newest", "您所在城市的最新岗位"
    OLDER = "older", "欢迎大龄务工人员的岗位"
    BY_HAND = "by_hand", "工作人员推荐"


class ContactMethod(models.TextChoices):
    CALLED = "called", "打电话"
    VISITED = "visited", "上门走访"
    REFERRED = "referred", "推荐岗位"


class ClaimJob(models.TextChoices):
    """The per-city jobs a consumer claims before doing them."""

    # Matching new postings and recomputing a city both write its matches and watermark:
    # one claim covers both.
    MATCH = "match", "计算岗位匹配"
    PUSH = "push", "推送新匹配"
