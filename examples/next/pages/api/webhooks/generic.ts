import { createPagesHandler } from "@hookproof/next";
import { webhooks } from "@/src/webhooks";

// Next must not parse the body: the signature covers the exact bytes sent. Next reads this statically.
export const config = { api: { bodyParser: false } };

export default createPagesHandler(() => webhooks().generic);
