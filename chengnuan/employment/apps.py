from django.apps import AppConfig


class EmploymentConfig(AppConfig):
    name = "chengnuan.employment"
    label = "employment"

    def ready(self) -> None:
        """Plug into the shared apps' registries: postings are a search document type; job
        seekers' choices decide how notifications reach them; the worker's 我的 page links here."""
        from chengnuan.accounts.menu import MyLink, register_my_link
        from chengnuan.employment.notify import seeker_preferences, seekers_preferences
        from chengnuan.employment.search import POSTING_SOURCE
        from chengnuan.notifications.preferences import register_preferences
        from chengnuan.search.sources import register

        register(POSTING_SOURCE)
        register_preferences(seeker_preferences, bulk=seekers_preferences)
        register_my_link(
            MyLink("我的求职登记", "employment:my_registration", "想做什么工作、在哪里", 10)
        )
        register_my_link(MyLink("收藏的岗位", "employment:saved_list", "没有网络也能看", 40))
