from django.urls import path

from chengnuan.employment.views import employer, office, office_seekers, public, search, worker

app_name = "employment"

urlpatterns = [
    # public
    path("jobs/", search.jobs, name="jobs"),
    path("postings/", public.posting_list, name="posting_list"),
    path("jobs/<int:pk>/", public.posting_detail, name="posting_detail"),
    # worker
    path("me/registration/", worker.my_registration, name="my_registration"),
    path("me/registration/edit/", worker.my_registration_edit, name="my_registration_edit"),
    path("me/registration/pause/", worker.my_registration_pause, name="my_registration_pause"),
    path(
        "me/registration/resume/",
        worker.my_registration_resume,
        name="my_registration_resume",
    ),
    path("me/registration/close/", worker.my_registration_close, name="my_registration_close"),
    path("me/saved/", worker.saved_list, name="saved_list"),
    path("jobs/<int:pk>/save/", worker.posting_save, name="posting_save"),
    path("jobs/<int:pk>/unsave/", worker.posting_unsave, name="posting_unsave"),
    # employer
    path("employer/", employer.employer_home, name="employer_home"),
    path("employer/postings/new/", employer.posting_new, name="posting_new"),
    path("employer/postings/<int:pk>/edit/", employer.posting_edit, name="posting_edit"),
    path(
        "employer/postings/<int:pk>/submit/",
        employer.posting_submit_view,
        name="posting_submit",
    ),
    path("employer/postings/<int:pk>/close/", employer.posting_close_view, name="posting_close"),
    # back office
    path("office/", office.office_home, name="office_home"),
    path("office/review/", office.review_queue, name="office_review_queue"),
    path("office/postings/", office.posting_list, name="office_postings"),
    path("office/postings/<int:pk>/", office.review_posting, name="office_posting_review"),
    path("office/employers/", office.employer_list, name="office_employers"),
    path("office/employers/new/", office.employer_new, name="office_employer_new"),
    path("office/employers/<int:pk>/", office.employer_detail, name="office_employer_detail"),
    path(
        "office/employers/<int:employer_pk>/postings/new/",
        office.posting_new,
        name="office_posting_new",
    ),
    path("office/seekers/", office_seekers.seeker_list, name="office_seekers"),
    path("office/seekers/new/", office_seekers.seeker_new, name="office_seeker_new"),
    path("office/seekers/<int:pk>/", office_seekers.seeker_detail, name="office_seeker_detail"),
    path(
        "office/seekers/<int:pk>/contact/",
        office_seekers.seeker_contact,
        name="office_seeker_contact",
    ),
    path(
        "office/seekers/<int:pk>/id-number/",
        office_seekers.seeker_id_number,
        name="office_seeker_id_number",
    ),
]
