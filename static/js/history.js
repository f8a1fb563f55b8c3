// A document's history page: "Restore" brings a deleted span back (and the relations deleted with it).
import { api } from "./api.js";
import { t } from "./i18n.js";
import { installPageColours } from "./review-colours.js";

function toast(message) {
  const box = document.getElementById("toasts");
  const item = document.createElement("div");
  item.className = "toast toast-error";
  item.setAttribute("role", "alert");
  item.textContent = message;
  box.appendChild(item);
  setTimeout(() => item.remove(), 6000);
}

async function restore(btn) {
  btn.disabled = true;
  try {
    await api.post(`/spans/${btn.dataset.spanId}/restore`);
    for (const other of document.querySelectorAll(`.restore-btn[data-span-id="${CSS.escape(btn.dataset.spanId)}"]`)) {
      const done = document.createElement("span");
      done.className = "restored muted";
      done.textContent = t("Restored");
      other.replaceWith(done);
    }
  } catch (exc) {
    btn.disabled = false;
    toast(t("Could not restore: {message}", { message: exc.message }));
  }
}

installPageColours();
document.getElementById("history")?.addEventListener("click", (e) => {
  const btn = e.target.closest(".restore-btn");
  if (btn) restore(btn);
});
document.documentElement.dataset.historyReady = "1";
