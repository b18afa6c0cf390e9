"""What the importer does with each kind of sheet: registrations.py (postings, job seekers,
written through employment's bulk services) and surveys.py (the two field surveys)."""

from typing import Any

from chengnuan.bulk.choices import ImportKind
from chengnuan.bulk.handlers.registrations import PostingHandler, SeekerHandler
from chengnuan.bulk.handlers.surveys import DemandSurveyHandler, EmploymentSurveyHandler

HANDLERS: dict[str, Any] = {
    ImportKind.POSTING: PostingHandler,
    ImportKind.SEEKER: SeekerHandler,
    ImportKind.DEMAND_SURVEY: DemandSurveyHandler,
    ImportKind.EMPLOYMENT_SURVEY: EmploymentSurveyHandler,
}
