from django.urls import path

from chengnuan.notifications.views import link, office, worker

app_name = "notifications"

urlpatterns = [
    # the short link of an SMS (no password)
    path("n/<str:token>/", link.link_open, name="link_open"),
    path("n/<str:token>/unsubscribe/", link.link_unsubscribe, name="link_unsubscribe"),
    # the recipient's own messages
    path("me/messages/", worker.inbox, name="inbox"),
    path("me/messages/read-all/", worker.inbox_mark_all_read, name="inbox_mark_all_read"),
    path("me/messages/settings/", worker.message_settings, name="settings"),
    path("me/messages/<int:pk>/", worker.message, name="message"),
    path(
        "me/messages/unsubscribe/<str:code>/",
        worker.topic_unsubscribe_view,
        name="topic_unsubscribe",
    ),
    # province staff: the wording of messages
    path("office/messages/templates/", office.template_list, name="template_list"),
    path("office/messages/templates/<str:code>/", office.template_edit, name="template_edit"),
]
