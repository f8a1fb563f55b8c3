// UI strings for scripts. The English text is the msgid: `t("{n} spans", { n })`. pybabel extracts these calls
// (keyword `t`); the server renders the translations of exactly these msgids into base.html (annotator/i18n.py).
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

/** `msgid` translated into the page's language, with {name} placeholders filled from `params`. */
export function t(msgid, params = {}) {
  const template = load()[msgid] || msgid;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The page's language (`<html lang>`), for dates and numbers formatted in scripts. */
export function pageLocale() {
  return document.documentElement.lang || "en";
}
