"""Computing and storing matches, one city at a time (the posting's city), under that city's
claim so that consumers on several machines share the cities and never do one twice at once.

- match_new_postings: postings published after the city's watermark are matched against the
  city's seekers and merged into each seeker's top K; the watermark moves in the same
  transaction as the matches, so a run that dies is redone whole and a posting is picked up
  exactly once.
- matches_recompute: the city's matches are computed afresh from every public posting (a
  nightly run: it also drops matches of postings that closed, and follows seekers who changed
  their registration).

Matches written here are the queue of the next push window (services/push.py sends those not
yet pushed)."""

import datetime
import json
import logging
from collections import defaultdict
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from django.utils import timezone

from chengnuan.core.fastinsert import RowInserter, larger_page_cache
from chengnuan.matching.choices import ClaimJob
from chengnuan.matching.engine import TOP_K, Candidates, match
from chengnuan.matching.models import CityWatermark, Match
from chengnuan.matching.reasons import FRESH_DAYS, NEAR_KM, reasons_for
from chengnuan.matching.selectors.frames import (
    Codes,
    posting_frame,
    postings_for_matching,
    related_code,
    seeker_frame,
)
from chengnuan.matching.services.claims import city_claimed

logger = logging.getLogger(__name__)

# A posting is matched once it has been published this long: a transaction that stamped an
# earlier published_at but committed late is still seen before the watermark passes it.
SETTLE = datetime.timedelta(minutes=2)
# New postings taken per transaction by one incremental run.
NEW_BATCH = 20_000
_DELETE_CHUNK = 500
INSERT_CHUNK = 50_000
# A city's full run rewrites millions of rows under four indexes.
PAGE_CACHE_MIB = 256


@dataclass
class CityRun:
    city_code: str
    claimed: bool = True
    postings: int = 0
    seekers: int = 0
    written: int = 0
    removed: int = 0


def match_new_postings(*, city_code: str) -> CityRun:
    """Match the city's newly published postings (after its watermark). A city never
    matched before is computed in full instead."""
    with city_claimed(ClaimJob.MATCH, city_code) as won:
        if not won:
            return CityRun(city_code, claimed=False)
        if not CityWatermark.objects.filter(city_code=city_code).exists():
            return _recompute(city_code)
        run = CityRun(city_code)
        while True:
            with transaction.atomic():
                taken = _match_batch(city_code, run)
            if taken < NEW_BATCH:
                return run


def matches_recompute(*, city_code: str) -> CityRun:
    with city_claimed(ClaimJob.MATCH, city_code) as won:
        return _recompute(city_code) if won else CityRun(city_code, claimed=False)


def _match_batch(city_code: str, run: CityRun) -> int:
    mark = CityWatermark.objects.select_for_update().get(city_code=city_code)
    settled = timezone.now() - SETTLE
    postings = postings_for_matching(city_code, after=(mark.published_at, mark.posting_id))
    batch = list(
        postings.filter(published_at__lte=settled).values_list(
            "id", "published_at", "occupation_id"
        )[:NEW_BATCH]
    )
    if not batch:
        return 0
    codes = Codes()
    frame = posting_frame(city_code, postings.filter(id__in=[row[0] for row in batch]), codes)
    # Only seekers wanting work related to the new postings can match them.
    prefixes = {related_code(row[2]) for row in batch}
    seekers = seeker_frame(city_code, codes, prefixes)
    found = match(seekers, frame)
    written, removed = _merge(city_code, found)
    last_pk, last_at, _ = batch[-1]
    CityWatermark.objects.filter(city_code=city_code).update(
        published_at=last_at, posting_id=last_pk
    )
    run.postings += len(batch)
    run.seekers += len(seekers)
    run.written += written
    run.removed += removed
    return len(batch)


def _recompute(city_code: str) -> CityRun:
    settled = timezone.now() - SETTLE
    postings = postings_for_matching(city_code).filter(published_at__lte=settled)
    codes = Codes()
    frame = posting_frame(city_code, postings, codes)
    seekers = seeker_frame(city_code, codes)
    found = match(seekers, frame)
    run = CityRun(city_code, postings=len(frame), seekers=len(seekers))
    with transaction.atomic(), larger_page_cache(connection, PAGE_CACHE_MIB):
        run.removed, _ = Match.objects.filter(city_code=city_code).delete()
        run.written = _insert(city_code, found)
        last = postings.order_by("-published_at", "-id").values_list("published_at", "id").first()
        if last is not None and last[0] is not None:
            CityWatermark.objects.update_or_create(
                city_code=city_code, defaults={"published_at": last[0], "posting_id": last[1]}
            )
        elif not CityWatermark.objects.filter(city_code=city_code).exists():
            CityWatermark.objects.create(city_code=city_code, published_at=settled, posting_id=0)
    logger.info("matching %s: %s", city_code, run)
    return run


