// The 适老化 rules of DESIGN.md, measured in the page as a person sees it. Evaluated by
// tests/browser/elder.py with {minText, minTarget}; returns a list of problems (empty = pass).
({ minText, minTarget }) => {
  const problems = [];
  const describe = (el) => {
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    return `<${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().replace(/\s+/g, ".") : ""}> 「${text.slice(0, 20)}」`;
  };
  const visible = (el) => {
    const style = getComputedStyle(el);
    if (style.visibility === "hidden" || style.display === "none") return false;
    if (el.closest("[hidden], .visually-hidden, [aria-hidden=true]")) return false;
    const box = el.getBoundingClientRect();
    return box.width > 1 && box.height > 1;
  };

  // Horizontal scroll: the page must fit the screen.
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth) {
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right > root.clientWidth + 0.5 && visible(el))
      .slice(-3)
      .map(describe);
    problems.push(`page is ${root.scrollWidth}px wide on a ${root.clientWidth}px screen: ${wide.join(", ")}`);
  }

  // Text size and contrast, for every element that holds text of its own.
  const parse = (color) => {
    const m = color.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const parts = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  };
  const background = (el) => {
    // The first opaque background up the tree, blending translucent ones on top of it.
    const layers = [];
    for (let node = el; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg && bg.a > 0) {
        layers.push(bg);
        if (bg.a >= 1) break;
      }
    }
    let result = { r: 255, g: 255, b: 255 };
    for (const layer of layers.reverse()) {
      result = {
        r: layer.r * layer.a + result.r * (1 - layer.a),
        g: layer.g * layer.a + result.g * (1 - layer.a),
        b: layer.b * layer.a + result.b * (1 - layer.a),
      };
    }
    return result;
  };
  const luminance = ({ r, g, b }) => {
    const channel = (v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  for (const el of document.body.querySelectorAll("*")) {
    const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    const isField = el.matches("input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea");
    if ((!ownText && !isField) || !visible(el) || el.closest("script, style, noscript")) continue;
    const style = getComputedStyle(el);
    const size = parseFloat(style.fontSize);
    if (size < minText - 0.01) problems.push(`text ${size}px < ${minText}px: ${describe(el)}`);
    const fg = parse(style.color);
    const ratio = contrast({ r: fg.r, g: fg.g, b: fg.b }, background(el));
    if (ratio < 4.5) problems.push(`contrast ${ratio.toFixed(2)}:1 < 4.5:1: ${describe(el)}`);
  }

  // Touch targets: everything a finger presses. A link inside a sentence is exempt (WCAG 2.5.8);
  // a checkbox or radio is pressed through its label, so the label is measured.
  const targets = document.body.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]"
  );
  for (const el of targets) {
    if (!visible(el)) continue;
    let target = el;
    if (el.matches("input[type=checkbox], input[type=radio]")) target = el.closest("label") || el;
    if (el.matches("a") && !el.matches(".button, .chip, nav a, .brand")) {
      const parent = el.parentElement;
      const around = parent ? parent.innerText.replace(el.innerText, "").trim() : "";
      if (around.length > 0 && getComputedStyle(el).display === "inline") continue;
    }
    const box = target.getBoundingClientRect();
    if (box.height < minTarget - 0.5 || box.width < minTarget - 0.5) {
      problems.push(`target ${Math.round(box.width)}x${Math.round(box.height)}px < ${minTarget}px: ${describe(target)}`);
    }
  }
  return [...new Set(problems)];
}
