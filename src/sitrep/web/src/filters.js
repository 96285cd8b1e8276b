// The filters live in the URL (?type=ASSAULT&since=…), so a view can be shared by its address.
export const FIELDS = ["since", "until", "type", "actor", "country", "place", "modality", "text"];

export function readURL() {
  const params = new URLSearchParams(location.search);
  return Object.fromEntries(FIELDS.map((f) => [f, params.get(f) || ""]));
}

export function writeURL(filters, extra = {}) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filters, ...extra })) if (v) params.set(k, v);
  history.pushState(null, "", params.size ? `?${params}` : location.pathname);
}

export function fillForm(form, filters) {
  for (const f of FIELDS) form.elements[f].value = filters[f] || "";
}

export function readForm(form) {
  return Object.fromEntries(FIELDS.map((f) => [f, form.elements[f].value.trim()]));
}
