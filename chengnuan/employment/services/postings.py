"""Writes for 岗位 (postings): draft -> pending -> published -> closed / expired, with
rejected on review. Every change tells the search index after commit."""

import dataclasses
import datetime
import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from chengnuan.accounts.models import User
from chengnuan.core.audit import audit_record
from chengnuan.core.models import AuditAction
from chengnuan.core.timeutil import today as local_today
from chengnuan.employment.choices import EmployerStatus, PostingStatus, Source
from chengnuan.employment.inputs import PostingInput
from chengnuan.employment.models import Employer, Posting
from chengnuan.employment.permissions import (
    employer_elsewhere_message,
    employer_in_reach,
    is_staff,
    is_staff_in_scope,
    owns_employer,
    require_employer_access,
    require_staff_in_scope,
)
from chengnuan.employment.search import postings_changed
from chengnuan.employment.validation import clean_posting, posting_field_values, reference_codes
from chengnuan.search.classify import suggest_occupation

logger = logging.getLogger(__name__)

EDITABLE = (
    PostingStatus.DRAFT,
    PostingStatus.PENDING,
    PostingStatus.REJECTED,
    PostingStatus.PUBLISHED,
)
SUBMITTABLE = (PostingStatus.DRAFT, PostingStatus.REJECTED)
CLOSABLE = (
    PostingStatus.DRAFT,
    PostingStatus.PENDING,
    PostingStatus.REJECTED,
    PostingStatus.PUBLISHED,
)
# Postings still waiting or live when their date passes; drafts stay drafts to be re-dated.
EXPIRABLE = (PostingStatus.PENDING, PostingStatus.PUBLISHED)
EXPIRE_BATCH = 1000


def _state_error(message: str) -> ValidationError:
    return ValidationError({"__all__": [message]})


def _announce(posting_ids: list[int]) -> None:
    """The search index and match pushes learn of the change only once it is committed."""
    transaction.on_commit(lambda: postings_changed(posting_ids))


def _check_out_of_area(actor: User | None, county_code: str) -> None:
    """Staff place postings only inside their own area (where they can see them later)."""
    if is_staff(actor) and not is_staff_in_scope(actor, county_code):
        raise ValidationError(
            {"county_code": ["这个工作地点不在您负责的区域内，请选您所在区域的县区。"]}
        )


def _with_suggested_occupation(data: PostingInput) -> PostingInput:
    """Fill a missing occupation from the job title (a group such as 生产制造及有关人员 when
    the title is vague); a posting the classifier cannot place keeps none."""
    if data.occupation_code is not None:
        return data
    suggestion = suggest_occupation(data.title)
    if suggestion is None or suggestion.code not in reference_codes().occupations:
        return data
    return dataclasses.replace(data, occupation_code=suggestion.code)


def _audit(actor: User | None, action: AuditAction, posting: Posting, **detail: Any) -> None:
    """Every change by a person (staff or the employer) is audited; a posting names a contact
    person and their phone."""
    if actor is not None:
        audit_record(actor=actor, action=action, obj=posting, detail=detail)


def _save(posting: Posting) -> None:
    posting.full_clean()
    posting.save()


@transaction.atomic
def posting_create(
    *, employer: Employer, data: PostingInput, actor: User | None, source: Source, submit: bool
) -> Posting:
    """A new posting, saved as a draft or (submit=True) sent for review. Refused with the
    reason when its title or description discriminates (see discrimination.py)."""
    if not is_staff(actor):
        require_employer_access(actor, employer, None)
    cleaned = _with_suggested_occupation(clean_posting(data))
    _check_out_of_area(actor, cleaned.county_code)
    if is_staff(actor) and not employer_in_reach(actor, employer):
        # Staff post only for employers registered in their area: a clerk elsewhere could
        # otherwise publish in any company's name with a contact phone of their choosing.
        raise _state_error(employer_elsewhere_message(employer))
    if employer.status in (EmployerStatus.REJECTED, EmployerStatus.SUSPENDED):
        raise _state_error("单位核验没有通过或已暂停，暂时不能发布岗位。请联系所在县区人社部门。")
    posting = Posting(
        employer=employer,
        **posting_field_values(cleaned),
        status=PostingStatus.PENDING if submit else PostingStatus.DRAFT,
        source=source,
        created_by=actor,
    )
    _save(posting)
    _audit(actor, AuditAction.CREATE, posting, status=posting.status)
    _announce([posting.pk])
    return posting


