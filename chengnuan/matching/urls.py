from django.urls import path

from chengnuan.matching.views import office, public, worker

app_name = "matching"

urlpatterns = [
    path("jobs/older/", public.older_jobs, name="older_jobs"),
    path("me/matches/", worker.my_matches, name="my_matches"),
    path("me/matches/settings/", worker.my_match_settings, name="my_match_settings"),
    path("office/matching/follow-up/", office.follow_up, name="office_follow_up"),
    path("office/matching/effectiveness/", office.effectiveness, name="office_effectiveness"),
    path(
        "office/matching/seekers/<int:pk>/",
        office.seeker_matches,
        name="office_seeker_matches",
    ),
    path("office/matching/seekers/<int:pk>/push/", office.seeker_push, name="office_seeker_push"),
    path(
        "office/matching/seekers/<int:pk>/contacts/",
        office.seeker_contact,
        name="office_seeker_contact",
    ),
    path(
        "office/matching/postings/<int:pk>/",
        office.posting_seekers,
        name="office_posting_seekers",
    ),
]
