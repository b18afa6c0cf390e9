import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from chengnuan.core import crypto
from chengnuan.core.models import AuditAction, AuditEntry
from chengnuan.employment.choices import PushChannel, PushFrequency, RegisteredVia, SeekerStatus
from chengnuan.employment.inputs import SeekerInput
from chengnuan.employment.models import ConsentMethod, ConsentPurpose
from chengnuan.employment.services.seekers import (
    seeker_close,
    seeker_id_number_correct,
    seeker_pause,
    seeker_register,
    seeker_resume,
    seeker_update,
)
from tests.employment.factories import (
    DALIAN_GANJINGZI_TOWNSHIP,
    LOADER_OCCUPATION,
    SHENYANG,
    DalianClerkFactory,
    EmployerUserFactory,
    WorkerFactory,
    seeker_input,
)
from tests.factories import SHENYANG_TIEXI_TOWNSHIP, StaffFactory, make_id_number

pytestmark = pytest.mark.django_db


def register_self(user=None, data=None, **overrides):
    return seeker_register(
        data=data or seeker_input(**overrides),
        user=user or WorkerFactory(),
        registered_by=None,
        via=RegisteredVia.SELF,
        consent_method=ConsentMethod.ONLINE,
    )


def register_by(clerk, data=None, method=ConsentMethod.SIGNED, **overrides):
    return seeker_register(
        data=data or seeker_input(**overrides),
        user=None,
        registered_by=clerk,
        via=RegisteredVia.STATION,
        consent_method=method,
    )


def consents(seeker):
    return sorted((c.purpose, c.granted, c.method) for c in seeker.consents.all())


# --- register ---------------------------------------------------------------------------------


def test_worker_registers_with_derived_facts_and_consents():
    id_number = make_id_number(birth=datetime.date(1990, 3, 8), male=False)
    user = WorkerFactory()
    seeker = register_self(user, seeker_input(id_number=id_number, phone="13812345678"))
    seeker.refresh_from_db()
    assert seeker.user == user and seeker.status == SeekerStatus.ACTIVE
    assert (seeker.birth_date, seeker.gender) == (datetime.date(1990, 3, 8), "F")
    assert seeker.id_number == id_number
    assert seeker.id_number_hash == crypto.lookup_hash(id_number)
    assert seeker.id_number_masked == crypto.mask_id_number(id_number)
    assert (seeker.phone_masked, seeker.phone_hash) == (
        "138****5678",
        crypto.lookup_hash("13812345678"),
    )
    assert seeker.area_code == SHENYANG_TIEXI_TOWNSHIP
    assert [o.code for o in seeker.wanted_occupations.all()] == [LOADER_OCCUPATION]
    assert [d.code for d in seeker.wanted_areas.all()] == [SHENYANG]
    assert consents(seeker) == [
        (ConsentPurpose.PUSH, True, ConsentMethod.ONLINE),
        (ConsentPurpose.REGISTRATION, True, ConsentMethod.ONLINE),
    ]
    # Self-service changes of personal data are audited too (issue 10), with the worker as actor.
    entry = AuditEntry.objects.get(object_id=str(seeker.pk))
    assert (entry.actor, entry.action) == (seeker.user, AuditAction.CREATE)


@pytest.mark.parametrize(
    ("birth", "male", "older"),
    [
        (datetime.date(1970, 1, 1), True, True),  # man of 56
        (datetime.date(1985, 1, 1), True, False),  # man of 41
        (datetime.date(1985, 1, 1), False, True),  # woman of 41
        (datetime.date(1995, 1, 1), False, False),  # woman of 31
    ],
)
def test_older_worker_by_the_glossary_convention(birth, male, older):
    assert register_self(birth=birth, male=male).is_older is older


def test_no_push_means_no_push_consent():
    seeker = register_self(push_frequency=PushFrequency.NEVER)
    assert consents(seeker) == [(ConsentPurpose.REGISTRATION, True, ConsentMethod.ONLINE)]


def test_sms_pushes_record_sms_consent_too():
    seeker = register_self(push_channel=PushChannel.SMS)
    assert (ConsentPurpose.SMS, True, ConsentMethod.ONLINE) in consents(seeker)


def test_same_person_cannot_register_twice():
    data = seeker_input()
    register_self(data=data)
    with pytest.raises(ValidationError) as excinfo:
        register_by(StaffFactory(), data=seeker_input(id_number=data.id_number.lower()))
    assert excinfo.value.message_dict["id_number"][0].startswith("这个身份证号已经登记过了")


def test_an_account_holds_one_registration():
    user = WorkerFactory()
    register_self(user)
    with pytest.raises(ValidationError):
        register_self(user)


