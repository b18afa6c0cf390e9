import datetime

from django.utils import timezone


def today() -> datetime.date:
    """Today's date in the platform's time zone (Asia/Shanghai)."""
    return timezone.localdate()
