// A CommonJS app on Express 4, as a user writes one with require(): the packages installed from their
// tarballs resolve to their `require` builds. The consumer test sends it deliveries over HTTP.
const express = require("express");
const { createWebhooks } = require("@hookproof/core");
const { generic } = require("@hookproof/providers");
const { handleWebhooks } = require("@hookproof/express");

const { PORT, GENERIC_WEBHOOK_SECRET } = process.env;
const handled = [];

const hooks = createWebhooks({ provider: generic({ secret: GENERIC_WEBHOOK_SECRET }) })
  .on("user.created", (event, context) => {
    handled.push(`${context.id} ${event.data.id}`);
  })
  .on("project.created", (event) => {
    handled.push(event.data.id);
  });

const app = express();
app.post("/webhooks", handleWebhooks(hooks));
app.get("/handled", (_req, res) => res.json(handled));
app.use(express.json());

app.listen(Number(PORT), "127.0.0.1", () => {
  console.log(`listening on ${PORT}`);
});
