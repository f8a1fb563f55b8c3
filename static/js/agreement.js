// The agreement dashboard: server-rendered tables; the script only colours the labels and applies a
// changed filter at once.
import { installPageColours } from "./review-colours.js";

installPageColours();
const form = document.getElementById("agreement-filters");
form?.addEventListener("change", (e) => {
  if (e.target.matches("select")) form.requestSubmit();
});
