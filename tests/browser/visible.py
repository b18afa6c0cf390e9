"""What a person sees of an element, read from the browser's computed styles."""

# The element's text colour against the first non-transparent background behind it (itself or
# an ancestor; white when none has one), as the WCAG contrast ratio.
_CONTRAST = """
(el) => {
  const rgba = (text) => {
    const parts = text.match(/[\\d.]+/g).map(Number);
    return {r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1};
  };
  const luminance = ({r, g, b}) => {
    const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  let background = {r: 255, g: 255, b: 255, a: 1};
  for (let node = el; node instanceof Element; node = node.parentElement) {
    const colour = rgba(getComputedStyle(node).backgroundColor);
    if (colour.a > 0) { background = colour; break; }
  }
  const text = rgba(getComputedStyle(el).color);
  const [light, dark] = [luminance(text), luminance(background)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
"""


def contrast_with_background(locator) -> float:
    return float(locator.evaluate(_CONTRAST))
