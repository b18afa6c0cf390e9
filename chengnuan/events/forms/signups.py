"""The door's look-up: an entry code, the last four digits of a phone, or the whole number."""

from django import forms

from chengnuan.core.forms import text_errors


class DoorLookupForm(forms.Form):
    q = forms.CharField(
        label="入场码或手机号", max_length=20,
        help_text="输入报名人出示的入场码，或手机号后四位，或完整手机号。",
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
        error_messages=text_errors("入场码或手机号"),
    )  # fmt: skip
