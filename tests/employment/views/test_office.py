import pytest
from django.urls import reverse

from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import EmployerStatus, PostingStatus, RegisteredVia, Source
from chengnuan.employment.models import Consent, ConsentMethod, Employer, JobSeeker, Posting
from tests.employment.factories import (
    DALIAN_GANJINGZI_TOWNSHIP,
    DalianClerkFactory,
    PendingEmployerFactory,
    ShenyangCityStaffFactory,
    WorkerFactory,
)
from tests.employment.views_support import (
    employer_data,
    posting_data,
    registration_data,
    signed_in,
    staff_signed_in,
    with_wrong_check_digit,
)
from tests.factories import (
    DALIAN_GANJINGZI,
    EmployerFactory,
    JobSeekerFactory,
    PostingFactory,
    StaffFactory,
    make_id_number,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clerk(client):
    """A 铁西区 (Shenyang) clerk past the second factor."""
    staff = StaffFactory()
    staff_signed_in(client, staff)
    return staff


def pending_posting(**kwargs):
    return PostingFactory(status=PostingStatus.PENDING, published_at=None, **kwargs)


# --- access ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "employment:office_home",
        "employment:office_review_queue",
        "employment:office_postings",
        "employment:office_employers",
        "employment:office_employer_new",
        "employment:office_seekers",
        "employment:office_seeker_new",
    ],
)
def test_office_pages_send_anonymous_to_staff_login(client, name):
    response = client.get(reverse(name))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:staff_login"))


def test_worker_cannot_open_the_office(client):
    response = signed_in(client, WorkerFactory()).get(reverse("employment:office_home"))

    assert response.status_code == 403


