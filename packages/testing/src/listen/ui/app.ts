/**
 * The inspector page: the deliveries as a live list (server-sent events), one delivery's verdict, headers,
 * body and the app's answer, filters, and the actions. Plain DOM, no framework; every text goes in through
 * `textContent`, never as HTML, since bodies and headers are whatever a sender sent.
 * @module
 */
import type { DeliveryView } from "../redact.js";

interface Info {
  provider: string;
  forward: string | null;
  tolerance: number;
  dir: string;
  fixtures: string[];
}

const token = document.querySelector<HTMLMetaElement>('meta[name="hookproof-token"]')?.content ?? "";
const deliveries = new Map<number, DeliveryView>();
let info: Info | undefined;
let selected: number | undefined;
let editing = false;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const list = byId<HTMLOListElement>("list");
const detail = byId<HTMLElement>("detail");
const live = byId<HTMLElement>("live");
const message = byId<HTMLElement>("message");
const filters = {
  provider: byId<HTMLSelectElement>("filter-provider"),
  type: byId<HTMLSelectElement>("filter-type"),
  verdict: byId<HTMLSelectElement>("filter-verdict"),
};

type Child = Node | string | false | null | undefined;

/** An element with attributes and children; strings become text nodes. */
function h(
  tag: string,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === true) element.setAttribute(name, "");
    else if (typeof value === "string") element.setAttribute(name, value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/_hookproof/api/${path}`, {
    ...init,
    headers: { "x-hookproof-token": token, "content-type": "application/json" },
  });
  const body = (await response.json()) as T & { error?: { message?: string } };
  if (!response.ok) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return body;
}

function say(text: string, isError = false): void {
  message.textContent = text;
  message.hidden = false;
  message.classList.toggle("error", isError);
}

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour12: false });

function verdictLabel(view: DeliveryView): string {
  const { verdict } = view;
  if (verdict.status === "rejected") return `rejected · ${verdict.code}`;
  if (verdict.status === "duplicate") return `duplicate of #${verdict.duplicateOf}`;
  return "valid";
}

function appLabel(view: DeliveryView): string {
  const { answer } = view;
  if (answer === null) return info?.forward ? "app …" : "";
  return "error" in answer ? "app unreachable" : `app ${answer.status}`;
}

