from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "chengnuan.events"
    label = "events"
    verbose_name = "招聘会"

    def ready(self) -> None:
        """Plug into the shared apps' registries: the messages of job fairs are topics; the
        worker's 我的 page links to their fairs."""
        from chengnuan.accounts.menu import MyLink, register_my_link
        from chengnuan.events.notify import register_topics

        register_topics()
        register_my_link(MyLink("我的招聘会", "events:my_fairs", "报名的招聘会、入场码", 30))
