from django.urls import path

from chengnuan.employment import (
    views_employer,
    views_office,
    views_office_seekers,
    views_public,
    views_search,
    views_worker,
)

app_name = "employment"

urlpatterns = [
    # public
    path("jobs/", views_search.jobs, name="jobs"),
    path("postings/", views_public.posting_list, name="posting_list"),
    path("jobs/<int:pk>/", views_public.posting_detail, name="posting_detail"),
    # worker
    path("me/registration/", views_worker.my_registration, name="my_registration"),
    path("me/registration/edit/", views_worker.my_registration_edit, name="my_registration_edit"),
    path(
        "me/registration/pause/", views_worker.my_registration_pause, name="my_registration_pause"
    ),
    path(
        "me/registration/resume/",
        views_worker.my_registration_resume,
        name="my_registration_resume",
    ),
    path(
        "me/registration/close/", views_worker.my_registration_close, name="my_registration_close"
    ),
    # employer
    path("employer/", views_employer.employer_home, name="employer_home"),
    path("employer/postings/new/", views_employer.posting_new, name="posting_new"),
    path("employer/postings/<int:pk>/edit/", views_employer.posting_edit, name="posting_edit"),
    path(
        "employer/postings/<int:pk>/submit/",
        views_employer.posting_submit_view,
        name="posting_submit",
    ),
    path(
        "employer/postings/<int:pk>/close/", views_employer.posting_close_view, name="posting_close"
    ),
    # back office
    path("office/", views_office.office_home, name="office_home"),
    path("office/review/", views_office.review_queue, name="office_review_queue"),
    path("office/postings/", views_office.posting_list, name="office_postings"),
    path("office/postings/<int:pk>/", views_office.review_posting, name="office_posting_review"),
    path("office/employers/", views_office.employer_list, name="office_employers"),
    path("office/employers/new/", views_office.employer_new, name="office_employer_new"),
    path("office/employers/<int:pk>/", views_office.employer_detail, name="office_employer_detail"),
    path(
        "office/employers/<int:employer_pk>/postings/new/",
        views_office.posting_new,
        name="office_posting_new",
    ),
    path("office/seekers/", views_office_seekers.seeker_list, name="office_seekers"),
    path("office/seekers/new/", views_office_seekers.seeker_new, name="office_seeker_new"),
    path(
        "office/seekers/<int:pk>/", views_office_seekers.seeker_detail, name="office_seeker_detail"
    ),
    path(
        "office/seekers/<int:pk>/contact/",
        views_office_seekers.seeker_contact,
        name="office_seeker_contact",
    ),
]
