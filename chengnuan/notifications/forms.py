"""The staff form for a topic's wording."""

from django import forms

from chengnuan.notifications.services.templates import SMS_MAX


class MessageTemplateForm(forms.Form):
    title = forms.CharField(
        label="标题", max_length=200, error_messages={"required": "请填写标题。"}
    )
    body = forms.CharField(label="站内消息内容", required=False, widget=forms.Textarea)
    sms = forms.CharField(
        label="短信内容",
        max_length=SMS_MAX,
        required=False,
        help_text="短一些、说大白话。系统会自动在后面加上查看详情的短链接。",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