function pretty(text: string | null, bytes: number): string {
  if (text === null) return `(${bytes} bytes that are not UTF-8 text)`;
  if (text === "") return "(empty)";
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function visible(): DeliveryView[] {
  return [...deliveries.values()]
    .filter(
      (view) =>
        (!filters.provider.value || view.provider === filters.provider.value) &&
        (!filters.type.value || view.verdict.type === filters.type.value) &&
        (!filters.verdict.value || view.verdict.status === filters.verdict.value),
    )
    .sort((a, b) => b.seq - a.seq);
}

/** Keeps a filter's options in step with what the history holds, keeping its choice. */
function fillFilter(select: HTMLSelectElement, values: Iterable<string>): void {
  const chosen = select.value;
  const wanted = ["", ...[...new Set(values)].sort()];
  const have = [...select.options].map((option) => option.value);
  if (wanted.join("\n") === have.join("\n")) return;
  select.replaceChildren(...wanted.map((value) => h("option", { value }, value || "all")));
  select.value = wanted.includes(chosen) ? chosen : "";
}

function renderList(): void {
  const views = [...deliveries.values()];
  fillFilter(
    filters.provider,
    views.map((view) => view.provider),
  );
  fillFilter(
    filters.type,
    views.flatMap((view) => (view.verdict.type ? [view.verdict.type] : [])),
  );
  const focused = (document.activeElement as HTMLElement | null)?.dataset.seq;
  const rows = visible().map((view) =>
    h(
      "li",
      {},
      h(
        "button",
        {
          type: "button",
          class: `row verdict-${view.verdict.status}`,
          "data-seq": String(view.seq),
          "aria-current": view.seq === selected ? "true" : undefined,
        },
        h("span", { class: "seq" }, `#${view.seq}`),
        h("span", { class: "time" }, time(view.receivedAt)),
        h("span", { class: "type" }, view.verdict.type ?? "(no type)"),
        h("span", { class: "badge" }, verdictLabel(view)),
        h("span", { class: "app" }, appLabel(view)),
      ),
    ),
  );
  list.replaceChildren(...rows);
  byId("empty").hidden = deliveries.size > 0;
  if (focused !== undefined) list.querySelector<HTMLElement>(`[data-seq="${focused}"]`)?.focus();
}

function answerSection(view: DeliveryView): HTMLElement {
  const { answer } = view;
  const heading = h("h3", {}, "The app's answer");
  if (answer === null) {
    const text = info?.forward
      ? "Waiting for the app…"
      : "Not forwarded: start listen with --forward <your app's URL>.";
    return h("section", { class: "answer" }, heading, h("p", {}, text));
  }
  if ("error" in answer)
    return h("section", { class: "answer" }, heading, h("p", { class: "bad" }, answer.error));
  const ok = answer.status >= 200 && answer.status < 300;
  return h(
    "section",
    { class: "answer" },
    heading,
    h("p", { class: ok ? "good" : "bad" }, `status ${answer.status} · ${answer.latencyMs} ms`),
    h("pre", { class: "code", tabindex: "0", "aria-label": "The app's answer body" }, pretty(answer.body, 0)),
  );
}

function actions(view: DeliveryView): HTMLElement {
  const own = view.provider === info?.provider;
  const button = (label: string, run: () => Promise<void>) => {
    const element = h("button", { type: "button", disabled: !own }, label) as HTMLButtonElement;
    element.addEventListener("click", () => void run());
    return element;
  };
  const editor = h("div", { class: "editor", hidden: true });
  const area = h("textarea", { id: "edit-body", rows: "14", spellcheck: "false" }) as HTMLTextAreaElement;
  const sendSigned = h("button", { type: "button" }, "Send signed");
  const cancel = h("button", { type: "button", class: "quiet" }, "Cancel");
  editor.append(
    h("label", { for: "edit-body" }, "Body to sign and send"),
    area,
    h("div", { class: "buttons" }, sendSigned, cancel),
  );
  const close = () => {
    editing = false;
    editor.hidden = true;
  };
  sendSigned.addEventListener("click", () => {
    close();
    void act(`edited #${view.seq}`, () =>
      api("send", { method: "POST", body: JSON.stringify({ body: area.value, from: view.seq }) }),
    );
  });
  cancel.addEventListener("click", close);
  const edit = button("Edit body and send signed", async () => {
    editing = true;
    area.value = pretty(view.body, view.bodyBytes);
    editor.hidden = false;
    area.focus();
  });
  const bar = h(
    "div",
    { class: "buttons" },
    button("Replay as captured", () =>
      act(`replay of #${view.seq}`, () => api(`deliveries/${view.seq}/replay`, { method: "POST" })),
    ),
    button("Replay re-signed", () =>
      act(`re-signed #${view.seq}`, () => api(`deliveries/${view.seq}/resign`, { method: "POST" })),
    ),
    edit,
  );
  const note = own
    ? null
    : h(
        "p",
        { class: "hint" },
        `Captured for ${view.provider}: start listen with -p ${view.provider} to send it again.`,
      );
  return h("section", { class: "actions", "aria-label": "Actions" }, bar, note, editor);
}

function renderDetail(): void {
  const view = selected === undefined ? undefined : deliveries.get(selected);
  if (view === undefined) return;
  const { verdict } = view;
  const rows = view.headers.map(([name, value]) =>
    h("tr", {}, h("th", { scope: "row" }, name), h("td", {}, value)),
  );
  detail.replaceChildren(
    h("h2", {}, `Delivery #${view.seq}`),
    h(
      "p",
      { class: "meta" },
      `${view.method} ${view.path} · ${new Date(view.receivedAt).toLocaleString()} · ${view.provider} · ${view.source === "http" ? "received" : view.source}`,
    ),
    h(
      "p",
      { class: `verdict verdict-${verdict.status}`, id: "verdict" },
      h("strong", {}, verdict.status),
      verdict.code ? h("code", {}, verdict.code) : null,
      ` ${verdict.reason}`,
    ),
    h(
      "ul",
      { class: "notes", hidden: verdict.notes.length === 0 },
      ...verdict.notes.map((note) => h("li", {}, note)),
    ),
    actions(view),
    answerSection(view),
    h("h3", {}, `Body (${view.bodyBytes} bytes)`),
    h(
      "pre",
      { class: "code", tabindex: "0", "aria-label": "Request body" },
      pretty(view.body, view.bodyBytes),
    ),
    h("h3", {}, "Headers"),
    h("table", { class: "headers" }, h("tbody", {}, ...rows)),
  );
}

function select(seq: number): void {
  selected = seq;
  editing = false;
  renderList();
  renderDetail();
}

function upsert(view: DeliveryView): void {
  deliveries.set(view.seq, view);
  renderList();
  if (view.seq === selected && !editing) renderDetail();
}

async function act(what: string, run: () => Promise<DeliveryView>): Promise<void> {
  say(`Sending ${what}…`);
  try {
    const view = await run();
    upsert(view);
    select(view.seq);
    list.querySelector<HTMLElement>(`[data-seq="${view.seq}"]`)?.focus();
    say(`Delivery #${view.seq} (${what}): ${verdictLabel(view)}${view.answer ? `, ${appLabel(view)}` : ""}.`);
  } catch (error) {
    say(`Could not send ${what}: ${(error as Error).message}`, true);
  }
}

list.addEventListener("click", (event) => {
  const row = (event.target as HTMLElement).closest<HTMLElement>("[data-seq]");
  if (row) select(Number(row.dataset.seq));
});
// Arrow keys move along the list; Tab leaves it.
list.addEventListener("keydown", (event) => {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const rows = [...list.querySelectorAll<HTMLElement>("[data-seq]")];
  const at = rows.indexOf(document.activeElement as HTMLElement);
  const next = rows[Math.min(rows.length - 1, Math.max(0, at + (event.key === "ArrowDown" ? 1 : -1)))];
  if (next) {
    event.preventDefault();
    next.focus();
  }
});
for (const filter of Object.values(filters)) filter.addEventListener("change", renderList);

function connect(): void {
  const source = new EventSource(`/_hookproof/api/stream?token=${encodeURIComponent(token)}`);
  let dropped = false;
  source.addEventListener("delivery", (event) =>
    upsert(JSON.parse((event as MessageEvent<string>).data) as DeliveryView),
  );
  source.addEventListener("open", () => {
    live.textContent = "live";
    live.className = "live on";
    // Catch up on what arrived while the stream was down.
    if (dropped) void load();
  });
  source.addEventListener("error", () => {
    dropped = true;
    const closed = source.readyState === EventSource.CLOSED;
    live.textContent = closed
      ? "disconnected: reload the page (a restarted listen starts a new session)"
      : "reconnecting…";
    live.className = "live off";
  });
}

async function load(): Promise<void> {
  const { deliveries: views } = await api<{ deliveries: DeliveryView[] }>("deliveries");
  for (const view of views) deliveries.set(view.seq, view);
  renderList();
}

async function start(): Promise<void> {
  info = await api<Info>("info");
  const forward = info.forward ? `forwarding to ${info.forward}` : "not forwarding";
  byId("summary").textContent =
    `${info.provider} · ${forward} · tolerance ±${info.tolerance} s · history in ${info.dir}`;
  byId("empty-command").textContent =
    `hookproof send http://${location.host}/webhooks -p ${info.provider} -e <event> -s <secret>`;
  const fixture = byId<HTMLSelectElement>("fixture");
  fixture.replaceChildren(...info.fixtures.map((event) => h("option", { value: event }, event)));
  const sendFixture = byId<HTMLButtonElement>("send-fixture");
  sendFixture.disabled = info.fixtures.length === 0;
  sendFixture.addEventListener("click", () => {
    const event = fixture.value;
    void act(`fixture ${event}`, () => api(`fixtures/${encodeURIComponent(event)}/send`, { method: "POST" }));
  });
  await load();
  connect();
}

start().catch((error: unknown) => say(`The inspector could not load: ${(error as Error).message}`, true));
