"""The web app's files (core.views): the manifest, the service worker at the site's root, the
offline page."""

import json

import pytest

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_in_chinese_with_maskable_icons(client):
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "城暖农民工" and manifest["lang"] == "zh-CN"
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    sizes = {(icon["sizes"], icon.get("purpose", "any")) for icon in manifest["icons"]}
    assert sizes == {(s, p) for s in ("192x192", "512x512") for p in ("any", "maskable")}
    for icon in manifest["icons"]:
        png = client.get(icon["src"])
        assert png.status_code == 200
        body = b"".join(png.streaming_content) if png.streaming else png.content
        assert body[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_service_worker_is_served_from_the_root_as_a_script_checked_each_visit(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert response["Cache-Control"] == "no-cache"
    text = response.content.decode()
    assert '"/offline/"' in text and "/static/css/site.css" in text
    assert "X-Offline-Copy" in text and "&quot;" not in text


def test_the_service_worker_version_follows_the_shell_files(client, settings, tmp_path):
    from chengnuan.core import views

    views._SHELL_VERSION.clear()
    first = client.get("/sw.js").content
    static_dir = tmp_path / "static"
    for name in views.APP_SHELL_FILES:
        source = settings.BASE_DIR / "static" / name
        target = static_dir / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(source.read_bytes())
    (static_dir / "css" / "site.css").write_text("body { color: red; }", encoding="utf-8")
    settings.STATICFILES_DIRS = [static_dir]
    from django.contrib.staticfiles import finders

    finders.get_finder.cache_clear()
    views._SHELL_VERSION.clear()  # a new process, as after a deploy
    try:
        assert client.get("/sw.js").content != first
    finally:
        finders.get_finder.cache_clear()
        views._SHELL_VERSION.clear()


def test_the_offline_page_says_what_still_works(client):
    page = client.get("/offline/").content.decode()
    assert "现在没有网络" in page and "/me/saved/" in page
