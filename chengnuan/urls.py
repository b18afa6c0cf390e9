from django.contrib import admin
from django.urls import include, path

from chengnuan.accounts import views as accounts_views
from chengnuan.api import api
from chengnuan.core import views as core_views

urlpatterns = [
    path("", core_views.home, name="home"),
    path("healthz", core_views.healthz, name="healthz"),
    path("large-text", core_views.toggle_large_text, name="large_text"),
    path("manifest.webmanifest", core_views.web_app_manifest, name="web_app_manifest"),
    path("sw.js", core_views.service_worker, name="service_worker"),
    path("offline/", core_views.offline, name="offline"),
    path("me/", accounts_views.my_home_view, name="my_home"),
    path("accounts/", include("chengnuan.accounts.urls")),
    path("", include("chengnuan.employment.urls")),
    path("", include("chengnuan.applications.urls")),
    path("office/bulk/", include("chengnuan.bulk.urls")),
    path("", include("chengnuan.notifications.urls")),
    path("", include("chengnuan.events.urls")),
    path("", include("chengnuan.matching.urls")),
    path("api/v1/", api.urls),
    path("django-admin/", admin.site.urls),
]
