"""The notifications topic matching sends through: one message listing a few postings, each
with its reasons."""

from chengnuan.notifications.topics import Topic, register_topic

NEW_MATCHES = "matching.new_matches"

TOPIC = Topic(
    code=NEW_MATCHES,
    label="新岗位推荐",
    title="有{{ count }}个新岗位适合您",
    body=(
        "{% for item in items %}{{ forloop.counter }}. {{ item.title }}（{{ item.employer }}）"
        "{% if item.reasons %}：{{ item.reasons|join:'，' }}{% endif %}\n{% endfor %}"
        "点开看详情，合适就报名。"
    ),
    sms="城暖：有{{ count }}个新岗位适合您，如{{ items.0.title }}",
    consent="push",
    promotional=True,
    sample=(
        ("count", 2),
        (
            "items",
            [
                {
                    "title": "保洁员",
                    "employer": "沈阳某物业公司",
                    "reasons": ["离您住处3公里", "月薪不低于您期望"],
                },
                {
                    "title": "仓库分拣员",
                    "employer": "沈阳某物流公司",
                    "reasons": ["包住", "招大龄"],
                },
            ],
        ),
    ),
)


def register() -> None:
    register_topic(TOPIC)
