from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str | None:
    """The client's address for rate limits. REMOTE_ADDR only: behind a load balancer, have
    the proxy set it (a client-supplied X-Forwarded-For would let anyone dodge the limits)."""
    return request.META.get("REMOTE_ADDR") or None
