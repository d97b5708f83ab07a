/** Runs once when `next start` starts: on the Node runtime, checks the config and wires graceful shutdown. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { onServerStart } = await import("./src/on-server-start");
    onServerStart();
  }
}
