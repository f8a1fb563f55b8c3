// Why the server suggests what it suggests (services/projection.py and services/mentions.py send these English
// phrases, stable for scripts), in the page's language.
import { t } from "./i18n.js";

const SAID = {
  "actor name": () => t("actor name"),
  "words across languages": () => t("words across languages"),
  "the one word left unmatched": () => t("the one word left unmatched"),
  "name across scripts": () => t("name across scripts"),
  "name across scripts, widened by position": () => t("name across scripts, widened by position"),
  number: () => t("number"),
  quotation: () => t("quotation"),
  "relative position": () => t("relative position"),
  "the span's sentence has no counterpart in this version": () =>
    t("the span's sentence has no counterpart in this version"),
  "no counterpart found": () => t("no counterpart found"),
  "listed name": () => t("listed name"),
  "inflected form": () => t("inflected form"),
};

/** The reason (or the error) of a suggestion as the page's language says it; anything else as it came. */
export function reasonText(reason) {
  return Object.hasOwn(SAID, reason) ? SAID[reason]() : reason;
}
