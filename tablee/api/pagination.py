from collections.abc import Callable
from typing import Any

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


class TableeLimitOffset(LimitOffsetPagination):
    """limit/offset pagination: 50 items by default, 200 at most per call.

    `page_items` receives the sliced page and returns the items to serialize,
    for selectors that enrich only the rows of one page (counts, prefetches).
    """

    class Input(Schema):
        limit: int = Field(DEFAULT_LIMIT, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0)

    def __init__(self, *, page_items: Callable[[Any], Any] | None = None, **kwargs) -> None:
        self.page_items = page_items
        super().__init__(max_limit=MAX_LIMIT, **kwargs)

    def paginate_queryset(self, queryset, pagination, request, **params):
        result = super().paginate_queryset(queryset, pagination, request, **params)
        if self.page_items is not None:
            result[self.items_attribute] = self.page_items(result[self.items_attribute])
        return result
