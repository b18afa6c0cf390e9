from django.contrib import admin
from django.urls import include, path

from chengnuan.api import api
from chengnuan.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("large-text", core_views.toggle_large_text, name="large_text"),
    path("accounts/", include("chengnuan.accounts.urls")),
    path("", include("chengnuan.employment.urls")),
    path("office/bulk/", include("chengnuan.bulk.urls")),
    path("", include("chengnuan.notifications.urls")),
    path("", include("chengnuan.matching.urls")),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
]
