from django.urls import path

from chengnuan.bulk.views import imports as views
from chengnuan.bulk.views import surveys as views_surveys

app_name = "bulk"

urlpatterns = [
    path("", views.bulk_home, name="home"),
    path("templates/<str:kind>.xlsx", views.template_download, name="template"),
    path("imports/", views.import_list, name="import_list"),
    path("imports/new/", views.import_new, name="import_new"),
    path("imports/<int:pk>/", views.import_detail, name="import_detail"),
    path("imports/<int:pk>/errors.xlsx", views.import_error_sheet, name="import_error_sheet"),
    path("exports/<str:kind>.xlsx", views.export, name="export"),
    path("notice-board/", views.notice_board, name="notice_board"),
    path("surveys/demand/", views_surveys.demand_list, name="demand_list"),
    path("surveys/demand/new/", views_surveys.demand_new, name="demand_new"),
    path("surveys/demand/<int:pk>/", views_surveys.demand_detail, name="demand_detail"),
    path("surveys/demand/<int:pk>/convert/", views_surveys.demand_convert, name="demand_convert"),
    path(
        "surveys/demand/<int:pk>/positions/new/", views_surveys.position_edit, name="position_new"
    ),
    path(
        "surveys/demand/<int:pk>/positions/<int:position_pk>/",
        views_surveys.position_edit,
        name="position_edit",
    ),
    path("surveys/employment/", views_surveys.employment_list, name="employment_list"),
    path("surveys/employment/new/", views_surveys.employment_new, name="employment_new"),
    path("surveys/employment/<int:pk>/", views_surveys.employment_detail, name="employment_detail"),
    path(
        "surveys/employment/<int:pk>/convert/",
        views_surveys.employment_convert,
        name="employment_convert",
    ),
]
