"""「读给我听」 on a job's page: hidden where the browser has no Chinese voice (headless Chromium
has none at all), shown and reading the job's text where one exists (a stubbed speech
synthesis, put in place before the page's scripts run)."""

import pytest
from playwright.sync_api import expect

from tests.factories import PostingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# A speech synthesis with the given voices that records what it is asked to say.
STUB = """(langs) => {
  window.spoken = [];
  const voices = langs.map((lang) => ({ lang, name: "测试 " + lang, voiceURI: lang, default: false, localService: true }));
  window.SpeechSynthesisUtterance = function (text) { this.text = text; };
  Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
    speaking: false,
    getVoices: () => voices,
    speak(utterance) { window.spoken.push({ text: utterance.text, lang: utterance.lang, voice: utterance.voice.name }); },
    cancel() {},
    addEventListener() {},
  }});
}"""


@pytest.fixture
def job_page(new_page):
    posting = PostingFactory(
        title="汽车配件装配普工", description="负责配件装配，有师傅带，不会可以学。"
    )

    def open_with(voices: list[str] | None):
        page = new_page()
        if voices is not None:
            page.add_init_script(f"({STUB})({voices!r})")
        page.goto(f"/jobs/{posting.pk}/")
        return page

    return open_with


def test_hidden_in_a_browser_without_any_voice(job_page):
    page = job_page(None)
    assert page.evaluate("speechSynthesis.getVoices().length") == 0
    expect(page.locator("button[data-read-aloud]")).to_be_hidden()


def test_hidden_where_the_only_voices_are_not_chinese(job_page):
    page = job_page(["en-US", "de-DE"])
    expect(page.locator("button[data-read-aloud]")).to_be_hidden()


def test_shown_with_a_chinese_voice_and_reads_the_job_aloud(job_page):
    page = job_page(["en-US", "zh-CN"])
    button = page.get_by_role("button", name="读给我听")
    expect(button).to_be_visible()
    button.click()
    spoken = page.evaluate("window.spoken")
    assert len(spoken) == 1
    assert spoken[0]["lang"] == "zh-CN" and spoken[0]["voice"] == "测试 zh-CN"
    assert "汽车配件装配普工" in spoken[0]["text"] and "有师傅带" in spoken[0]["text"]
    assert "读给我听" not in spoken[0]["text"]  # the button is not part of what is read
    expect(page.get_by_role("button", name="停止朗读")).to_be_visible()
