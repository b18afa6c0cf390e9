"""The audit log: rows are written, and the database itself refuses to change or delete them."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from chengnuan.core.audit import AuditContextMiddleware, audit_record
from chengnuan.core.models import AuditAction, AuditEntry, AuditResult
from chengnuan.employment.models import JobSeeker
from tests.factories import JobSeekerFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_a_staff_read_writes_a_row_naming_who_what_and_which_record():
    clerk = StaffFactory(username="tiexi-clerk")
    seeker = JobSeekerFactory()
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.2.3")
    entry = audit_record(actor=clerk, action=AuditAction.VIEW, obj=seeker, request=request)
    entry.refresh_from_db()
    assert entry.actor == clerk
    assert entry.actor_label == "tiexi-clerk"
    assert entry.object_type == "employment.jobseeker"
    assert entry.object_id == str(seeker.pk)
    assert entry.result == AuditResult.OK
    assert entry.ip == "10.1.2.3"


def test_system_actions_are_labelled_system():
    entry = audit_record(
        actor=None, action=AuditAction.IMPORT, object_type="bulk.batch", object_id="7"
    )
    assert entry.actor is None
    assert entry.actor_label == "system"


def test_the_database_refuses_to_update_an_audit_row():
    entry = audit_record(actor=None, action=AuditAction.VIEW, object_type="x", object_id="1")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).update(result=AuditResult.DENIED)
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "UPDATE core_auditentry SET actor_label = 'someone else' WHERE id = %s", [entry.pk]
        )
    entry.refresh_from_db()
    assert entry.result == AuditResult.OK
    assert entry.actor_label == "system"


def test_the_database_refuses_to_delete_an_audit_row():
    entry = audit_record(actor=None, action=AuditAction.VIEW, object_type="x", object_id="1")
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry")
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


# --- lists of people (AuditedQuerySet) ----------------------------------------------------------


def _views():
    return list(AuditEntry.objects.filter(action=AuditAction.VIEW).values_list("detail", flat=True))


def test_reading_a_page_of_people_writes_one_row_naming_them():
    staff = StaffFactory()
    first, second = JobSeekerFactory(), JobSeekerFactory()
    seekers = JobSeeker.objects.audited(actor=staff, detail={"why": "test"}).order_by("id")
    assert seekers.count() == 2 and seekers.exists()  # counting reads nobody
    assert _views() == []
    page = seekers[:1]
    list(page)
    list(page)  # the same evaluation, cached: no second row
    assert _views() == [{"list": [first.pk], "why": "test"}]
    assert [s.pk for s in seekers.filter(pk=second.pk).iterator()] == [second.pk]
    assert _views()[0] == {"list": [second.pk], "why": "test"}  # newest first


def test_a_queryset_not_marked_audited_writes_nothing():
    JobSeekerFactory()
    list(JobSeeker.objects.all())
    assert _views() == []


def test_rows_written_inside_a_request_carry_its_address(rf):
    def view(request):
        audit_record(actor=None, action=AuditAction.VIEW, object_type="test")
        return HttpResponse()

    AuditContextMiddleware(view)(rf.get("/", REMOTE_ADDR="10.1.2.3"))
    assert AuditEntry.objects.get(object_type="test").ip == "10.1.2.3"
