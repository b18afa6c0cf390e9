from django.urls import path

from chengnuan.applications.views import employer, office, room, worker

app_name = "applications"

urlpatterns = [
    # worker
    path("me/applications/", worker.mine, name="mine"),
    path("me/applications/<int:pk>/", worker.mine_detail, name="mine_detail"),
    path("me/applications/<int:pk>/withdraw/", worker.withdraw, name="withdraw"),
    path("jobs/<int:posting_pk>/apply/", worker.apply, name="apply"),
    # employer
    path(
        "employer/postings/<int:posting_pk>/applicants/",
        employer.applicants,
        name="applicants",
    ),
    path("employer/applications/<int:pk>/", employer.detail, name="employer_detail"),
    path("employer/applications/<int:pk>/invite/", employer.invite, name="invite"),
    path("employer/applications/<int:pk>/outcome/", employer.outcome, name="outcome"),
    # back office
    path("office/applications/", office.application_list, name="office_list"),
    path("office/applications/<int:pk>/", office.application_detail, name="office_detail"),
    path(
        "office/applications/for-seeker/<int:seeker_pk>/",
        office.apply_for,
        name="office_apply",
    ),
    # the video room (worker, employer, booked clerk)
    path("interviews/room/<str:token>/", room.room, name="room"),
]
