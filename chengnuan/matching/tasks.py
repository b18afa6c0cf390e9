"""matching's periodic tasks (times are Asia/Shanghai). Each periodic task fans out one task
per city (4-digit adcode), so consumers on several machines share the cities; each city task
claims its city first (services/claims.py), so a city is never done twice at once."""

from huey import crontab
from huey.contrib.djhuey import db_periodic_task, db_task

from chengnuan.matching.services.compute import match_new_postings, matches_recompute
from chengnuan.matching.services.push import matches_push_city
from chengnuan.regions.selectors import cities


@db_task()
def match_new_postings_of_city(city_code: str) -> int:
    return match_new_postings(city_code=city_code).postings


@db_task()
def recompute_city(city_code: str) -> int:
    return matches_recompute(city_code=city_code).written


@db_task()
def push_city(city_code: str) -> int:
    return matches_push_city(city_code=city_code).messages


@db_periodic_task(crontab(minute="*/10"))
def match_new_postings_everywhere() -> None:
    """Newly published postings are matched within about ten minutes."""
    for city in cities():
        match_new_postings_of_city(city.code)


@db_periodic_task(crontab(hour="2", minute="30"))
def recompute_everywhere() -> None:
    """Nightly: closed postings leave, changed registrations are followed."""
    for city in cities():
        recompute_city(city.code)


@db_periodic_task(crontab(hour="9", minute="0"))
def push_everywhere() -> None:
    """The push window: daily seekers every morning, weekly seekers on Monday mornings."""
    for city in cities():
        push_city(city.code)
