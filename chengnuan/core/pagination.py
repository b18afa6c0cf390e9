"""The one way the JSON API pages a list: `@paginate(Pagination)` on a route returning a
QuerySet. Page and page size are bounded, so an absurd page number (9223372036854775807) is a
422 with a Chinese message instead of an OFFSET the database cannot hold; a page past the last
one is an empty list with the total count, so a client knows where the list ends."""

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Field, Schema
from ninja.pagination import PaginationBase

PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Deep enough for any list a person pages through (MAX_PAGE_SIZE × MAX_PAGE = one million rows);
# beyond it, filters are the way, and the database is never asked for a larger OFFSET.
MAX_PAGE = 10_000

DESCRIPTION = (
    f"列表按页返回：page 从 1 开始，最多 {MAX_PAGE} 页；page_size 每页条数，默认 {PAGE_SIZE}，"
    f"最多 {MAX_PAGE_SIZE}。count 是符合条件的总条数；页码超过最后一页时 items 为空列表。"
)


class Pagination(PaginationBase):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description=f"页码，从 1 开始，最多 {MAX_PAGE}")
        page_size: int = Field(
            PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description=f"每页条数，最多 {MAX_PAGE_SIZE}"
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="符合条件的总条数")

    def paginate_queryset(
        self, queryset: QuerySet[Any], pagination: Input, request: HttpRequest, **params: Any
    ) -> dict[str, Any]:
        count = self._items_count(queryset)
        offset = (pagination.page - 1) * pagination.page_size
        # Past the end the answer is known without asking the database to skip the rows.
        items = queryset[offset : offset + pagination.page_size] if offset < count else []
        return {self.items_attribute: items, "count": count}
