import pytest

from chengnuan.employment.choices import PostingStatus
from chengnuan.events.choices import BoothStatus
from chengnuan.events.selectors.booths import booths_for_employer_user, fair_booths
from tests.events.factories import BoothFactory, FairFactory, PostingFactory

pytestmark = pytest.mark.django_db


def test_a_fairs_booths_are_the_approved_ones_with_their_live_postings():
    fair = FairFactory()
    approved = BoothFactory(fair=fair, number=2)
    closed = PostingFactory(employer=approved.employer, status=PostingStatus.CLOSED)
    approved.postings.add(closed)
    first = BoothFactory(fair=fair, number=1)
    BoothFactory(fair=fair, status=BoothStatus.PENDING, number=None)

    booths = list(fair_booths(fair))

    assert booths == [first, approved]
    assert closed not in booths[1].live_postings
    assert len(booths[1].live_postings) == 1


def test_an_employer_account_sees_its_own_booths_only():
    mine = BoothFactory()
    BoothFactory()

    assert list(booths_for_employer_user(mine.employer.owner)) == [mine]
