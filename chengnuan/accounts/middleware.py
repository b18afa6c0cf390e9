from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from chengnuan.accounts.access import LoginRequired


class LoginRedirectMiddleware:
    """Turns accounts.access.LoginRequired raised by a page into a redirect to sign in."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, LoginRequired):
            return HttpResponseRedirect(exception.login_url)
        return None
