import pytest
from django.core.management import call_command

from chengnuan.accounts.demo import demo_accounts_create
from chengnuan.events.choices import FairKind, FairOrganiser
from chengnuan.events.models import Booth, InterviewSlot, JobFair
from tests.events.factories import DALIAN_GANJINGZI, PostingFactory
from tests.factories import EmployerFactory

pytestmark = pytest.mark.django_db


def test_demo_fairs_in_shenyang_and_dalian_with_booths_once(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    demo_accounts_create()
    PostingFactory()  # 铁西区
    PostingFactory(employer=EmployerFactory(county_id=DALIAN_GANJINGZI), county_id=DALIAN_GANJINGZI)

    call_command("demo_fairs", "--if-empty", verbosity=0)
    call_command("demo_fairs", "--if-empty", verbosity=0)

    fairs = JobFair.objects.all()
    assert fairs.count() == 4
    assert {f.area_id[:4] for f in fairs} == {"2101", "2102"}
    assert fairs.filter(organiser=FairOrganiser.UNION).exists()
    assert Booth.objects.filter(fair__area_id=DALIAN_GANJINGZI).count() == 1
    online = fairs.get(kind=FairKind.ONLINE)
    assert InterviewSlot.objects.filter(booth__fair=online).exists()