def test_clerk_registers_someone_living_in_the_area_and_it_is_audited():
    clerk = StaffFactory()
    seeker = register_by(clerk, method=ConsentMethod.VERBAL)
    assert (seeker.registered_by, seeker.registered_via, seeker.user) == (
        clerk,
        RegisteredVia.STATION,
        None,
    )
    assert {c.recorded_by for c in seeker.consents.all()} == {clerk}
    assert AuditEntry.objects.filter(
        actor=clerk, action=AuditAction.CREATE, object_id=str(seeker.pk)
    ).exists()


def test_dalian_clerk_cannot_register_a_shenyang_resident():
    with pytest.raises(ValidationError) as excinfo:
        register_by(DalianClerkFactory())
    assert "residence_code" in excinfo.value.message_dict


def test_dalian_clerk_registers_a_dalian_resident():
    seeker = register_by(DalianClerkFactory(), residence_code=DALIAN_GANJINGZI_TOWNSHIP)
    assert seeker.area_code == DALIAN_GANJINGZI_TOWNSHIP


@pytest.mark.parametrize(
    ("user", "via", "method"),
    [
        (None, RegisteredVia.SELF, ConsentMethod.ONLINE),  # self registration without an account
        ("worker", RegisteredVia.SELF, ConsentMethod.WITHDRAWN),
        ("worker", RegisteredVia.SELF, ConsentMethod.SIGNED),
        (None, RegisteredVia.STATION, ConsentMethod.SIGNED),  # no clerk
    ],
)
def test_registration_needs_the_right_channel_and_consent(user, via, method):
    with pytest.raises(ValidationError):
        seeker_register(
            data=seeker_input(),
            user=WorkerFactory() if user else None,
            registered_by=None,
            via=via,
            consent_method=method,
        )


def test_employer_account_cannot_register_as_seeker():
    with pytest.raises(PermissionDenied):
        register_self(EmployerUserFactory())


def test_worker_cannot_register_someone_else():
    with pytest.raises(PermissionDenied):
        seeker_register(
            data=seeker_input(), user=None, registered_by=WorkerFactory(),
            via=RegisteredVia.IMPORT, consent_method=ConsentMethod.SIGNED,
        )  # fmt: skip


def test_under_16_cannot_register():
    birth = datetime.date.today() - datetime.timedelta(days=15 * 365)
    with pytest.raises(ValidationError) as excinfo:
        register_self(birth=birth)
    [message] = excinfo.value.message_dict["id_number"]
    assert "未满16周岁不能登记求职" in message


def test_bad_fields_are_reported_together():
    with pytest.raises(ValidationError) as excinfo:
        register_self(
            id_number="210106198506150000",
            phone="1381234",
            residence_code="210106",  # a county, not a township
            wanted_area_codes=["110101"],  # outside the province
            quiet_start=datetime.time(22, 0),
        )
    assert {"id_number", "phone", "residence_code", "wanted_area_codes", "quiet_start"} <= set(
        excinfo.value.message_dict
    )


# --- update and status ------------------------------------------------------------------------


def test_worker_turns_pushes_off_and_consent_is_withdrawn():
    user = WorkerFactory()
    seeker = register_self(user)
    data = SeekerInput.from_seeker(seeker)
    data.push_frequency = PushFrequency.NEVER
    data.expected_wage = 6000
    seeker = seeker_update(seeker=seeker, data=data, actor=user)
    assert seeker.expected_wage == 6000
    latest_push = seeker.consents.filter(purpose=ConsentPurpose.PUSH).first()
    assert (latest_push.granted, latest_push.method) == (False, ConsentMethod.WITHDRAWN)


def test_staff_update_is_audited_with_field_names_only():
    seeker = register_self()
    clerk = StaffFactory()
    data = SeekerInput.from_seeker(seeker)
    data.phone = "13900001111"
    seeker_update(seeker=seeker, data=data, actor=clerk)
    entry = AuditEntry.objects.get(actor=clerk, action=AuditAction.UPDATE)
    assert "phone" in entry.detail["fields"]
    assert "13900001111" not in str(entry.detail)


def test_moving_out_of_the_clerks_area_is_refused():
    seeker = register_self()
    data = SeekerInput.from_seeker(seeker)
    data.residence_code = DALIAN_GANJINGZI_TOWNSHIP
    with pytest.raises(ValidationError) as excinfo:
        seeker_update(seeker=seeker, data=data, actor=StaffFactory())
    assert "residence_code" in excinfo.value.message_dict


@pytest.mark.parametrize("stranger", [WorkerFactory, DalianClerkFactory])
def test_strangers_cannot_update(stranger):
    seeker = register_self()
    with pytest.raises(PermissionDenied):
        seeker_update(seeker=seeker, data=SeekerInput.from_seeker(seeker), actor=stranger())