def test_staff_without_second_factor_is_sent_to_enter_the_code(client):
    response = signed_in(client, StaffFactory()).get(reverse("employment:office_home"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:staff_login"))


def test_clerk_in_dalian_cannot_see_shenyang_seeker(client):
    staff_signed_in(client, DalianClerkFactory())
    shenyang_seeker = JobSeekerFactory()

    response = client.get(reverse("employment:office_seeker_detail", args=[shenyang_seeker.pk]))

    assert response.status_code == 404
    assert not AuditEntry.objects.filter(object_id=str(shenyang_seeker.pk)).exists()


def test_clerk_in_dalian_cannot_review_or_verify_in_shenyang(client):
    staff_signed_in(client, DalianClerkFactory())
    posting = pending_posting()
    employer = PendingEmployerFactory()

    review = client.post(
        reverse("employment:office_posting_review", args=[posting.pk]), {"decision": "approve"}
    )
    verify = client.post(
        reverse("employment:office_employer_detail", args=[employer.pk]), {"decision": "approve"}
    )
    new_posting = client.get(reverse("employment:office_posting_new", args=[employer.pk]))

    assert review.status_code == verify.status_code == new_posting.status_code == 404
    posting.refresh_from_db()
    employer.refresh_from_db()
    assert posting.status == PostingStatus.PENDING
    assert employer.status == EmployerStatus.PENDING


def test_lists_show_only_the_staff_members_area(client, clerk):
    PostingFactory(title="沈阳岗位")
    PostingFactory(title="大连岗位", county_id=DALIAN_GANJINGZI)
    JobSeekerFactory(name="沈阳人")
    JobSeekerFactory(
        name="大连人", residence_id=DALIAN_GANJINGZI_TOWNSHIP, area_code=DALIAN_GANJINGZI_TOWNSHIP
    )
    EmployerFactory(name="大连单位", county_id=DALIAN_GANJINGZI)

    postings = client.get(reverse("employment:office_postings")).content.decode()
    seekers = client.get(reverse("employment:office_seekers")).content.decode()
    employers = client.get(reverse("employment:office_employers")).content.decode()

    assert "沈阳岗位" in postings and "大连岗位" not in postings
    assert "沈阳人" in seekers and "大连人" not in seekers
    assert "大连单位" not in employers


# --- review and verification ----------------------------------------------------------------


def test_clerk_approves_a_pending_posting(client, clerk):
    posting = pending_posting(title="仓库装卸工")
    assert "仓库装卸工" in client.get(reverse("employment:office_review_queue")).content.decode()

    response = client.post(
        reverse("employment:office_posting_review", args=[posting.pk]), {"decision": "approve"}
    )

    assert response.status_code == 302
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED
    assert posting.reviewed_by == clerk


def test_rejecting_without_a_note_is_explained(client, clerk):
    posting = pending_posting()

    response = client.post(
        reverse("employment:office_posting_review", args=[posting.pk]), {"decision": "reject"}
    )

    assert "请写明不通过的原因" in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PENDING


def test_rejecting_with_a_note_sends_the_posting_back(client, clerk):
    posting = pending_posting()

    client.post(
        reverse("employment:office_posting_review", args=[posting.pk]),
        {"decision": "reject", "note": "工资写的是日薪，请改单位"},
    )

    posting.refresh_from_db()
    assert posting.status == PostingStatus.REJECTED
    assert posting.review_note == "工资写的是日薪，请改单位"


def test_approving_a_posting_of_an_unverified_employer_is_refused_with_the_reason(client, clerk):
    posting = pending_posting(employer=PendingEmployerFactory())

    response = client.post(
        reverse("employment:office_posting_review", args=[posting.pk]), {"decision": "approve"}
    )

    assert "还没有通过核验" in response.content.decode()


def test_clerk_verifies_an_employer(client, clerk):
    employer = PendingEmployerFactory()

    response = client.post(
        reverse("employment:office_employer_detail", args=[employer.pk]), {"decision": "approve"}
    )

    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.status == EmployerStatus.VERIFIED


def test_review_queue_has_no_query_per_posting(client, clerk, django_assert_max_num_queries):
    for _ in range(12):
        pending_posting()

    with django_assert_max_num_queries(8):
        response = client.get(reverse("employment:office_review_queue"))

    assert len(response.context["page"].object_list) == 12


# --- entering on someone's behalf -----------------------------------------------------------


def test_clerk_enters_an_employer_and_a_posting_for_it(client, clerk):
    response = client.post(
        reverse("employment:office_employer_new"), employer_data(name="铁西饭店")
    )
    employer = Employer.objects.get(name="铁西饭店")
    assert response["Location"] == reverse("employment:office_employer_detail", args=[employer.pk])
    assert employer.status == EmployerStatus.VERIFIED

    response = client.post(
        reverse("employment:office_posting_new", args=[employer.pk]), posting_data(title="帮厨")
    )

    posting = Posting.objects.get(employer=employer)
    assert response["Location"] == reverse("employment:office_posting_review", args=[posting.pk])
    assert posting.source == Source.CLERK and posting.status == PostingStatus.PENDING


def test_clerk_cannot_place_a_posting_outside_their_area(client, clerk):
    employer = EmployerFactory()

    response = client.post(
        reverse("employment:office_posting_new", args=[employer.pk]),
        posting_data(posting_city="2102", county_code=DALIAN_GANJINGZI, township_code=""),
    )

    assert "不在您负责的区域内" in response.content.decode()
    assert not Posting.objects.exists()


def test_clerk_registers_a_worker_with_spoken_consent(client, clerk):
    data = registration_data(consent_method=ConsentMethod.VERBAL, name="赵六")

    response = client.post(reverse("employment:office_seeker_new"), data)

    seeker = JobSeeker.objects.get(name="赵六")
    assert response["Location"] == reverse("employment:office_seeker_detail", args=[seeker.pk])
    assert seeker.registered_via == RegisteredVia.STATION and seeker.registered_by == clerk
    assert Consent.objects.filter(seeker=seeker, method=ConsentMethod.VERBAL).exists()


def test_station_registration_needs_the_consent_method(client, clerk):
    data = registration_data(name="赵六")

    response = client.post(reverse("employment:office_seeker_new"), data)

    assert "请选择本人同意的方式" in response.content.decode()
    assert not JobSeeker.objects.exists()


def test_station_registration_with_bad_id_keeps_the_rest(client, clerk):
    data = registration_data(
        consent_method=ConsentMethod.SIGNED,
        name="钱七",
        id_number=with_wrong_check_digit(make_id_number()),
    )

    response = client.post(reverse("employment:office_seeker_new"), data)

    page = response.content.decode()
    assert "身份证号校验位不对" in page
    assert 'value="钱七"' in page
    assert response.context["form"]["consent_method"].value() == ConsentMethod.SIGNED


# --- seekers --------------------------------------------------------------------------------


def test_seeker_detail_is_audited_and_numbers_masked_in_the_list(client, clerk):
    seeker = JobSeekerFactory(name="孙八")

    listing = client.get(reverse("employment:office_seekers")).content.decode()
    detail = client.get(reverse("employment:office_seeker_detail", args=[seeker.pk]))

    assert seeker.id_number_masked in listing and seeker.id_number not in listing
    assert seeker.phone not in listing
    assert detail.status_code == 200
    assert AuditEntry.objects.filter(
        actor=clerk, action=AuditAction.VIEW, object_id=str(seeker.pk)
    ).exists()


def test_city_staff_filter_seekers_by_county_and_flags(client):
    staff_signed_in(client, ShenyangCityStaffFactory())
    older = JobSeekerFactory(name="老周", is_older=True)
    JobSeekerFactory(name="小吴", is_older=False)

    response = client.get(reverse("employment:office_seekers"), {"county": "210106", "older": "on"})

    assert [s.pk for s in response.context["page"].object_list] == [older.pk]


def test_seeker_list_has_no_query_per_seeker(client, clerk, django_assert_max_num_queries):
    for _ in range(12):
        JobSeekerFactory()

    with django_assert_max_num_queries(10):
        response = client.get(reverse("employment:office_seekers"))

    assert len(response.context["page"].object_list) == 12


def test_seeker_list_is_audited_with_the_people_shown(client, clerk):
    shown = JobSeekerFactory()
    client.get(reverse("employment:office_seekers"))

    entry = AuditEntry.objects.get(object_type="employment.jobseeker")
    assert entry.actor == clerk and entry.action == AuditAction.VIEW
    assert entry.detail["list"] == [shown.pk]
