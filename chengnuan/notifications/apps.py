from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "chengnuan.notifications"
    label = "notifications"
    verbose_name = "消息"

    def ready(self) -> None:
        from chengnuan.accounts.menu import MyLink, register_my_link
        from chengnuan.notifications import channels  # noqa: F401 (registers its system check)

        register_my_link(MyLink("消息", "notifications:inbox", "推荐的岗位、面试和招聘会通知", 5))
        register_my_link(
            MyLink("消息设置", "notifications:settings", "收哪些消息、退订", order=800)
        )
