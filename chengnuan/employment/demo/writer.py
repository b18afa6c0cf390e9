"""Writes demo records in batches of BATCH rows, one transaction per batch, keeping only a
small reference per employer in memory, so a million postings and a million seekers stream
through in minutes (see bulk.py for the inserts). Encryption of every phone and 身份证号 happens as in production (the
EncryptedTextField encrypts on insert); it is most of the cost, on purpose."""

import datetime
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import cast

from django.db import models, reset_queries, transaction
from django.utils import timezone

from chengnuan.accounts.demo import refuse_in_production
from chengnuan.employment.demo.bulk import insert_rows
from chengnuan.employment.demo.identity import SEEKER_SPACE
from chengnuan.employment.demo.records import (
    EmployerRef,
    SeekerRecord,
    build_employer,
    build_posting,
    build_seeker,
)
from chengnuan.employment.demo.world import DemoWorld
from chengnuan.employment.models import Consent, Employer, JobSeeker, Posting

BATCH = 5000
# How many postings an employer has on average when --employers is not given.
POSTINGS_PER_EMPLOYER = 8
_ORG_CODE_SPACE = 10**8

# Told (what, how many so far, how many in all) after every batch.
Progress = Callable[[str, int, int], None]


@dataclass
class DemoCounts:
    employers: int = 0
    postings: int = 0
    seekers: int = 0
    consents: int = 0


def default_employer_count(postings: int) -> int:
    return max(1, postings // POSTINGS_PER_EMPLOYER) if postings else 0


def generate_demo(
    *,
    postings: int,
    seekers: int,
    employers: int | None = None,
    seed: int = 1,
    now: datetime.datetime | None = None,
    progress: Progress | None = None,
) -> DemoCounts:
    """Create demo employers, postings and seekers. The same seed on the same database state
    gives the same rows; running again adds more (numbers continue where the last run ended).
    Refused in production before anything is written: demo people do not belong among real ones
    (and the demo accounts that follow would be refused there anyway)."""
    refuse_in_production()
    employer_count = default_employer_count(postings) if employers is None else employers
    if postings and not employer_count:
        raise ValueError("岗位需要用人单位：--employers 不能为 0。")
    if JobSeeker.objects.count() + seekers > SEEKER_SPACE:
        raise ValueError(f"最多生成 {SEEKER_SPACE} 名求职者。")
    world = DemoWorld.load()
    now = now or timezone.now()
    report = progress or (lambda _what, _done, _total: None)
    counts = DemoCounts()
    refs = _write_employers(world, employer_count, seed, now, counts, report)
    _write_postings(world, refs, postings, seed, now, counts, report)
    _write_seekers(world, seekers, seed, now, counts, report)
    return counts


def _stream(seed: int, name: str) -> random.Random:
    """One generator per kind of row, so asking for more seekers leaves the postings alone.
    Demo data, not secrets: a seeded PRNG is what makes runs repeatable."""
    return random.Random(f"{seed}:{name}")  # noqa: S311


def _batches(total: int) -> Iterator[range]:
    for start in range(0, total, BATCH):
        # With DEBUG on, Django keeps the SQL of recent queries; the batches' IN lists of
        # thousands of hashes would pile up to hundreds of megabytes.
        reset_queries()
        yield range(start, min(total, start + BATCH))


def _write_employers(
    world: DemoWorld,
    total: int,
    seed: int,
    now: datetime.datetime,
    counts: DemoCounts,
    report: Progress,
) -> list[EmployerRef]:
    rng = _stream(seed, "employers")
    offset = _stream(seed, "uscc").randrange(_ORG_CODE_SPACE)
    base = Employer.objects.count()
    refs: list[EmployerRef] = []
    for batch in _batches(total):
        records = [build_employer(rng, world, base + i, offset, now) for i in batch]
        # Another seed's numbers may meet this run's: skip the few already registered.
        taken = set(
            Employer.objects.filter(uscc__in=[r.fields["uscc"] for r in records]).values_list(
                "uscc", flat=True
            )
        )
        fresh = [r for r in records if r.fields["uscc"] not in taken]
        with transaction.atomic():
            insert_rows(Employer, [r.fields for r in fresh])
            pks = dict(
                Employer.objects.filter(uscc__in=[r.fields["uscc"] for r in fresh]).values_list(
                    "uscc", "pk"
                )
            )
        refs.extend(
            EmployerRef(
                pk=pks[record.fields["uscc"]],
                profile_index=record.profile_index,
                role_index=record.role_index,
                industry_code=record.fields["industry_id"],
                county_code=record.place.county_code,
                status=record.fields["status"],
                source=record.fields["source"],
            )
            for record in fresh
        )
        counts.employers += len(fresh)
        report("用人单位", counts.employers, total)
    return refs


def _write_postings(
    world: DemoWorld,
    employers: list[EmployerRef],
    total: int,
    seed: int,
    now: datetime.datetime,
    counts: DemoCounts,
    report: Progress,
) -> None:
    rng = _stream(seed, "postings")
    for batch in _batches(total):
        # A few employers post a lot, most post a little.
        rows = [
            build_posting(rng, world, employers[int(len(employers) * rng.random() ** 1.2)], now)
            for _ in batch
        ]
        with transaction.atomic():
            counts.postings += insert_rows(Posting, rows)
        report("岗位", counts.postings, total)


def _write_seekers(
    world: DemoWorld,
    total: int,
    seed: int,
    now: datetime.datetime,
    counts: DemoCounts,
    report: Progress,
) -> None:
    rng = _stream(seed, "seekers")
    offset = _stream(seed, "id-numbers").randrange(SEEKER_SPACE)
    base = JobSeeker.objects.count()
    for batch in _batches(total):
        records = [build_seeker(rng, world, base + i, offset, now) for i in batch]
        taken = set(
            JobSeeker.objects.filter(
                id_number_hash__in=[r.fields["id_number_hash"] for r in records]
            ).values_list("id_number_hash", flat=True)
        )
        fresh = [r for r in records if r.fields["id_number_hash"] not in taken]
        with transaction.atomic():
            insert_rows(JobSeeker, [r.fields for r in fresh])
            pks = dict(
                JobSeeker.objects.filter(
                    id_number_hash__in=[r.fields["id_number_hash"] for r in fresh]
                ).values_list("id_number_hash", "pk")
            )
            counts.consents += _write_seeker_lists(
                [(pks[r.fields["id_number_hash"]], r) for r in fresh]
            )
        counts.seekers += len(fresh)
        report("求职登记", counts.seekers, total)


def _write_seeker_lists(pairs: list[tuple[int, SeekerRecord]]) -> int:
    """Wanted occupations and areas, and the consents the registration recorded (the granted
    ones, as seeker_register does)."""
    for field_name, codes_of in (
        ("wanted_occupations", lambda r: r.occupation_codes),
        ("wanted_areas", lambda r: r.area_codes),
    ):
        field = cast(models.ManyToManyField, JobSeeker._meta.get_field(field_name))
        own, other = field.m2m_field_name(), field.m2m_reverse_field_name()
        through = cast(type[models.Model], field.remote_field.through)
        insert_rows(
            through,
            (
                {f"{own}_id": pk, f"{other}_id": code}
                for pk, record in pairs
                for code in codes_of(record)
            ),
        )
    return insert_rows(
        Consent,
        (
            {
                "seeker_id": pk,
                "purpose": purpose,
                "granted": True,
                "method": record.consent_method,
                "recorded_by_id": None,
                "at": record.fields["created_at"],
            }
            for pk, record in pairs
            for purpose, granted in record.consents.items()
            if granted
        ),
    )
