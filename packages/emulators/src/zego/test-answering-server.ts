/**
 * Test support: the app's server as ZIM's before_send_msg sees it. Every callback is
 * recorded; `answer` decides each reply (status and JSON body, a raw body, or "hang").
 */
import { useLocalServer } from "../testing/local-server.js";

export type Reply = { status?: number; json?: unknown; raw?: string } | "hang";

export interface AnsweringServer {
  readonly url: string;
  /** Parsed bodies, in arrival order (every event, not only before_send_msg). */
  received: Record<string, unknown>[];
  answer: (body: Record<string, unknown>) => Reply;
  /** The before_send_msg bodies received so far. */
  asked(): Record<string, unknown>[];
}

/** One server for a test file; before each test it forgets and answers `{result: 1}`. */
export function useAnsweringServer(): AnsweringServer {
  const received: Record<string, unknown>[] = [];
  const server = useLocalServer(
    "/zim-callback",
    (request) => {
      const body = JSON.parse(request.body) as Record<string, unknown>;
      received.push(body);
      // Other events get a plain 200; only before_send_msg reads the answer.
      const reply = body.event === "before_send_msg" ? s.answer(body) : { status: 200 };
      if (reply === "hang") return "hang";
      return {
        status: reply.status ?? 200,
        contentType: "application/json",
        body: reply.raw ?? JSON.stringify(reply.json ?? {}),
      };
    },
    () => {
      received.length = 0;
      s.answer = () => ({ json: { result: 1 } });
    },
  );
  const s: AnsweringServer = {
    get url() {
      return server.url;
    },
    received,
    answer: () => ({ json: { result: 1 } }),
    asked: () => received.filter((b) => b.event === "before_send_msg"),
  };
  return s;
}
