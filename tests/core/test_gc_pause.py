import gc
import weakref

import pytest

from chengnuan.core.gc_pause import collect_young, full_collections_paused

pytestmark = pytest.mark.django_db  # the suite's autouse cache fixture


@pytest.fixture
def gc_enabled():
    gc.enable()
    yield
    gc.enable()


def test_automatic_collections_are_off_inside_and_back_on_after(gc_enabled):
    with full_collections_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collections_come_back_on_when_the_block_fails(gc_enabled):
    with pytest.raises(RuntimeError), full_collections_paused():
        raise RuntimeError("import failed")
    assert gc.isenabled()


def test_a_caller_that_had_collections_off_keeps_them_off(gc_enabled):
    gc.disable()
    with full_collections_paused():
        pass
    assert not gc.isenabled()


def test_young_collection_frees_a_cycle_made_while_paused(gc_enabled):
    class Node:
        pass

    with full_collections_paused():
        node = Node()
        node.itself = node  # a cycle: reference counting alone never frees it
        ref = weakref.ref(node)
        del node
        assert ref() is not None
        collect_young()
        assert ref() is None
