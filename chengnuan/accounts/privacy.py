"""A person's own data (PIPL): the shapes shown on 我的信息 and written to the downloads, and
the hook through which every app contributes its part.

An app that holds data about a worker or employer adds `<app>/privacy.py` with any of:

    def personal_data(user) -> list[Section]: ...          # what it holds about `user`
    def erase_personal_data(user) -> dict[str, int]: ...     # erase it; counts per kind of record
    def audited_records(user) -> list[AuditedRecord]: ...    # its records about `user` whose
                                                             # audit rows the person may read

A Section is a titled list of records; a record is a list of Items, each labelled in Chinese
and carrying its value twice: `value` for programs (codes as stored, times in Beijing time)
and `text` for people (a code as its Chinese label, 是/否, a Beijing time, a name for a
related record). From these alone 我的信息, the readable xlsx download and the JSON download
are drawn, so an app's part comes out readable without code of its own. model_items() makes
the Items of a model instance from its fields' verbose names and choices; build Items by hand
for anything else.

They are called by accounts.selectors.my_data and accounts.services.account.account_close (inside
its transaction), in the order of INSTALLED_APPS. The account itself and the audit trail are
handled by the accounts app.
"""

import datetime
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

from django.apps import apps
from django.db import models
from django.utils import timezone
from django.utils.module_loading import module_has_submodule

from chengnuan.accounts.models import User, UserKind

EMPTY = "（未填）"
# Shown masked on the page; the download has the full value.
MASKED = {
    "id_number": "id_number_masked",
    "phone": "phone_masked",
    "contact_phone": "contact_phone_masked",
}
# Look-up hashes and denormalised copies mean nothing to the person.
HIDDEN = {
    "id",
    "user",
    "owner",
    "id_number_hash",
    "phone_hash",
    "id_number_masked",
    "phone_masked",
    "area_code",
    "contact_phone_masked",
}


@dataclass(frozen=True)
class Item:
    """One value. `name` and `value` are for programs (the JSON download); `label` and `text`
    for people (the page and the xlsx download), in full; `masked`, when set, is what the page
    prints instead (personal numbers, in case someone looks over the person's shoulder)."""

    name: str
    label: str
    value: Any
    text: str
    masked: str | None = None

    @property
    def shown(self) -> str:
        """What the page prints."""
        return self.text if self.masked is None else self.masked

    def json_value(self) -> Any:
        if isinstance(self.value, datetime.datetime):
            return timezone.localtime(self.value).isoformat()  # Beijing time, +08:00
        return self.value


@dataclass
class Section:
    key: str
    title: str
    records: list[list[Item]] = field(default_factory=list)
    # A table (one row per record) suits many short records such as consents.
    tabular: bool = False
    empty_text: str = "没有记录。"

    def as_json(self) -> dict[str, Any]:
        """Codes as stored, with the Chinese label of every key beside them."""
        labels = {item.name: item.label for record in self.records for item in record}
        return {
            "title": self.title,
            "labels": labels,
            "records": [
                {item.name: item.json_value() for item in record} for record in self.records
            ],
        }


@dataclass(frozen=True)
class AuditedRecord:
    """A record about the person (as the audit log names it) and what they call it."""

    object_type: str
    object_id: str
    what: str  # 您的求职登记


def staff_label(actor: User | None, me: User) -> str:
    """Who did something, as the person reads it: the office, not the clerk's name."""
    if actor is None:
        return "系统"
    if actor.pk == me.pk:
        return "您本人"
    if actor.kind != UserKind.STAFF:
        return "其他用户"
    area = actor.area.full_name or actor.area.name if actor.area else ""
    return f"{area}{actor.get_role_display()}（{actor.get_department_display()}）"


def shown(value: Any) -> str:
    """A value as a person reads it; times in Beijing time."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime.datetime):
        return f"{timezone.localtime(value):%Y-%m-%d %H:%M}"
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    if isinstance(value, datetime.time):
        return f"{value:%H:%M}"
    if isinstance(value, list):
        return "、".join(str(v) for v in value) or EMPTY
    return str(value)


def record_name(record: models.Model) -> str:
    """A related record as a person calls it: a place by its full name (辽宁省沈阳市铁西区), an
    occupation or industry by its name, not its code."""
    for attribute in ("full_name", "name"):
        name = getattr(record, attribute, "")
        if isinstance(name, str) and name:
            return name
    return str(record)


def related_label(value: models.Model | None, me: User) -> str | None:
    if value is None:
        return None
    if isinstance(value, User):
        return staff_label(value, me)
    return record_name(value)


def _field_item(obj: models.Model, f: models.Field, me: User) -> Item:
    label = str(f.verbose_name)
    if f.is_relation:
        related = getattr(obj, f.name)
        text = shown(related_label(related, me))
        # Programs get the record's code (a division's adcode); people who acted on the
        # record are only ever named as their office.
        value = None if related is None else text if isinstance(related, User) else related.pk
        return Item(f.name, label, value, text)
    value = getattr(obj, f.attname)
    if f.choices:
        return Item(f.name, label, value, getattr(obj, f"get_{f.name}_display")() or EMPTY)
    if f.name in MASKED and value:
        return Item(f.name, label, value, shown(value), masked=getattr(obj, MASKED[f.name]))
    return Item(f.name, label, value, shown(value))


def model_items(obj: models.Model, me: User) -> list[Item]:
    """Every field of `obj` a person would recognise, with its Chinese label."""
    items = [_field_item(obj, f, me) for f in obj._meta.concrete_fields if f.name not in HIDDEN]
    for f in obj._meta.many_to_many:
        related = list(getattr(obj, f.name).all())
        names = [record_name(v) for v in related]
        items.append(Item(f.name, str(f.verbose_name), [v.pk for v in related], shown(names)))
    return items


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


def audited_records_from_apps(user: Any) -> list[AuditedRecord]:
    return [record for hook in _hooks("audited_records") for record in hook(user)]
