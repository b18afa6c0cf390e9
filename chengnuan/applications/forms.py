from django import forms

from chengnuan.applications.choices import ApplicationStatus, InterviewMode
from chengnuan.applications.inputs import InvitationInput
from chengnuan.applications.rules import OUTCOMES
from chengnuan.core.forms import FieldsetsMixin, choice_errors, number_errors, text_errors


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self) -> None:
        super().__init__(format="%Y-%m-%dT%H:%M")


class InvitationForm(FieldsetsMixin, forms.Form):
    fieldsets = (("面试安排", ("mode", "starts_at", "place", "meeting_url", "note")),)

    mode = forms.ChoiceField(
        label="面试方式",
        choices=InterviewMode.choices,
        widget=forms.RadioSelect,
        initial=InterviewMode.IN_PERSON,
        error_messages=choice_errors("面试方式"),
    )
    starts_at = forms.DateTimeField(
        label="面试时间（北京时间）",
        widget=DateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        error_messages={"required": "请填写面试时间。", "invalid": "面试时间的格式不对。"},
    )
    place = forms.CharField(
        label="面试地点",
        required=False,
        max_length=200,
        help_text="到现场面试时填写；不填就用岗位上的地址，并附上地图链接。",
        error_messages=text_errors("面试地点"),
    )
    meeting_url = forms.CharField(
        label="会议链接",
        required=False,
        max_length=500,
        help_text="用其他视频会议时填写，以 https:// 开头。",
        error_messages=text_errors("会议链接"),
    )
    note = forms.CharField(
        label="注意事项",
        required=False,
        max_length=200,
        help_text="比如：带身份证，到门口给我打电话。",
        error_messages=text_errors("注意事项"),
    )

    def to_input(self) -> InvitationInput:
        data = self.cleaned_data
        return InvitationInput(
            mode=InterviewMode(data["mode"]),
            starts_at=data["starts_at"],
            place=data["place"],
            meeting_url=data["meeting_url"],
            note=data["note"],
        )


class OutcomeForm(forms.Form):
    to = forms.ChoiceField(
        label="结果",
        choices=[(s, ApplicationStatus(s).label) for s in OUTCOMES],
        error_messages=choice_errors("结果"),
    )
    note = forms.CharField(
        label="说明", required=False, max_length=200, error_messages=text_errors("说明")
    )


class StationBookingForm(FieldsetsMixin, forms.Form):
    fieldsets = (("预约服务站屏幕（隔屏对话）", ("note",)),)

    note = forms.CharField(
        label="安排说明",
        max_length=200,
        help_text="比如：在铁西区就业服务站二楼，用服务站的电脑。",
        error_messages=text_errors("安排说明"),
    )


class OfficeApplyForm(FieldsetsMixin, forms.Form):
    fieldsets = (("代为申请", ("posting_id",)),)

    posting_id = forms.IntegerField(
        label="岗位编号",
        min_value=1,
        help_text="岗位页面地址里的数字，比如 /jobs/123/ 的 123。",
        error_messages=number_errors("岗位编号"),
    )
