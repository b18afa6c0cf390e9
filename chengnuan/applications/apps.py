from django.apps import AppConfig, apps


class ApplicationsConfig(AppConfig):
    name = "chengnuan.applications"
    label = "applications"
    verbose_name = "求职申请与面试"

    def ready(self) -> None:
        """Plug in: the messages each step sends are notification topics; and where matching
        is installed, applications are the source of its applied -> interviewed -> hired
        figures (matching offers the hook and never imports this app)."""
        from chengnuan.accounts.menu import MyLink, register_my_link
        from chengnuan.applications.notify import register_topics

        register_topics()
        register_my_link(MyLink("我的申请", "applications:mine", "投过的岗位、面试邀请", 20))
        if apps.is_installed("chengnuan.matching"):
            from chengnuan.applications.selectors import application_funnel_pairs
            from chengnuan.matching.outcomes import (
                register_outcome_source,
            )

            register_outcome_source(application_funnel_pairs)
