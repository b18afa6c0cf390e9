import abc
import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from chengnuan.search.text import All, Any, Expr, Term, Without


@dataclass(frozen=True)
class DocRow:
    """A document as the index stores it."""

    key: int
    doc_type: str
    doc_id: int
    published_at: datetime.datetime
    wage_min: int | None
    lng: float | None
    lat: float | None
    title_tokens: list[str]
    body_tokens: list[str]


@dataclass(frozen=True)
class Scope:
    """Which keys may match: one doc type's range (narrowed by "posted within N days") and,
    when a minimum wage falls between two indexed wage steps, the exact figure."""

    low: int
    high: int
    min_wage: int | None = None


# (key, wage_min, lng, lat)
ValueRow = tuple[int, int | None, float | None, float | None]
Order = Literal["newest", "wage", "any"]


class Backend(abc.ABC):
    and_op: str
    or_op: str
    not_op: str

    @abc.abstractmethod
    def quote(self, token: str) -> str: ...

    def render(self, expr: Expr) -> str:
        if isinstance(expr, Term):
            return self.quote(expr.token)
        if isinstance(expr, Without):
            return f"({self.render(expr.include)} {self.not_op} {self.render(expr.exclude)})"
        op = self.and_op if isinstance(expr, All) else self.or_op
        assert isinstance(expr, All | Any)
        return "(" + f" {op} ".join(self.render(p) for p in expr.parts) + ")"

    @abc.abstractmethod
    def row_params(self, row: DocRow) -> tuple:
        """A row as this store writes it, key first (made in rebuild worker processes)."""

    @abc.abstractmethod
    def insert(self, rows: list[DocRow]) -> None:
        """Add documents (their keys are free: the caller removed the old versions)."""

    @abc.abstractmethod
    def load_all(self, doc_type: str, batches: Iterable[list[tuple]]) -> int:
        """Replace every document of a doc type in one transaction, in bulk, from row_params
        tuples. Returns the count."""

    @abc.abstractmethod
    def newest(self, match: Expr | None, scope: Scope, limit: int, offset: int = 0) -> list[int]:
        """Keys of matching documents, newest first."""

    @abc.abstractmethod
    def ranked(self, match: Expr, scope: Scope, window: int) -> list[tuple[int, float]]:
        """(key, text relevance, higher is better) for the newest `window` matches."""

    @abc.abstractmethod
    def values(
        self, match: Expr | None, scope: Scope, limit: int, order: Order = "newest"
    ) -> list[ValueRow]:
        """Wage and position of matches, for sorting by wage or distance: the `limit` newest,
        or best paid, or (for a selective match, read whole) any."""

    @abc.abstractmethod
    def refresh_statistics(self, tables: list[str]) -> None:
        """Let the planner see the tables as they are now (after a bulk load)."""

    @abc.abstractmethod
    def size_bytes(self) -> int:
        """Disk used by the documents and their full-text index."""
