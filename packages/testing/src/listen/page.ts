/**
 * The inspector's one HTML page: the session token in a meta tag, the bundled script and style served by the
 * same process (no CDN, works offline), and a policy that lets the page load nothing else.
 * @module
 */

/** Headers of every UI answer: no framing, no sniffing, no referrer (the stream's URL carries the token). */
export const UI_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cache-control": "no-store",
};

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The page for a session.
 *
 * @example
 * const html = pageHtml({ token, title: "hookproof listen · stack-auth" });
 */
export function pageHtml(options: { token: string; title: string }): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="hookproof-token" content="${escapeHtml(options.token)}">
<title>${escapeHtml(options.title)}</title>
<link rel="stylesheet" href="/_hookproof/style.css">
<script defer src="/_hookproof/app.js"></script>
</head>
<body>
<a class="skip" href="#list">Skip to deliveries</a>
<header class="top">
  <h1>hookproof listen</h1>
  <p id="summary" class="summary">Loading…</p>
  <p id="live" class="live" role="status">connecting</p>
</header>
<section class="toolbar" aria-label="Filters and sending">
  <label>Provider <select id="filter-provider"><option value="">all</option></select></label>
  <label>Event type <select id="filter-type"><option value="">all</option></select></label>
  <label>Verdict <select id="filter-verdict">
    <option value="">all</option><option value="valid">valid</option>
    <option value="duplicate">duplicate</option><option value="rejected">rejected</option>
  </select></label>
  <span class="spacer"></span>
  <label>Fixture <select id="fixture"></select></label>
  <button type="button" id="send-fixture">Send fixture</button>
</section>
<main class="split">
  <nav class="list-pane" aria-label="Deliveries">
    <h2 id="list-heading">Deliveries</h2>
    <ol id="list" class="list" tabindex="-1" aria-labelledby="list-heading"></ol>
    <p id="empty" class="empty">No deliveries yet. Point a sender at this address, or send one: <code id="empty-command">hookproof send</code></p>
  </nav>
  <section id="detail" class="detail" aria-label="Delivery" tabindex="-1">
    <p class="empty">Choose a delivery to see its verdict, headers, body and the app's answer.</p>
  </section>
</main>
<p id="message" class="message" role="alert" hidden></p>
</body>
</html>
`;
}
