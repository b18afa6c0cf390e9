"""Garbage collection during bulk work (imports of 100,000 rows).

CPython's cyclic collector runs a full collection whenever the long-lived objects have grown
by a quarter, and each one walks every tracked object. An import holds hundreds of thousands
of row lists and dicts, none of them in a reference cycle, so those walks find nothing and
cost seconds (3 s of a 16 s seeker import). Reference counting still frees every row; what
the collector is for, cycles, bulk code makes only in its few errors (an exception and its
frames), and those are young: collecting the youngest generation after each batch frees
them, at the cost of walking one batch's objects.

The pause is process-wide. In the task consumer it also covers other tasks' threads for the
import's duration; their young cycles are freed by the same per-batch collections.
"""

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def full_collections_paused() -> Iterator[None]:
    """Automatic collections off for the block; call collect_young() after each batch."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def collect_young() -> None:
    """Free the cycles made since the last collection (the youngest generation only)."""
    gc.collect(0)
