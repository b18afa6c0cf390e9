"""What the importer does with posting and seeker rows: check them (rows.py, the employment
validation), screen each batch against the database with one query, and bulk-insert them.

Re-uploading a sheet adds nothing: a seeker already registered (same 身份证号 hash) is
skipped, and so is a posting whose natural key (employer USCC, title, county, wage, end
date) an earlier import recorded in PostingImportKey.
"""

import hashlib
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.bulk import columns
from chengnuan.bulk.choices import ImportKind
from chengnuan.core.fastinsert import RowInserter, values_present
from chengnuan.bulk.importer import Screened
from chengnuan.bulk.lookups import Lookups
from chengnuan.bulk.models import ImportJob, PostingImportKey
from chengnuan.bulk.rows import (
    EMPLOYER_FIELD_COLUMNS,
    Cells,
    RowInvalid,
    read_posting,
    read_seeker,
)
from chengnuan.bulk.survey_handlers import DemandSurveyHandler, EmploymentSurveyHandler
from chengnuan.core.timeutil import today
from chengnuan.employment.choices import (
    EmployerStatus,
    PostingStatus,
    RegisteredVia,
    SeekerStatus,
    Source,
)
from chengnuan.employment.inputs import EmployerInput
from chengnuan.employment.models import (
    Consent,
    ConsentMethod,
    ConsentPurpose,
    Employer,
    JobSeeker,
    Posting,
)
from chengnuan.employment.permissions import (
    employer_elsewhere_message,
    employer_in_reach,
    is_staff_in_scope,
)
from chengnuan.employment.services_seekers import OUT_OF_AREA_RESIDENCE
from chengnuan.employment.validation import (
    clean_employer,
    employer_field_values,
    posting_field_values,
    seeker_field_values,
)
from chengnuan.search import index

OUT_OF_AREA_POSTING = "这个工作地点不在您负责的区域内，请只导入您所在区域的岗位。"
EMPLOYER_BLOCKED = "这家单位核验没有通过或已暂停，暂时不能发布岗位。请联系所在县区人社部门。"


# --- postings -----------------------------------------------------------------------------------


@dataclass(slots=True)
class PostingItem:
    uscc: str
    row: list[Any]  # database-ready (RowInserter.row), employer_id filled in on writing
    key_hash: str
    # The checked employer columns, on the first row of each employer a process sees; the
    # importer registers employers it does not know from these.
    employer: EmployerInput | None


def posting_key(values: dict[str, Any], uscc: str) -> str:
    parts = (
        uscc,
        values["title"],
        values["county_id"],
        values["wage_min"],
        values["wage_max"],
        values["wage_unit"],
        values["valid_until"].isoformat(),
    )
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


