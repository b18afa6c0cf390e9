"""Measuring a page against the 适老化 rules (elder_checks.js) and axe-core (vendored, test-only)."""

from pathlib import Path

HERE = Path(__file__).parent
ELDER_CHECKS = (HERE / "elder_checks.js").read_text(encoding="utf-8")
AXE = (HERE / "vendor" / "axe.min.js").read_text(encoding="utf-8")
# What a person on a phone must not meet; "moderate" and "minor" findings are reported by axe
# too, but the bar is these two.
BLOCKING_IMPACTS = {"serious", "critical"}


def elder_problems(page, *, min_text: float, min_target: float) -> list[str]:
    return page.evaluate(ELDER_CHECKS, {"minText": min_text, "minTarget": min_target})


def axe_problems(page) -> list[str]:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        # Evaluated through the DevTools protocol, which the page's CSP does not govern (a
        # <script> tag would be refused, as it should be).
        page.evaluate(AXE + "\n;true")
    result = page.evaluate(
        "() => axe.run(document, {resultTypes: ['violations'], runOnly: {type: 'tag', "
        "values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
    )
    return [
        f"axe {v['impact']} {v['id']}: {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in BLOCKING_IMPACTS
    ]
