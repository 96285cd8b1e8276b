// Calls to this server's API only (relative URLs); every error body is {"error": {code, message, fix}}.
export async function getJSON(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null));
  const response = await fetch(`/api/${path}${query.size ? "?" + query : ""}`);
  const body = await response.json();
  if (!response.ok) {
    const e = body.error || {};
    throw new Error(`${e.code || response.status}: ${e.message || "request failed"}${e.fix ? " — " + e.fix : ""}`);
  }
  return body;
}
