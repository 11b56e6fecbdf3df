import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { CallbackDispatcher } from "./callbacks.js";
import { createClock } from "./clock.js";

const sink = useCallbackSink();

/** A dispatcher on a real-time clock with this retry policy. */
const dispatcher = (timeoutMs: number, retries: number, backoffMs: number) =>
  new CallbackDispatcher(createClock(), { timeoutMs, retries, backoffMs });

/** A JSON callback of kind "t" to the sink. */
const jsonToSink = (body: string) => ({
  kind: "t",
  url: sink.url,
  contentType: "application/json",
  body,
});

describe("CallbackDispatcher", () => {
  it("POSTs the body with query params and headers, and logs the delivery", async () => {
    const d = dispatcher(1000, 0, 0);
    const rec = d.dispatch({
      kind: "test",
      app: "a1",
      url: `${sink.url}?fixed=1`,
      query: { sig: "abc" },
      headers: { "x-extra": "y" },
      contentType: "application/x-www-form-urlencoded",
      body: "a=1&b=2",
    });
    expect(rec.state).toBe("pending");
    await d.idle();
    expect(rec.state).toBe("delivered");
    const [cb] = sink.received;
    expect(cb?.method).toBe("POST");
    expect(cb?.query.get("fixed")).toBe("1");
    expect(cb?.query.get("sig")).toBe("abc");
    expect(cb?.headers["x-extra"]).toBe("y");
    expect(cb?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(cb?.body).toBe("a=1&b=2");
    expect(d.list({ app: "a1" })).toHaveLength(1);
    expect(d.list({ kind: "other" })).toHaveLength(0);
    await d.close();
  });

  it("retries non-2xx answers; flush() skips the back-off wait", async () => {
    sink.respond = (n) => (n < 3 ? 500 : 200);
    const d = dispatcher(1000, 2, 60_000);
    const rec = d.dispatch(jsonToSink("[]"));
    const t = Date.now();
    await d.flush();
    expect(Date.now() - t).toBeLessThan(2000);
    expect(rec.state).toBe("delivered");
    expect(rec.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    await d.close();
  });

  it("gives up after the retries and records timeouts and connection errors", async () => {
    sink.respond = () => "hang";
    const d = dispatcher(100, 1, 10);
    const rec = d.dispatch(jsonToSink("{}"));
    await d.idle();
    expect(rec.state).toBe("failed");
    expect(rec.attempts.map((a) => a.error)).toEqual(["timeout", "timeout"]);
    const refused = d.dispatch({
      kind: "t",
      url: "http://127.0.0.1:1/x",
      contentType: "text/plain",
      body: "",
      retry: { retries: 0 },
    });
    await d.idle();
    expect(refused.state).toBe("failed");
    expect(refused.attempts[0]?.error).toBeTruthy();
    await d.close();
  });

  it("close() aborts pending deliveries quickly", async () => {
    sink.respond = () => "hang";
    const d = dispatcher(60_000, 5, 60_000);
    const rec = d.dispatch(jsonToSink("{}"));
    await sink.waitFor(1);
    const t = Date.now();
    await d.close();
    expect(Date.now() - t).toBeLessThan(1000);
    expect(rec.state).toBe("failed");
  });
});
