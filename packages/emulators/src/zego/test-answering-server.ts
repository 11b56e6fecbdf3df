/**
 * Test support: the app's server as ZIM's before_send_msg sees it. Every callback is
 * recorded; `answer` decides each reply (status and JSON body, a raw body, or "hang").
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach } from "vitest";

export type Reply = { status?: number; json?: unknown; raw?: string } | "hang";

export interface AnsweringServer {
  url: string;
  /** Parsed bodies, in arrival order (every event, not only before_send_msg). */
  received: Record<string, unknown>[];
  answer: (body: Record<string, unknown>) => Reply;
  /** The before_send_msg bodies received so far. */
  asked(): Record<string, unknown>[];
}

/** One server for a test file; before each test it forgets and answers `{result: 1}`. */
export function useAnsweringServer(): AnsweringServer {
  const held = new Set<() => void>();
  const s: AnsweringServer = {
    url: "",
    received: [],
    answer: () => ({ json: { result: 1 } }),
    asked: () => s.received.filter((b) => b.event === "before_send_msg"),
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
      s.received.push(body);
      // Other events get a plain 200; only before_send_msg reads the answer.
      const reply = body.event === "before_send_msg" ? s.answer(body) : { status: 200 };
      if (reply === "hang") {
        held.add(() => res.destroy());
        return;
      }
      res.writeHead(reply.status ?? 200, { "content-type": "application/json" });
      res.end(reply.raw ?? JSON.stringify(reply.json ?? {}));
    });
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    s.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/zim-callback`;
  });
  beforeEach(() => {
    s.received.length = 0;
    s.answer = () => ({ json: { result: 1 } });
  });
  afterAll(async () => {
    for (const drop of held) drop();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });
  return s;
}

/** A simulated client-SDK send through the emulator's client path. */
export async function clientSend(
  emulatorUrl: string,
  body: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const res = await fetch(`${emulatorUrl}/zim-client/send`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}
