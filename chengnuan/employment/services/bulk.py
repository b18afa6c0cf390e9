"""Registering many job seekers and creating many postings at once, from a sheet a clerk
uploaded. The bulk app reads the sheet and checks each row with validation.clean_*; the
rules of the records themselves (area, employer, dedupe, consent) and their writing are
employment's, here, the same rules as seeker_register and posting_create.

A 100,000-row sheet must go in at thousands of rows a second, so there is no save() per row.
Each kind is one object per import, used in three steps:

- `prepare` per row, possibly in a worker process (bulk/parallel.py builds one object per
  worker), so it queries nothing: the area rule, the employer's own check, the row made ready
  for the database (encrypted, adapted: core.fastinsert), its dedupe key;
- `screen` per batch of prepared rows, in the importing process, in sheet order: one query
  against the database, plus the sheet's earlier rows: what is new, what is already there
  (skipped), what is refused;
- `write` the new rows, inside the caller's transaction, with bulk inserts.

Refusals are keyed by the input's field names, like every service's ValidationError. A
posting row's are keyed by PostingInput and EmployerInput fields, which share a name only
where they mean the same thing: a sheet posting's county, contact and address are its
employer's.
"""

import datetime
import hashlib
from dataclasses import dataclass, field
from typing import Any, Generic, NamedTuple, TypeVar

from django.core.exceptions import ValidationError
from django.db import transaction

from chengnuan.accounts.models import User
from chengnuan.core.fastinsert import RowInserter, values_present
from chengnuan.core.timeutil import today as local_today
from chengnuan.employment.choices import (
    EmployerStatus,
    PostingStatus,
    RegisteredVia,
    SeekerStatus,
    Source,
)
from chengnuan.employment.inputs import EmployerInput, PostingInput, SeekerInput
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
from chengnuan.employment.search import postings_changed
from chengnuan.employment.services.seekers import OUT_OF_AREA_RESIDENCE
from chengnuan.employment.texts import amount_text
from chengnuan.employment.validation import (
    Errors,
    clean_employer,
    employer_field_values,
    posting_field_values,
    seeker_field_values,
)

OUT_OF_AREA_POSTING = "这个工作地点不在您负责的区域内，请只导入您所在区域的岗位。"
EMPLOYER_BLOCKED = "这家单位核验没有通过或已暂停，暂时不能发布岗位。请联系所在县区人社部门。"
# What a clerk signs for on a paper 求职登记 form: keeping the registration, and job pushes.
SIGNED_ON_PAPER = (ConsentPurpose.REGISTRATION, ConsentPurpose.PUSH)

Prepared = TypeVar("Prepared")


@dataclass
class BulkScreened(Generic[Prepared]):
    """One screened batch: the rows to write, how many are already there, and the refused
    ones (sheet row -> problems by field)."""

    new: list[Prepared] = field(default_factory=list)
    skipped: int = 0
    errors: dict[int, Errors] = field(default_factory=dict)


# --- job seekers --------------------------------------------------------------------------------


@dataclass(slots=True)
class PreparedSeeker:
    id_number_hash: str
    record: list[Any]  # the JobSeeker row, database-ready (RowInserter.row)
    occupations: list[str]
    areas: list[str]


def same_person_message(first_row: int) -> str:
    return f"和第{first_row}行是同一个人（身份证号相同），请删掉一行。"


