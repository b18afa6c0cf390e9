from django.urls import path

from chengnuan.accounts import views

app_name = "accounts"
urlpatterns = [
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("staff/login/", views.staff_login_view, name="staff_login"),
    path("me/", views.my_data_view, name="my_data"),
    path("me/export/", views.my_data_export_view, name="my_data_export"),
    path("me/export.json", views.my_data_export_json_view, name="my_data_export_json"),
    path("me/close/", views.close_account_view, name="close_account"),
    path("me/sign-ins/", views.sign_ins_view, name="sign_ins"),
    path("me/sign-ins/end-others/", views.sign_ins_end_others_view, name="sign_ins_end_others"),
    path("me/sign-ins/<str:sign_in_id>/end/", views.sign_in_end_view, name="sign_in_end"),
]
