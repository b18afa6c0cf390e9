from django import forms

from chengnuan.accounts.models import UserKind
from chengnuan.core.validators import clean_mobile

SHARED_COMPUTER_LABEL = "这是公用电脑（服务站、网吧的电脑）：不在这台电脑上保存我的信息"


def shared_computer_field(*, initial: bool) -> forms.BooleanField:
    """The 「这是公用电脑」 switch (core.offline): nothing personal stays on this computer."""
    return forms.BooleanField(label=SHARED_COMPUTER_LABEL, required=False, initial=initial)


KIND_CHOICES = [(UserKind.WORKER.value, "我是求职者"), (UserKind.EMPLOYER.value, "我是招聘单位")]


class PhoneLoginForm(forms.Form):
    """Both steps of SMS sign-in; the code is only needed (and checked, by the service) in
    the second step."""

    phone = forms.CharField(
        label="手机号",
        max_length=32,
        error_messages={"required": "请填写手机号。"},
        widget=forms.TextInput(
            attrs={"inputmode": "tel", "autocomplete": "tel", "placeholder": "11位手机号"}
        ),
    )
    kind = forms.ChoiceField(
        label="您是",
        choices=KIND_CHOICES,
        initial=UserKind.WORKER.value,
        widget=forms.RadioSelect,
        error_messages={
            "required": "请选择您是求职者还是招聘单位。",
            "invalid_choice": "请选择您是求职者还是招聘单位。",
        },
    )
    code = forms.CharField(
        label="短信验证码",
        max_length=12,
        required=False,
        widget=forms.TextInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "placeholder": "6位数字",
            }
        ),
    )

    shared_computer = shared_computer_field(initial=False)

    def clean_phone(self) -> str:
        return clean_mobile(self.cleaned_data["phone"])


class StaffLoginForm(forms.Form):
    username = forms.CharField(
        label="用户名", max_length=150, error_messages={"required": "请填写用户名。"}
    )
    password = forms.CharField(
        label="密码",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "请填写密码。"},
    )
    otp_token = forms.CharField(
        label="动态验证码",
        max_length=8,
        help_text="打开手机上的验证器应用，输入显示的6位数字。",
        error_messages={"required": "请填写动态验证码。"},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "one-time-code"}),
    )
    # Station and office computers are mostly shared: on unless the person says otherwise.
    shared_computer = shared_computer_field(initial=True)


class CloseAccountForm(forms.Form):
    confirm = forms.BooleanField(
        label="我明白：注销后我的个人信息会被删除，不能恢复。",
        error_messages={"required": "请先勾选上面这一项，确认您要注销。"},
    )
