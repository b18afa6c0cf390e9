"""Draws the web app's icons (static/icons/) with the headless Chromium the browser tests use:
the brand's red, full bleed (so Android's masks may crop any shape), the character 暖 inside
the central 60 % (the maskable safe zone is the central 80 % circle).

    .venv/bin/python scripts/make_icons.py
"""

import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

OUT = Path(__file__).resolve().parent.parent / "static" / "icons"
PAGE = """<!doctype html><meta charset="utf-8"><style>
html, body { margin:0; }
div { width:{size}px; height:{size}px; background:#c0392b; color:#fff; display:flex;
      align-items:center; justify-content:center; font:700 {font}px "WenQuanYi Micro Hei",
      "Noto Sans CJK SC", sans-serif; }
</style><div>暖</div>"""


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        for size in (192, 512):
            page = browser.new_page(viewport={"width": size, "height": size})
            html = PAGE.replace("{size}", str(size)).replace("{font}", str(int(size * 0.5)))
            page.set_content(html)
            page.locator("div").screenshot(path=str(OUT / f"icon-{size}.png"))
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