def _merge(city_code: str, found: Candidates) -> tuple[int, int]:
    """Fold new candidates into the stored top K of the seekers they concern: the K best of
    old and new together stay; a stored pair met again takes its new score."""
    if not len(found):
        return 0, 0
    affected = set(found.seeker.tolist())
    stored: dict[int, list[tuple[int, int, int]]] = defaultdict(
        list
    )  # seeker -> (score, posting, id)
    for pk, seeker_id, posting_id, score in Match.objects.filter(city_code=city_code).values_list(
        "id", "seeker_id", "posting_id", "score"
    ):
        if seeker_id in affected:
            stored[seeker_id].append((score, posting_id, pk))
    new_by_seeker: dict[int, list[tuple[int, int, int]]] = defaultdict(
        list
    )  # (score, posting, index)
    for index, (seeker_id, posting_id, score) in enumerate(
        zip(found.seeker.tolist(), found.posting.tolist(), found.score.tolist(), strict=True)
    ):
        new_by_seeker[seeker_id].append((score, posting_id, index))
    keep_new: list[int] = []
    drop: list[int] = []
    for seeker_id, fresh in new_by_seeker.items():
        fresh_postings = {posting_id for _, posting_id, _ in fresh}
        old = stored.get(seeker_id, [])
        drop += [pk for _, posting_id, pk in old if posting_id in fresh_postings]
        old = [entry for entry in old if entry[1] not in fresh_postings]
        ranked = sorted(
            [(score, posting_id, False, i) for score, posting_id, i in fresh]
            + [(score, posting_id, True, pk) for score, posting_id, pk in old],
            key=lambda entry: (-entry[0], -entry[1]),
        )
        for _, _, is_old, ref in ranked[TOP_K:]:
            if is_old:
                drop.append(ref)
        keep_new += [ref for _, _, is_old, ref in ranked[:TOP_K] if not is_old]
    for start in range(0, len(drop), _DELETE_CHUNK):
        Match.objects.filter(id__in=drop[start : start + _DELETE_CHUNK]).delete()
    written = _insert(city_code, found.take(np.array(sorted(keep_new), dtype=np.int64)))
    return written, len(drop)


def _insert(city_code: str, found: Candidates) -> int:
    """Write the pairs with their reasons, INSERT_CHUNK rows at a time (a city's full run
    holds millions). The reasons of a pair depend on a handful of small parts, so each
    distinct set of parts is worded (and turned into JSON) once."""
    inserter = RowInserter(Match)
    constant = {"city_code": city_code, "computed_at": timezone.now()}
    varying = ("seeker_id", "posting_id", "score", "reasons")
    worded: dict[tuple[int, bool, int, int, int, int, bool], str] = {}
    for start in range(0, len(found), INSERT_CHUNK):
        part = found.take(np.arange(start, min(len(found), start + INSERT_CHUNK)))
        km = np.where(np.isnan(part.distance_km), -1, np.round(part.distance_km)).astype(np.int64)
        km[(part.distance_km < 1) & (km >= 0)] = 0
        km[part.distance_km > NEAR_KM] = -1  # too far to be a reason
        parts = zip(
            part.occupation_level.tolist(),
            part.same_county.tolist(),
            km.tolist(),
            part.wage_level.tolist(),
            part.older.tolist(),
            part.benefits.tolist(),
            (part.age_days <= FRESH_DAYS).tolist(),
            strict=True,
        )
        reasons = []
        for key in parts:
            text = worded.get(key)
            if text is None:
                text = worded[key] = json.dumps(_reasons_of(key), ensure_ascii=False)
            reasons.append(text)
        rows = inserter.stamped(
            constant,
            varying,
            zip(
                part.seeker.tolist(),
                part.posting.tolist(),
                part.score.tolist(),
                reasons,
                strict=True,
            ),
        )
        inserter.insert_rows(rows, returning=False)
    return len(found)


def _reasons_of(key: tuple[int, bool, int, int, int, int, bool]) -> list[str]:
    level, same_county, km, wage, older, benefits, fresh = key
    return reasons_for(
        occupation_level=level,
        same_county=same_county,
        # Rounded already: 0 stands for "under a kilometre", -1 for unknown.
        distance_km=float("nan") if km < 0 else (0.5 if km == 0 else float(km)),
        wage_level=wage,
        older=older,
        benefits=benefits,
        age_days=0.0 if fresh else FRESH_DAYS + 1,
    )
