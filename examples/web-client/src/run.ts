import { runExample } from "./example.js";

// Runs the example against a gateway: `pnpm start` in the repo root serves the demo and
// prints its URL and keys; then, here, `pnpm build && IMGRAPH_API_KEY=<key> pnpm start`.
const url = process.env.IMGRAPH_URL ?? "http://127.0.0.1:4000/graphql";
const headers: Record<string, string> = process.env.IMGRAPH_TOKEN
  ? { authorization: `Bearer ${process.env.IMGRAPH_TOKEN}` }
  : { "x-api-key": process.env.IMGRAPH_API_KEY ?? "" };
const result = await runExample(
  { url, headers },
  { from: process.env.IMGRAPH_FROM ?? "alice", to: process.env.IMGRAPH_TO ?? "bob" },
);
console.log(JSON.stringify(result, null, 2));
