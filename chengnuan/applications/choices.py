from django.db import models


class ApplicationStatus(models.TextChoices):
    APPLIED = "applied", "已申请"
    INVITED = "invited", "已邀请面试"
    INTERVIEWED = "interviewed", "已面试"
    HIRED = "hired", "已录用"
    DECLINED = "declined", "未录用"  # by the employer
    WITHDRAWN = "withdrawn", "已撤回"  # by the worker


class Side(models.TextChoices):
    """Who moved an application, and which side of a video room a person sits on. A station
    clerk who sits with a worker without a phone is on the worker's side."""

    WORKER = "worker", "求职者"
    EMPLOYER = "employer", "用人单位"


class AppliedVia(models.TextChoices):
    SELF = "self", "本人在线申请"
    STATION = "station", "服务站代为申请"


class InterviewMode(models.TextChoices):
    IN_PERSON = "in_person", "到现场面试"
    REMOTE = "remote", "在平台上视频面试"
    EXTERNAL = "external", "用其他视频会议（单位给的链接）"


class SignalKind(models.TextChoices):
    """WebRTC signalling messages carried between the two sides of a room."""

    HELLO = "hello", "进入房间"
    OFFER = "offer", "offer"
    ANSWER = "answer", "answer"
    CANDIDATE = "candidate", "ICE candidate"
    BYE = "bye", "离开房间"
