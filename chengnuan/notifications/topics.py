"""The registry of message topics. Each domain app registers its own from AppConfig.ready();
notifications knows no topic by name."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Topic:
    code: str  # unique, "<app>.<what>"
    label: str  # what the worker reads in message settings and on the unsubscribe page
    title: str  # inbox title (template over the message's context)
    body: str  # inbox body (template)
    sms: str  # SMS text (template, short, plain); the short link is added after it
    consent: str | None = None  # a consent purpose the recipient must have granted
    # True: daily cap, one-tap unsubscribe and the "promotional" preference apply.
    # Quiet hours hold every topic's SMS.
    promotional: bool = False
    # Sample context for the staff preview of the topic's templates.
    # Sample values (for the staff preview) may be lists: left out of the hash, so a topic
    # stays usable as a dict key.
    sample: tuple[tuple[str, object], ...] = field(default=(), hash=False)

    def sample_context(self) -> dict[str, object]:
        return dict(self.sample)


_TOPICS: dict[str, Topic] = {}


def register_topic(topic: Topic) -> None:
    """Register (or, for the same app reloaded, replace with an equal one) a topic."""
    existing = _TOPICS.get(topic.code)
    if existing is not None and existing != topic:
        raise ValueError(f"notification topic {topic.code!r} is registered twice, differently")
    from chengnuan.notifications.rendering import check_template

    for text in (topic.title, topic.body, topic.sms):
        check_template(text)
    _TOPICS[topic.code] = topic


def get_topic(code: str) -> Topic:
    try:
        return _TOPICS[code]
    except KeyError:
        raise LookupError(f"no notification topic {code!r} is registered") from None


def all_topics() -> list[Topic]:
    return sorted(_TOPICS.values(), key=lambda t: t.code)