class SeekerBulkRegistration:
    """Seekers a clerk registers from signed paper forms: 求职中, registered via 调查表导入
    by the clerk, each with the consents the person signed (SIGNED_ON_PAPER) recorded by the
    clerk. Only people living in the clerk's area. One registration per person (身份证号):
    someone already registered is skipped, the same person twice in one sheet is refused
    on the later row."""

    def __init__(self, *, clerk: User, today: datetime.date | None = None) -> None:
        self.clerk = clerk
        self.today = today or local_today()
        self.first_rows: dict[str, int] = {}  # id_number_hash -> the sheet row registering it
        self.seekers = RowInserter(JobSeeker)
        self.constant = {
            "status": SeekerStatus.ACTIVE,
            "registered_via": RegisteredVia.IMPORT,
            "registered_by_id": clerk.pk,
        }

    def prepare(self, data: SeekerInput) -> PreparedSeeker:
        """`data` as validation.clean_seeker returned it."""
        if not is_staff_in_scope(self.clerk, data.residence_code):
            raise ValidationError({"residence_code": [OUT_OF_AREA_RESIDENCE]})
        values = seeker_field_values(data, today=self.today)
        return PreparedSeeker(
            values["id_number_hash"],
            self.seekers.row(values | self.constant),
            data.wanted_occupation_codes,
            data.wanted_area_codes,
        )

    def screen(self, batch: list[tuple[int, PreparedSeeker]]) -> BulkScreened[PreparedSeeker]:
        screened: BulkScreened[PreparedSeeker] = BulkScreened()
        registered = values_present(
            JobSeeker, "id_number_hash", [seeker.id_number_hash for _, seeker in batch]
        )
        for row, seeker in batch:
            id_hash = seeker.id_number_hash
            # The sheet's own earlier rows first: on PostgreSQL they may already be written.
            if id_hash in self.first_rows:
                screened.errors[row] = {
                    "id_number": [same_person_message(self.first_rows[id_hash])]
                }
            elif id_hash in registered:
                screened.skipped += 1
            else:
                self.first_rows[id_hash] = row
                screened.new.append(seeker)
        return screened

    def write(self, seekers: list[PreparedSeeker]) -> int:
        """The seekers, their wanted jobs and places, and their consents; how many seekers."""
        ids = self.seekers.insert_rows([seeker.record for seeker in seekers])
        pairs = list(zip(seekers, ids, strict=True))
        _link(
            JobSeeker.wanted_occupations.through,
            "occupation_id",
            ((pk, code) for seeker, pk in pairs for code in seeker.occupations),
        )
        _link(
            JobSeeker.wanted_areas.through,
            "division_id",
            ((pk, code) for seeker, pk in pairs for code in seeker.areas),
        )
        consents = RowInserter(Consent)
        signed = {"granted": True, "method": ConsentMethod.SIGNED, "recorded_by_id": self.clerk.pk}
        purposes = [str(purpose) for purpose in SIGNED_ON_PAPER]
        rows = ((pk, purpose) for pk in ids for purpose in purposes)
        consents.insert_rows(
            consents.stamped(signed, ("seeker_id", "purpose"), rows), returning=False
        )
        return len(ids)


def _link(through: Any, column: str, pairs: Any) -> None:
    """Rows of a seeker's many-to-many table: (seeker id, code) pairs."""
    links = RowInserter(through)
    links.insert_rows(links.stamped({}, ("jobseeker_id", column), pairs), returning=False)


# --- postings -----------------------------------------------------------------------------------


@dataclass(slots=True)
class PreparedPosting:
    uscc: str
    record: list[Any]  # the Posting row, database-ready; employer_id filled in when written
    import_key: str
    # The employer's checked input, on the first row of each employer that a process
    # prepares: an employer the database lacks is registered from it.
    employer: EmployerInput | None


class KnownEmployer(NamedTuple):
    pk: int
    status: str
    # Why the clerk may not post for it ("" if they may): it is registered in another area.
    elsewhere: str


def posting_import_key(values: dict[str, Any], uscc: str) -> str:
    """The natural key of an imported posting (employer, title, county, wage, end date),
    hashed: Posting.import_key. Amounts are written without trailing zeros, so 4000 and
    4000.00 (and keys made before wages became exact) are the same posting."""
    parts = (
        uscc,
        values["title"],
        values["county_id"],
        amount_text(values["wage_min"]),
        amount_text(values["wage_max"]),
        values["wage_unit"],
        values["valid_until"].isoformat(),
    )
    return hashlib.sha256("|".join(str(p) for p in parts).encode()).hexdigest()


