"""core.middleware.GZipPagesMiddleware: pages and the service worker leave compressed; the
JSON API and the manifest are left alone."""

import gzip

import pytest

from tests.factories import PostingFactory

pytestmark = pytest.mark.django_db


def test_a_page_is_gzipped_for_a_browser_that_accepts_it(client):
    posting = PostingFactory(title="汽车配件装配普工")
    response = client.get(f"/jobs/{posting.pk}/", headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "汽车配件装配普工" in gzip.decompress(response.content).decode()
    assert "Accept-Encoding" in response["Vary"]


def test_without_accept_encoding_the_page_is_plain(client):
    response = client.get("/jobs/")
    assert not response.has_header("Content-Encoding")


def test_the_service_worker_is_gzipped_too(client):
    response = client.get("/sw.js", headers={"Accept-Encoding": "gzip"})
    assert "X-Offline-Copy" in gzip.decompress(response.content).decode()


def test_the_json_api_and_the_manifest_are_left_alone(client):
    for url in ("/api/v1/postings", "/manifest.webmanifest"):
        response = client.get(url, headers={"Accept-Encoding": "gzip"})
        assert response.status_code == 200, url
        assert not response.has_header("Content-Encoding"), url