def _lock(posting: Posting) -> Posting:
    return Posting.objects.select_for_update().select_related("employer").get(pk=posting.pk)


@transaction.atomic
def posting_update(*, posting: Posting, data: PostingInput, actor: User | None) -> Posting:
    """Change a posting's content. When the employer edits a live posting it goes back to
    review (its new text has not been checked by staff); a staff edit keeps it live."""
    posting = _lock(posting)
    require_employer_access(actor, posting.employer, posting.county_id)
    if posting.status not in EDITABLE:
        raise _state_error("这个岗位已经结束或过期，不能再修改；可以重新发布一个新岗位。")
    cleaned = _with_suggested_occupation(clean_posting(data))
    _check_out_of_area(actor, cleaned.county_code)
    for name, value in posting_field_values(cleaned).items():
        setattr(posting, name, value)
    if posting.status == PostingStatus.PUBLISHED and owns_employer(actor, posting.employer):
        posting.status = PostingStatus.PENDING
    _save(posting)
    _audit(actor, AuditAction.UPDATE, posting, status=posting.status)
    _announce([posting.pk])
    return posting


@transaction.atomic
def posting_submit(*, posting: Posting, actor: User | None) -> Posting:
    """Send a draft (or a rejected posting after fixing it) for review. Everything is
    checked again: the end date may have passed since it was written."""
    posting = _lock(posting)
    require_employer_access(actor, posting.employer, posting.county_id)
    if posting.status not in SUBMITTABLE:
        raise _state_error("只有草稿或未通过审核的岗位可以提交审核。")
    clean_posting(PostingInput.from_posting(posting))
    posting.status = PostingStatus.PENDING
    _save(posting)
    _audit(actor, AuditAction.UPDATE, posting, status=posting.status)
    _announce([posting.pk])
    return posting


@transaction.atomic
def posting_review(*, posting: Posting, actor: User, approve: bool, note: str = "") -> Posting:
    """Staff where the job is publish a pending posting or send it back with a reason. A
    posting of an employer nobody has verified yet cannot go public."""
    posting = _lock(posting)
    require_staff_in_scope(actor, posting.county_id)
    if posting.status != PostingStatus.PENDING:
        raise _state_error("这个岗位不在待审核状态，不能审核。")
    note = note.strip()
    if approve:
        if posting.employer.status != EmployerStatus.VERIFIED:
            raise _state_error(
                "这家单位还没有通过核验，岗位不能发布。请先核验单位（核对统一社会信用代码和营业执照），再审核岗位。"
            )
        clean_posting(PostingInput.from_posting(posting))
        posting.status = PostingStatus.PUBLISHED
        posting.published_at = timezone.now()
    else:
        if not note:
            raise ValidationError({"note": ["请写明不通过的原因，单位才知道怎么改。"]})
        posting.status = PostingStatus.REJECTED
    posting.review_note = note[:200]
    posting.reviewed_by = actor
    posting.reviewed_at = timezone.now()
    _save(posting)
    audit_record(
        actor=actor,
        action=AuditAction.REVIEW,
        obj=posting,
        detail={"approve": approve, "note": posting.review_note},
    )
    _announce([posting.pk])
    return posting


@transaction.atomic
def posting_close(*, posting: Posting, actor: User | None) -> Posting:
    """Stop recruiting (filled, or no longer needed)."""
    posting = _lock(posting)
    require_employer_access(actor, posting.employer, posting.county_id)
    if posting.status not in CLOSABLE:
        raise _state_error("这个岗位已经结束或过期了。")
    posting.status = PostingStatus.CLOSED
    posting.closed_at = timezone.now()
    _save(posting)
    _audit(actor, AuditAction.UPDATE, posting, status=posting.status)
    _announce([posting.pk])
    return posting


def posting_expire_due(*, today: datetime.date | None = None) -> int:
    """Mark postings whose end date has passed as expired; returns how many. Runs daily
    (employment.tasks.expire_postings). Batched so a province-wide run holds no long lock."""
    today = today or local_today()
    due = Posting.objects.filter(status__in=EXPIRABLE, valid_until__lt=today)
    expired = 0
    while ids := list(due.order_by("pk").values_list("pk", flat=True)[:EXPIRE_BATCH]):
        with transaction.atomic():
            expired += Posting.objects.filter(pk__in=ids, status__in=EXPIRABLE).update(
                status=PostingStatus.EXPIRED, updated_at=timezone.now()
            )
            _announce(ids)
    if expired:
        logger.info("expired %d postings whose end date was before %s", expired, today)
    return expired