def test_changing_to_someone_elses_id_number_is_refused():
    other = register_self()
    user = WorkerFactory()
    seeker = register_self(user)
    data = SeekerInput.from_seeker(seeker)
    data.id_number = other.id_number
    with pytest.raises(ValidationError) as excinfo:
        seeker_update(seeker=seeker, data=data, actor=user)
    assert "id_number" in excinfo.value.message_dict


def test_pause_resume_close_and_resume_again():
    user = WorkerFactory()
    seeker = register_self(user)
    assert seeker_pause(seeker=seeker, actor=user).status == SeekerStatus.PAUSED
    with pytest.raises(ValidationError):
        seeker_pause(seeker=seeker, actor=user)
    assert seeker_resume(seeker=seeker, actor=user).status == SeekerStatus.ACTIVE
    with pytest.raises(ValidationError):
        seeker_resume(seeker=seeker, actor=user)
    assert seeker_close(seeker=seeker, actor=user).status == SeekerStatus.CLOSED
    with pytest.raises(ValidationError):
        seeker_close(seeker=seeker, actor=user)
    assert seeker_resume(seeker=seeker, actor=user).status == SeekerStatus.ACTIVE


def test_staff_status_change_is_audited_and_strangers_are_refused():
    seeker = register_self()
    clerk = StaffFactory()
    seeker_pause(seeker=seeker, actor=clerk)
    assert AuditEntry.objects.filter(actor=clerk, detail__status=SeekerStatus.PAUSED).exists()
    with pytest.raises(PermissionDenied):
        seeker_close(seeker=seeker, actor=DalianClerkFactory())


def test_a_workers_own_change_of_their_registration_is_audited():
    worker = WorkerFactory()
    seeker = register_self(worker)
    data = SeekerInput.from_seeker(seeker)
    data.skills = "会开叉车"
    seeker_update(seeker=seeker, data=data, actor=worker)
    entry = AuditEntry.objects.get(object_id=str(seeker.pk), action=AuditAction.UPDATE)
    assert entry.actor == worker and entry.detail["fields"] == ["skills"]


# --- the 身份证号 after registration -------------------------------------------------------


def test_a_worker_cannot_change_their_own_id_number_to_another_valid_one():
    user = WorkerFactory()
    seeker = register_self(user)
    data = SeekerInput.from_seeker(seeker)
    data.id_number = make_id_number(birth=datetime.date(1980, 1, 2))
    with pytest.raises(ValidationError) as excinfo:
        seeker_update(seeker=seeker, data=data, actor=user)
    assert "服务站" in excinfo.value.message_dict["id_number"][0]
    seeker.refresh_from_db()
    assert seeker.id_number != data.id_number


def test_a_clerk_corrects_the_id_number_against_the_card_and_it_is_audited():
    seeker = register_self()
    old_masked = seeker.id_number_masked
    clerk = StaffFactory()
    right = make_id_number(birth=datetime.date(1970, 5, 6), male=False)
    seeker_id_number_correct(seeker=seeker, id_number=right, actor=clerk, card_checked=True)
    seeker.refresh_from_db()
    assert seeker.id_number == right and seeker.id_number_hash == crypto.lookup_hash(right)
    assert seeker.birth_date == datetime.date(1970, 5, 6) and seeker.gender == "F"
    assert seeker.is_older  # a woman of 40 and more
    entry = AuditEntry.objects.get(actor=clerk, action=AuditAction.UPDATE)
    assert entry.detail["id_number_from"] == old_masked
    assert entry.detail["id_number_to"] == seeker.id_number_masked
    assert right not in str(entry.detail)


def test_a_correction_needs_the_card_checked_a_valid_new_number_and_the_clerks_area():
    seeker = register_self()
    clerk = StaffFactory()
    with pytest.raises(ValidationError) as excinfo:
        seeker_id_number_correct(
            seeker=seeker, id_number=seeker.id_number, actor=clerk, card_checked=False
        )
    assert set(excinfo.value.message_dict) == {"card_checked", "id_number"}
    other = register_self()
    with pytest.raises(ValidationError) as excinfo:
        seeker_id_number_correct(
            seeker=seeker, id_number=other.id_number, actor=clerk, card_checked=True
        )
    assert "已经登记过" in excinfo.value.message_dict["id_number"][0]
    with pytest.raises(PermissionDenied):
        seeker_id_number_correct(
            seeker=seeker, id_number=make_id_number(), actor=DalianClerkFactory(), card_checked=True
        )
    with pytest.raises(PermissionDenied):
        seeker_id_number_correct(
            seeker=seeker, id_number=make_id_number(), actor=seeker.user, card_checked=True
        )
