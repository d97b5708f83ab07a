const routes = [
  ["POST /webhooks/stack-auth", "Stack Auth, App Router, Node runtime"],
  ["POST /webhooks/generic", "generic sender, App Router, Node runtime"],
  ["POST /api/webhooks/generic", "generic sender, Pages Router"],
  ["POST /webhooks/edge/stack-auth", "Stack Auth, App Router, Edge runtime (GET lists what it handled)"],
  ["GET /handled", "what the Node routes handled"],
  ["GET /health", "200 when the routers are configured"],
];

export default function Home() {
  return (
    <main>
      <h1>hookproof webhook receiver</h1>
      <ul>
        {routes.map(([route, what]) => (
          <li key={route}>
            <code>{route}</code>: {what}
          </li>
        ))}
      </ul>
    </main>
  );
}