class PostingHandler:
    """Postings go in as 待审核 (pending review), created by the clerk, source 批量导入. An
    employer not yet in the database is registered from the row as 待核验: a sheet is not a
    business licence, so staff verify it before its postings can be published."""

    spec = columns.POSTING
    writes_per_batch = True

    def __init__(self, *, job: ImportJob, lookups: Lookups) -> None:
        self.job = job
        self.user = job.created_by
        self.lookups = lookups
        self.today = today()
        self.employer_checks: dict[tuple[str, ...], EmployerInput | dict[str, list[str]]] = {}
        self.employers_seen: set[str] = set()
        self.employer_inputs: dict[str, EmployerInput] = {}
        # uscc -> (pk, status, refusal): the refusal names where an employer registered in
        # another area is, and is "" for the clerk's own (see permissions.employer_in_reach).
        self.known_employers: dict[str, tuple[int, str, str]] = {}
        self.seen_keys: set[str] = set()
        self.postings = RowInserter(Posting)
        self.constant = {
            "status": PostingStatus.PENDING,
            "source": Source.IMPORT,
            "created_by_id": self.user.pk,
            "employer_id": None,
        }

    def prepare(self, cells: Cells) -> PostingItem:
        posting, employer_input = read_posting(cells, self.lookups, self.today)
        if not is_staff_in_scope(self.user, posting.county_code):
            raise RowInvalid({"county": [OUT_OF_AREA_POSTING]})
        employer = self._checked_employer(cells, employer_input)
        values = posting_field_values(posting)
        key = posting_key(values, employer.uscc)
        first = employer.uscc not in self.employers_seen
        self.employers_seen.add(employer.uscc)
        row = self.postings.row(values | self.constant)
        return PostingItem(employer.uscc, row, key, employer if first else None)

    def _checked_employer(self, cells: Cells, data: EmployerInput) -> EmployerInput:
        """The employer columns checked as the employer form would, once per employer: its
        county and contact are the posting's, already checked by the same rules, so the USCC,
        name and county make the memo key."""
        memo_key = (data.uscc, data.name, data.county_code)
        if memo_key not in self.employer_checks:
            try:
                self.employer_checks[memo_key] = clean_employer(data)
            except ValidationError as exc:
                self.employer_checks[memo_key] = exc.message_dict  # not the exception: its frames
        checked = self.employer_checks[memo_key]
        if isinstance(checked, dict):
            cells.absorb(ValidationError(checked), EMPLOYER_FIELD_COLUMNS)
            raise RowInvalid(cells.errors)
        return checked

    def screen(self, batch: list[tuple[int, PostingItem]]) -> Screened:
        screened = Screened()
        self._load_employers({item.uscc for _, item in batch})
        keys = [item.key_hash for _, item in batch]
        imported = values_present(PostingImportKey, "key_hash", keys)
        for row, item in batch:
            if item.employer is not None:
                self.employer_inputs.setdefault(item.uscc, item.employer)
            known = self.known_employers.get(item.uscc)
            if known and known[2]:
                screened.errors[row] = {"employer_uscc": [known[2]]}
            elif known and known[1] in (EmployerStatus.REJECTED, EmployerStatus.SUSPENDED):
                screened.errors[row] = {"employer_uscc": [EMPLOYER_BLOCKED]}
            elif item.key_hash in imported or item.key_hash in self.seen_keys:
                screened.skipped += 1
            else:
                self.seen_keys.add(item.key_hash)
                screened.new.append(item)
        return screened

    def _load_employers(self, usccs: set[str]) -> None:
        unknown = usccs - self.known_employers.keys()
        if unknown:
            found = Employer.objects.filter(uscc__in=unknown).select_related("county")
            self.known_employers.update(
                (e.uscc, (e.pk, e.status, self._refusal(e))) for e in found.iterator()
            )

    def _refusal(self, employer: Employer) -> str:
        return (
            "" if employer_in_reach(self.user, employer) else employer_elsewhere_message(employer)
        )

    def write(self, items: list[PostingItem]) -> int:
        employer_ids = self._create_employers(items)
        slot = self.postings.slot("employer_id")
        for item in items:
            item.row[slot] = employer_ids[item.uscc]
        posting_ids = self.postings.insert_rows([item.row for item in items])
        RowInserter(PostingImportKey).insert(
            [
                {"key_hash": item.key_hash, "posting_id": pk, "job_id": self.job.pk}
                for item, pk in zip(items, posting_ids, strict=True)
            ],
            returning=False,
        )
        transaction.on_commit(lambda: index.postings_changed(posting_ids))
        return len(posting_ids)

    def _create_employers(self, items: list[PostingItem]) -> dict[str, int]:
        """Employers the sheet names and the database lacks, each from its first row."""
        new = list(
            dict.fromkeys(item.uscc for item in items if item.uscc not in self.known_employers)
        )
        first_seen: dict[str, EmployerInput] = {}
        for data in self.employer_checks.values():
            if isinstance(data, EmployerInput):
                first_seen.setdefault(data.uscc, data)
        common = {
            "status": EmployerStatus.PENDING,
            "source": Source.IMPORT,
            "created_by_id": self.user.pk,
        }
        created = RowInserter(Employer).insert(
            [{**employer_field_values(self.employer_inputs[uscc]), **common} for uscc in new]
        )
        # Known from now on: a later batch of the same import must not create them again.
        self.known_employers.update(
            (uscc, (pk, EmployerStatus.PENDING, "")) for uscc, pk in zip(new, created, strict=True)
        )
        return {uscc: pk for uscc, (pk, _, _) in self.known_employers.items()}


