// The export page: says what the chosen format cannot hold of this export (the API's X-Export-Losses header,
// read without downloading the file), and leaves out the split fields when no split is asked for.
const form = document.querySelector(".export-form");
const out = document.getElementById("export-losses");
let controller = null;

function query() {
  const params = new URLSearchParams(new FormData(form));
  if (!params.get("split")) for (const name of ["split", "seed", "part"]) params.delete(name);
  for (const [name, value] of [...params]) if (value === "") params.delete(name, value);
  return params;
}

async function check() {
  if (controller) controller.abort();
  controller = new AbortController();
  out.textContent = out.dataset.checking;
  try {
    const response = await fetch(`${form.action}?${query()}`, { signal: controller.signal, credentials: "same-origin" });
    const header = response.headers.get("X-Export-Losses");
    controller.abort();  // only the header was wanted
    if (!response.ok) {
      out.textContent = "";
      return;
    }
    const losses = header ? Object.entries(JSON.parse(header)) : [];
    out.textContent = losses.length ? `${out.dataset.some} ${losses.map(([what, n]) => `${n} ${what}`).join("; ")}`
      : out.dataset.none;
    out.dataset.losses = header || "{}";
  } catch (exc) {
    if (exc.name !== "AbortError") out.textContent = "";
  }
}

if (form && out) {
  form.addEventListener("change", check);
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    window.location.assign(`${form.action}?${query()}`);
  });
  check();
}
