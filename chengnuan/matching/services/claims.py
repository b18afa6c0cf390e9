"""Per-city claims: a consumer takes a city's job with a conditional UPDATE whose row count
says who won (two consumers on two machines never both win), and gives it back when done. A
consumer that dies mid-run holds the city only until its lease runs out."""

import datetime
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone

from chengnuan.matching.choices import ClaimJob
from chengnuan.matching.models import CityClaim

# Longer than any run of one city (a full recompute of 沈阳 at province scale takes minutes).
LEASE = datetime.timedelta(minutes=30)


def city_claim(*, job: ClaimJob, city_code: str, lease: datetime.timedelta = LEASE) -> str | None:
    """The claim's token if this caller won the city, else None."""
    _ensure_row(job, city_code)
    now = timezone.now()
    token = uuid.uuid4().hex
    won = (
        CityClaim.objects.filter(job=job, city_code=city_code)
        .filter(Q(until__isnull=True) | Q(until__lt=now))
        .update(token=token, until=now + lease)
    )
    return token if won else None


def city_release(*, job: ClaimJob, city_code: str, token: str) -> None:
    CityClaim.objects.filter(job=job, city_code=city_code, token=token).update(token="", until=None)


@contextmanager
def city_claimed(job: ClaimJob, city_code: str) -> Iterator[bool]:
    """`with city_claimed(...) as won:` does the work only if won; releases after."""
    token = city_claim(job=job, city_code=city_code)
    try:
        yield token is not None
    finally:
        if token is not None:
            city_release(job=job, city_code=city_code, token=token)


def _ensure_row(job: ClaimJob, city_code: str) -> None:
    if CityClaim.objects.filter(job=job, city_code=city_code).exists():
        return
    try:
        with transaction.atomic():
            CityClaim.objects.create(job=job, city_code=city_code)
    except IntegrityError:
        pass  # another consumer created it first: the UPDATE decides who wins
