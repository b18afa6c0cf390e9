from django.http import HttpRequest


def site(request: HttpRequest) -> dict[str, object]:
    """Large-text mode (适老化) is a cookie so it survives sign-out and works without JS."""
    return {"large_text": request.COOKIES.get("large_text") == "1", "site_name": "城暖农民工"}