class PostingBulkCreation:
    """Postings a clerk imports: 待审核 (pending review), created by the clerk, source 批量导入,
    only where the clerk works. The employer a row names by its 统一社会信用代码 is:

    - not registered yet: registered from its first row as 待核验, source 批量导入 (a sheet
      is not a business licence, so staff verify it before its postings can be published);
    - registered in another area: refused, as posting_create refuses it (the clerk could
      otherwise post in any company's name);
    - rejected or suspended by staff: refused (EMPLOYER_BLOCKED).

    A posting already imported (same natural key), or repeated in the sheet, is skipped."""

    def __init__(self, *, clerk: User, today: datetime.date | None = None) -> None:
        self.clerk = clerk
        self.today = today or local_today()
        # (uscc, name, county) -> the checked employer or its problems (not an exception:
        # a stored exception would chain every later row's frames onto its traceback).
        self.employer_checks: dict[tuple[str, str, str], EmployerInput | Errors] = {}
        self.employers_prepared: set[str] = set()
        self.new_employers: dict[str, EmployerInput] = {}  # uscc -> its first row's input
        self.known_employers: dict[str, KnownEmployer] = {}
        self.keys_seen: set[str] = set()
        self.postings = RowInserter(Posting)
        self.constant = {
            "status": PostingStatus.PENDING,
            "source": Source.IMPORT,
            "created_by_id": clerk.pk,
            "employer_id": None,
        }

    def prepare(self, *, posting: PostingInput, employer: EmployerInput) -> PreparedPosting:
        """`posting` as validation.clean_posting returned it; `employer` as the sheet names it."""
        if not is_staff_in_scope(self.clerk, posting.county_code):
            raise ValidationError({"county_code": [OUT_OF_AREA_POSTING]})
        checked = self._checked_employer(employer)
        values = posting_field_values(posting)
        key = posting_import_key(values, checked.uscc)
        first = checked.uscc not in self.employers_prepared
        self.employers_prepared.add(checked.uscc)
        record = self.postings.row(values | self.constant | {"import_key": key})
        return PreparedPosting(checked.uscc, record, key, checked if first else None)

    def _checked_employer(self, data: EmployerInput) -> EmployerInput:
        """The employer checked as the employer form would, once per employer: its county and
        contact are the posting's, already checked, so USCC, name and county make the key."""
        memo_key = (data.uscc, data.name, data.county_code)
        if memo_key not in self.employer_checks:
            try:
                self.employer_checks[memo_key] = clean_employer(data)
            except ValidationError as exc:
                self.employer_checks[memo_key] = exc.message_dict
        checked = self.employer_checks[memo_key]
        if isinstance(checked, dict):
            raise ValidationError(checked)
        return checked

    def screen(self, batch: list[tuple[int, PreparedPosting]]) -> BulkScreened[PreparedPosting]:
        screened: BulkScreened[PreparedPosting] = BulkScreened()
        self._load_employers({posting.uscc for _, posting in batch})
        imported = values_present(Posting, "import_key", [p.import_key for _, p in batch])
        for row, posting in batch:
            if posting.employer is not None:
                self.new_employers.setdefault(posting.uscc, posting.employer)
            refusal = self._employer_refusal(posting.uscc)
            if refusal:
                screened.errors[row] = {"uscc": [refusal]}
            elif posting.import_key in imported or posting.import_key in self.keys_seen:
                screened.skipped += 1
            else:
                self.keys_seen.add(posting.import_key)
                screened.new.append(posting)
        return screened

    def _load_employers(self, usccs: set[str]) -> None:
        unknown = usccs - self.known_employers.keys()
        if unknown:
            found = Employer.objects.filter(uscc__in=unknown).select_related("county")
            self.known_employers.update(
                (e.uscc, KnownEmployer(e.pk, e.status, self._elsewhere(e)))
                for e in found.iterator()
            )

    def _elsewhere(self, employer: Employer) -> str:
        in_reach = employer_in_reach(self.clerk, employer)
        return "" if in_reach else employer_elsewhere_message(employer)

    def _employer_refusal(self, uscc: str) -> str:
        known = self.known_employers.get(uscc)
        if known is None:
            return ""
        if known.elsewhere:
            return known.elsewhere
        if known.status in (EmployerStatus.REJECTED, EmployerStatus.SUSPENDED):
            return EMPLOYER_BLOCKED
        return ""

    def write(self, postings: list[PreparedPosting]) -> int:
        """The postings, and the employers they name that the database lacks; the search
        index learns of the postings after commit. How many postings."""
        employer_ids = self._register_new_employers(postings)
        slot = self.postings.slot("employer_id")
        for posting in postings:
            posting.record[slot] = employer_ids[posting.uscc]
        ids = self.postings.insert_rows([posting.record for posting in postings])
        transaction.on_commit(lambda: postings_changed(ids))
        return len(ids)

    def _register_new_employers(self, postings: list[PreparedPosting]) -> dict[str, int]:
        """Employer ids by USCC, registering those the database lacks, each from its first row."""
        new = list(dict.fromkeys(p.uscc for p in postings if p.uscc not in self.known_employers))
        common = {
            "status": EmployerStatus.PENDING,
            "source": Source.IMPORT,
            "created_by_id": self.clerk.pk,
        }
        created = RowInserter(Employer).insert(
            [employer_field_values(self.new_employers[uscc]) | common for uscc in new]
        )
        # Known from now on: a later batch of the same import must not register them again.
        self.known_employers.update(
            (uscc, KnownEmployer(pk, EmployerStatus.PENDING, ""))
            for uscc, pk in zip(new, created, strict=True)
        )
        return {uscc: known.pk for uscc, known in self.known_employers.items()}
