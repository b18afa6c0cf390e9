from django.urls import path

from chengnuan.search import views

app_name = "search"
urlpatterns = [path("", views.jobs, name="jobs")]
