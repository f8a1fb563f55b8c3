// UI strings for scripts: the catalogue base.html renders from JS_STRINGS (already translated by the server).
let catalogue = null;

function load() {
  if (catalogue === null) {
    const el = document.getElementById("i18n");
    try {
      catalogue = el ? JSON.parse(el.textContent) : {};
    } catch {
      catalogue = {};
    }
  }
  return catalogue;
}

/** The string for `key` with {name} placeholders filled from `params`; `fallback` until the key is listed. */
export function t(key, params = {}, fallback = key) {
  const template = load()[key] ?? fallback;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}
