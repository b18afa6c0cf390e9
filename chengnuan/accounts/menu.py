"""The worker's "我的" page: one short menu entry in the header leads to a page of every
personal page the apps offer. accounts knows none of them: each app registers its links from
its AppConfig.ready() (register_my_link), in the order it gives."""

from dataclasses import dataclass

from django.urls import reverse


@dataclass(frozen=True)
class MyLink:
    label: str  # what the worker reads: 「我的申请」
    url_name: str  # a URL name without arguments: "applications:mine"
    hint: str = ""  # one short line under the label
    order: int = 100  # smaller first


_LINKS: dict[str, MyLink] = {}


def register_my_link(link: MyLink) -> None:
    """Idempotent by URL name (ready() may run more than once in tests)."""
    _LINKS[link.url_name] = link


def my_links() -> list[tuple[MyLink, str]]:
    """Every registered link with its address, in order."""
    ordered = sorted(_LINKS.values(), key=lambda link: (link.order, link.label))
    return [(link, reverse(link.url_name)) for link in ordered]
