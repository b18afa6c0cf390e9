from django.db import models


class Occupation(models.Model):
    """职业分类大典 (CSCO) 2022. Level 1 大类 … level 4 细类 (codes like 4-09-08-01)."""

    code = models.CharField("职业代码", max_length=16, primary_key=True)
    level = models.PositiveSmallIntegerField("层级")
    name = models.CharField("职业名称", max_length=128)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    definition = models.TextField("定义", blank=True)
    aliases = models.TextField("常用叫法", blank=True, help_text="逗号分隔")
    # 绿色职业 (L) and 数字职业 (S) markers of the 2022 edition, kept apart from the name.
    markers = models.CharField("标识", max_length=4, blank=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="occupation_level_1_4"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def major_group(self) -> str:
        """The 大类 digit (1-8) the code starts with."""
        return self.code[:1]

    def alias_list(self) -> list[str]:
        return [a for a in (s.strip() for s in self.aliases.split(",")) if a]


class Industry(models.Model):
    """GB/T 4754-2017: 门类 (A) / 大类 (01) / 中类 (011) / 小类 (0111)."""

    code = models.CharField("行业代码", max_length=8, primary_key=True)
    level = models.PositiveSmallIntegerField("层级")
    name = models.CharField("行业名称", max_length=128)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    description = models.TextField("说明", blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "industries"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=4), name="industry_level_1_4"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"
