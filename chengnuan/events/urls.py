from django.urls import path

from chengnuan.events.views import door, employer, office, public, worker

app_name = "events"

urlpatterns = [
    # public
    path("fairs/", public.fair_list, name="fairs"),
    path("fairs/<int:pk>/", public.fair_detail, name="fair_detail"),
    path("fairs/<int:pk>/print/", public.fair_print, name="fair_print"),
    # worker
    path("fairs/<int:pk>/signup/", worker.fair_signup, name="fair_signup"),
    path("fairs/<int:pk>/signup/cancel/", worker.fair_signup_cancel, name="fair_signup_cancel"),
    path("fairs/<int:pk>/slots/<int:slot_pk>/book/", worker.slot_book, name="slot_book"),
    path("me/fairs/", worker.my_fairs, name="my_fairs"),
    path("me/fairs/bookings/<int:pk>/cancel/", worker.booking_cancel_view, name="booking_cancel"),
    # employer
    path("employer/fairs/", employer.employer_fairs, name="employer_fairs"),
    path("employer/fairs/<int:pk>/booth/", employer.booth_new, name="booth_new"),
    path("employer/booths/<int:pk>/", employer.booth_detail, name="employer_booth"),
    path("employer/booths/<int:pk>/withdraw/", employer.booth_withdraw_view, name="booth_withdraw"),
    path("employer/slots/<int:pk>/remove/", employer.slot_remove_view, name="slot_remove"),
    # back office
    path("office/fairs/", office.fair_list, name="office_fairs"),
    path("office/fairs/new/", office.fair_new, name="office_fair_new"),
    path("office/fairs/<int:pk>/", office.fair_detail, name="office_fair"),
    path("office/fairs/<int:pk>/edit/", office.fair_edit, name="office_fair_edit"),
    path("office/fairs/<int:pk>/publish/", office.fair_publish_view, name="office_fair_publish"),
    path("office/fairs/<int:pk>/cancel/", office.fair_cancel_view, name="office_fair_cancel"),
    path("office/fairs/<int:pk>/attendance/", door.attendance, name="office_attendance"),
    path(
        "office/fairs/<int:pk>/signups/<int:signup_pk>/attend/",
        door.attend,
        name="office_attend",
    ),
    path("office/fairs/<int:pk>/figures/", door.figures, name="office_figures"),
    path("office/booths/<int:pk>/", office.booth_review, name="office_booth"),
]
