"""/jobs/older/: the channel of postings fit for older workers (欢迎大龄, or no upper age
limit), for everyone, without signing in."""

from django.http import HttpRequest, HttpResponse

from chengnuan.core.pages import render_list
from chengnuan.matching.selectors.matches import older_channel
from chengnuan.regions.choices import city_choices


def older_jobs(request: HttpRequest) -> HttpResponse:
    cities = city_choices()
    city = request.GET.get("city", "")
    if city not in {code for code, _ in cities}:
        city = ""
    return render_list(
        request, "matching/older_jobs.html", older_channel(city), cities=cities, city=city
    )
