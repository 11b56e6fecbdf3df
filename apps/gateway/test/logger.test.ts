import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, demoLogsPretty } from "../src/logger.js";

function sink() {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

describe("logger", () => {
  it("pretty lines are readable and still redact secrets", () => {
    const out = sink();
    const log = createLogger("info", out.stream, { pretty: true });
    log.info({ token: "tok-123", app: { appSecret: "s3cret" } }, "hello there");
    const text = out.text();
    expect(text).toMatch(/INFO.*hello there/);
    expect(text.startsWith("{")).toBe(false);
    expect(text).not.toContain("tok-123");
    expect(text).not.toContain("s3cret");
    expect(text).toContain("[redacted]");
  });

  it("JSON lines by default", () => {
    const out = sink();
    createLogger("info", out.stream).info({ token: "tok-123" }, "hello");
    const line = JSON.parse(out.text()) as Record<string, unknown>;
    expect(line).toMatchObject({ msg: "hello", token: "[redacted]", service: "imgraph-gateway" });
  });

  it("the demo is pretty on a terminal unless LOG_FORMAT says otherwise", () => {
    expect(demoLogsPretty({}, true)).toBe(true);
    expect(demoLogsPretty({}, false)).toBe(false);
    expect(demoLogsPretty({ LOG_FORMAT: "json" }, true)).toBe(false);
    expect(demoLogsPretty({ LOG_FORMAT: "pretty" }, false)).toBe(true);
  });
});
