from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "chengnuan.accounts"
    label = "accounts"

    def ready(self) -> None:
        """accounts' own entries on the worker's 我的 page."""
        from chengnuan.accounts.menu import MyLink, register_my_link

        register_my_link(
            MyLink("我的信息", "accounts:my_data", "看、下载或删除我的个人信息", order=900)
        )
        register_my_link(MyLink("登录过的设备", "accounts:sign_ins", "在别的手机上退出", order=910))