# --- job seekers --------------------------------------------------------------------------------


@dataclass(slots=True)
class SeekerItem:
    id_number_hash: str
    row: list[Any]  # database-ready (RowInserter.row)
    occupations: list[str]
    areas: list[str]


class SeekerHandler:
    """Seekers go in as 求职中, registered via 调查表导入 by the clerk, with the consent the
    person signed on paper (保存登记 and 接收推送) recorded as signed."""

    spec = columns.SEEKER
    writes_per_batch = True

    def __init__(self, *, job: ImportJob, lookups: Lookups) -> None:
        self.job = job
        self.user = job.created_by
        self.lookups = lookups
        self.today = today()
        self.seen: dict[str, int] = {}  # id_number_hash -> first row
        self.seekers = RowInserter(JobSeeker)
        self.constant = {
            "status": SeekerStatus.ACTIVE,
            "registered_via": RegisteredVia.IMPORT,
            "registered_by_id": self.user.pk,
        }

    def prepare(self, cells: Cells) -> SeekerItem:
        seeker = read_seeker(cells, self.lookups, self.today)
        if not is_staff_in_scope(self.user, seeker.residence_code):
            raise RowInvalid({"township": [OUT_OF_AREA_RESIDENCE]})
        values = seeker_field_values(seeker, today=self.today)
        row = self.seekers.row(values | self.constant)
        return SeekerItem(
            values["id_number_hash"], row, seeker.wanted_occupation_codes, seeker.wanted_area_codes
        )

    def screen(self, batch: list[tuple[int, SeekerItem]]) -> Screened:
        screened = Screened()
        hashes = [item.id_number_hash for _, item in batch]
        registered = values_present(JobSeeker, "id_number_hash", hashes)
        for row, item in batch:
            id_hash = item.id_number_hash
            # The sheet's own earlier rows first: on PostgreSQL they may already be written.
            if id_hash in self.seen:
                screened.errors[row] = {
                    "id_number": [
                        f"和第{self.seen[id_hash]}行是同一个人（身份证号相同），请删掉一行。"
                    ]
                }
            elif id_hash in registered:
                screened.skipped += 1
            else:
                self.seen[id_hash] = row
                screened.new.append(item)
        return screened

    def write(self, items: list[SeekerItem]) -> int:
        ids = self.seekers.insert_rows([item.row for item in items])
        pairs = list(zip(items, ids, strict=True))
        for through, column, wanted in (
            (JobSeeker.wanted_occupations.through, "occupation_id", lambda item: item.occupations),
            (JobSeeker.wanted_areas.through, "division_id", lambda item: item.areas),
        ):
            links = RowInserter(through)
            rows = ((pk, code) for item, pk in pairs for code in wanted(item))
            links.insert_rows(links.stamped({}, ("jobseeker_id", column), rows), returning=False)
        consents = RowInserter(Consent)
        signed = {"granted": True, "method": ConsentMethod.SIGNED, "recorded_by_id": self.user.pk}
        purposes = (str(ConsentPurpose.REGISTRATION), str(ConsentPurpose.PUSH))
        rows = ((pk, purpose) for pk in ids for purpose in purposes)
        consents.insert_rows(
            consents.stamped(signed, ("seeker_id", "purpose"), rows), returning=False
        )
        return len(ids)


HANDLERS: dict[str, Any] = {
    ImportKind.POSTING: PostingHandler,
    ImportKind.SEEKER: SeekerHandler,
    ImportKind.DEMAND_SURVEY: DemandSurveyHandler,
    ImportKind.EMPLOYMENT_SURVEY: EmploymentSurveyHandler,
}
