import type { AddressInfo } from "node:net";
import { createServer, type Server, Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayConfig, SERVER_DEFAULTS } from "../src/config/types.js";
import { type RunningGateway, startGateway } from "../src/gateway.js";
import { createLogger } from "../src/logger.js";
import { gql, logSink } from "./helpers.js";

// No caller waits past its deadline: a request stuck in something the deadline cannot abort
// (here an identity provider's key set that never answers, whose fetch has its own 5 s
// timeout) is answered 504 DEADLINE_EXCEEDED just after its deadline.

describe("the request deadline", () => {
  let jwks: Server;
  const sockets: Socket[] = [];
  let g: RunningGateway;
  const { sink, lines } = logSink();
  const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  beforeAll(async () => {
    // Accepts connections and never answers.
    jwks = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((r) => jwks.listen(0, "127.0.0.1", r));
    const { port } = jwks.address() as AddressInfo;
    const config: GatewayConfig = {
      server: { ...SERVER_DEFAULTS, port: 0, playground: false, requestTimeoutMs: 400 },
      auth: {
        apiKeys: [],
        jwt: {
          jwksUrl: `http://127.0.0.1:${port}/jwks.json`,
          roleClaim: "role",
          adminRoles: ["admin"],
        },
      },
      apps: [
        {
          id: "chat",
          vendor: "rongcloud",
          options: { appKey: "k", appSecret: "s", origins: ["http://127.0.0.1:9"] },
        },
      ],
      defaultApp: "chat",
      logLevel: "silent",
      demo: false,
    };
    g = await startGateway(config, { log: createLogger("info", sink) });
  });
  afterAll(async () => {
    await g?.close();
    for (const s of sockets) s.destroy();
    await new Promise((r) => jwks?.close(r));
  });

  it("answers 504 DEADLINE_EXCEEDED just after the deadline when the work cannot be aborted", async () => {
    // Any well-formed token makes the gateway fetch the key set; its signature never matters.
    const header = Buffer.from('{"alg":"ES256","kid":"k1"}').toString("base64url");
    const body = Buffer.from('{"sub":"alice","exp":9999999999}').toString("base64url");
    const started = Date.now();
    const r = await gql(
      g.url,
      "query { apps { id } }",
      {},
      {
        authorization: `Bearer ${header}.${body}.c2ln`,
      },
    );
    const took = Date.now() - started;
    expect(r.status).toBe(504);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: "DEADLINE_EXCEEDED" });
    expect(r.errors?.[0]?.extensions?.requestId).toEqual(expect.any(String));
    // 400 ms deadline + 250 ms grace; far from the key-set fetch's own 5 s.
    expect(took).toBeGreaterThanOrEqual(600);
    expect(took).toBeLessThan(3_000);
  });

  it("ends a request whose body trickles in: 408 within about twice the deadline", async () => {
    const { hostname, port } = new URL(g.url);
    const socket = new Socket();
    sockets.push(socket);
    const started = Date.now();
    const answer = new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk) => {
        text += chunk.toString();
      });
      socket.on("close", () => resolve(text));
    });
    socket.connect(Number(port), hostname, () => {
      socket.write(
        "POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{",
      );
    });
    // One byte every 100 ms: never done.
    const drip = setInterval(() => socket.writable && socket.write(" "), 100);
    const text = await answer;
    clearInterval(drip);
    expect(text).toMatch(/^HTTP\/1\.1 408/);
    // Logged as the client's doing, not as an error of ours.
    await new Promise((r) => setTimeout(r, 50));
    expect(logged().filter((e) => e.level === 50)).toEqual([]);
    expect(logged()).toContainEqual(expect.objectContaining({ outcome: "aborted", status: 408 }));
    // 2 x 400 ms, checked every second: far from Node's default five minutes.
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
