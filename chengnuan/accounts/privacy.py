"""A person's own data (PIPL): the shapes shown on 我的信息 and written to the download, and
the hook through which every app contributes its part.

An app that holds data about a worker or employer adds `<app>/privacy.py` with either or both:

    def personal_data(user) -> list[Section]: ...      # what it holds about `user`
    def erase_personal_data(user) -> dict[str, int]: ... # erase it; counts per kind of record

They are called by accounts.selectors.my_data and accounts.services.account_close (inside
its transaction). The account itself, the seeker registration with its consents and the audit
trail are handled by the accounts app.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.utils.module_loading import module_has_submodule


@dataclass(frozen=True)
class Item:
    """One value: `value` is the full value for the download, `shown` what the page prints
    (personal numbers masked there, in case someone looks over the person's shoulder)."""

    name: str
    label: str
    value: Any
    shown: str


@dataclass
class Section:
    key: str
    title: str
    records: list[list[Item]] = field(default_factory=list)
    # A table (one row per record) suits many short records such as consents.
    tabular: bool = False
    empty_text: str = "没有记录。"

    def as_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "records": [{item.name: item.value for item in record} for record in self.records],
        }


def _hooks(name: str) -> Iterator[Callable[..., Any]]:
    for config in apps.get_app_configs():
        if config.name == "chengnuan.accounts" or not config.name.startswith("chengnuan."):
            continue
        if module_has_submodule(config.module, "privacy"):
            hook = getattr(import_module(f"{config.name}.privacy"), name, None)
            if hook is not None:
                yield hook


def sections_from_apps(user: Any) -> list[Section]:
    return [section for hook in _hooks("personal_data") for section in hook(user)]


def erase_in_apps(user: Any) -> dict[str, int]:
    erased: dict[str, int] = {}
    for hook in _hooks("erase_personal_data"):
        erased.update(hook(user))
    return erased
