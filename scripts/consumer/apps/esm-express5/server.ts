// An ESM TypeScript app on Express 5, as a user writes one: `module: nodenext`, the packages installed from
// their tarballs. The consumer test type-checks it, compiles it and sends it deliveries over HTTP.
import { createWebhooks, type WebhookVerificationError } from "@hookproof/core";
import { handleWebhooks, verifyWebhook } from "@hookproof/express";
import { stackAuth } from "@hookproof/providers/stack-auth";
import express from "express";

const { PORT, STACK_WEBHOOK_SECRET } = process.env;
const handled: string[] = [];

const hooks = createWebhooks({
  provider: stackAuth({ secret: STACK_WEBHOOK_SECRET! }),
  onRejected: (error: WebhookVerificationError) => console.log(`rejected ${error.code}`),
})
  .on("user.created", (event, context) => {
    const email: string | null = event.data.primary_email; // typed by the catalogue
    handled.push(`${context.id} ${event.data.id} ${email ?? "-"}`);
  })
  .on("team.created", (event) => {
    handled.push(event.data.display_name);
  });

declare module "@hookproof/express" {
  interface Register {
    webhooks: typeof hooks;
  }
}

const app = express();
app.post("/webhooks", handleWebhooks(hooks));
app.post("/verify-only", verifyWebhook(hooks), (req, res) => {
  const event = req.webhook;
  res.json({ type: event?.type, user: event?.type === "user.created" ? event.payload.data.id : null });
});
app.get("/handled", (_req, res) => {
  res.json(handled);
});
app.use(express.json());

const server = app.listen(Number(PORT), "127.0.0.1", () => {
  console.log(`listening on ${PORT}`);
});
process.once("SIGTERM", () => {
  void hooks.close().then(() => server.close());
});
