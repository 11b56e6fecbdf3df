import { describe, expect, it } from "vitest";
import { jsonAck, replayWindowMs, textAck } from "./webhook-results.js";

describe("webhook results", () => {
  it("answers plain text with 200 and JSON with the status given", () => {
    expect(textAck("OK")).toEqual({
      status: 200,
      contentType: "text/plain; charset=utf-8",
      body: "OK",
    });
    expect(jsonAck(401, { ActionStatus: "FAIL" })).toEqual({
      status: 401,
      contentType: "application/json; charset=utf-8",
      body: '{"ActionStatus":"FAIL"}',
    });
  });

  it("keeps a replay key for the span before and after now", () => {
    expect(replayWindowMs(300)).toBe(600_000);
  });
});
