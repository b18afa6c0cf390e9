from django.db import models


class DivisionLevel(models.TextChoices):
    PROVINCE = "province", "省"
    CITY = "city", "市"
    COUNTY = "county", "县区"
    TOWNSHIP = "township", "乡镇街道"


class CoordSystem(models.TextChoices):
    GCJ02 = "gcj02", "GCJ-02（国内地图）"
    WGS84 = "wgs84", "WGS-84（GPS）"


class Division(models.Model):
    """An administrative division, keyed by its adcode: 2 digits province, 4 city, 6 county,
    9 township. Area scopes are adcode prefixes, so `code__startswith` is the scope test."""

    code = models.CharField("区划代码", max_length=12, primary_key=True)
    name = models.CharField("名称", max_length=64)
    level = models.CharField("层级", max_length=16, choices=DivisionLevel.choices)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    full_name = models.CharField("全称", max_length=200, blank=True)
    lng = models.FloatField("经度", null=True, blank=True)
    lat = models.FloatField("纬度", null=True, blank=True)
    coord_system = models.CharField(
        "坐标系", max_length=8, choices=CoordSystem.choices, default=CoordSystem.GCJ02
    )

    class Meta:
        ordering = ["code"]
        indexes = [models.Index(fields=["level", "code"]), models.Index(fields=["name"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__in=DivisionLevel.values), name="division_level_valid"
            ),
            models.CheckConstraint(
                condition=(models.Q(lng__isnull=True) & models.Q(lat__isnull=True))
                | (models.Q(lng__gte=-180, lng__lte=180) & models.Q(lat__gte=-90, lat__lte=90)),
                name="division_coords_both_or_none",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name or self.name
