"""Many workers press "约这个时段" at the same instant: exactly `capacity` of them get a place,
on a real database with one connection per thread (PostgreSQL; SQLite serialises writers and
is checked too when its database is a file)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from chengnuan.events.models import InterviewBooking, InterviewSlot
from chengnuan.events.services.signups import booking_create
from tests.events.factories import SignupFactory, SlotFactory

WORKERS = 12
CAPACITY = 3


@pytest.fixture
def shared_database(reference_data):
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("threads need a database they can all open (PostgreSQL or a SQLite file)")


@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_never_exceed_the_slots_capacity(shared_database):
    slot = SlotFactory(capacity=CAPACITY)
    signups = [SignupFactory(fair=slot.booth.fair) for _ in range(WORKERS)]
    start = threading.Barrier(WORKERS)
    outcomes: list[str] = []
    lock = threading.Lock()

    def book(signup) -> None:
        try:
            start.wait()
            booking_create(signup=signup, slot=slot, actor=signup.worker)
            outcome = "booked"
        except ValidationError as error:
            outcome = error.messages[0]
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=book, args=(s,)) for s in signups]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert outcomes.count("booked") == CAPACITY
    assert outcomes.count("这个时段已经约满了，请选别的时段。") == WORKERS - CAPACITY
    assert InterviewSlot.objects.get(pk=slot.pk).booked == CAPACITY
    assert InterviewBooking.objects.filter(slot=slot).count() == CAPACITY
