"""Every staff route, as a clerk would open it, for the checks that walk them all."""

import re
from collections.abc import Iterator
from urllib.parse import urlencode

from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver


def routes(patterns=None, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(route, name) of every URL pattern, e.g. ("office/seekers/<int:pk>/", "office_seeker_detail")."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.name or ""


def _query(data: dict | None) -> str:
    return "?" + urlencode(data, doseq=True) if data else ""


class Visits:
    """A test client that keeps every URL it asked for, redirects included: the access log."""

    def __init__(self, client: Client) -> None:
        self.client = client
        self.urls: list[str] = []

    def get(self, url: str, data: dict | None = None, **extra) -> None:
        self._keep(self.client.get(url, data, follow=True, **extra), url + _query(data))

    def post(self, url: str, data: dict, **extra) -> None:
        self._keep(self.client.post(url, data, follow=True, **extra), url)

    def submit(self, url: str, data: dict) -> None:
        """Fill the form of the page at `url` that holds the first field of `data`, and send it
        the way the page says (its method and action), as a browser would."""
        html = self.client.get(url).content.decode()
        before = html[: html.index(f'name="{next(iter(data))}"')]
        opening = before[before.rindex("<form") :]
        opening = opening[: opening.index(">")]
        method = re.search(r'method="(\w+)"', opening)
        action = re.search(r'action="([^"]*)"', opening)
        target = action.group(1).replace("&amp;", "&") if action and action.group(1) else url
        if method and method.group(1).lower() == "post":
            self.post(target, data)
        else:
            self.get(target, data=data)

    def _keep(self, response, url: str) -> None:
        self.urls.append(url)
        self.urls += [hop for hop, _status in getattr(response, "redirect_chain", [])]
        assert response.status_code < 500, (url, response.status_code)


def filled(route: str, ids: dict[str, int]) -> str:
    """The route with its parameters set to records of the clerk's area."""

    def value(match: re.Match[str]) -> str:
        name = match.group(2)
        if name == "kind":
            return "seeker"
        if name == "position_pk":
            return str(ids["position_pk"])
        if name == "seeker_pk":
            return str(ids["seekers"])
        for key in ("seekers", "employers", "postings", "imports", "demand", "employment",
                    "applications", "fairs", "booths"):  # fmt: skip
            if f"/{key}/" in route:
                return str(ids[key])
        return str(ids["postings"])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def staff_routes() -> Iterator[str]:
    """Every page route of the back office and every staff route of the API."""
    for route, _name in routes():
        if route.startswith(
            (
                "office/",
                "api/v1/office/",
                "api/v1/applications/office",
                "api/v1/events/office/",
                "api/v1/matching/office/",
            )
        ):
            yield route
