// Label colours as CSS custom properties in a constructed style sheet (the CSP forbids inline style).
const COLOR = /^#[0-9a-f]{3,8}$/i;

export function installColours(labels) {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync((labels || []).filter((l) => COLOR.test(l.color || ""))
    .map((l) => `[data-label="${CSS.escape(l.name)}"] { --c: ${l.color}; }`).join("\n"));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** The labels a page lists in <script type="application/json" id="label-colours">. */
export function installPageColours() {
  const el = document.getElementById("label-colours");
  if (!el) return;
  try {
    installColours(JSON.parse(el.textContent));
  } catch {
    // colours are decoration; a page without them still works
  }
}
