from django.core.paginator import Page, Paginator
from django.http import HttpRequest


def paginate(request: HttpRequest, items, per_page: int = 25, *, param: str = "page") -> Page:
    """Return the requested page; out-of-range or invalid numbers give the nearest page.

    `param` names the query parameter, for a page holding more than one list.
    """
    paginator = Paginator(items, per_page)
    return paginator.get_page(request.GET.get(param))
