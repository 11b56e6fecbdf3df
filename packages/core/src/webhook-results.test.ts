import { describe, expect, it } from "vitest";
import { deliveryReplay, jsonAck, textAck } from "./webhook-results.js";

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

  it("names a delivery by vendor, app and delivery id, kept for the span before and after now", () => {
    expect(deliveryReplay("zego", 42, "sig", 300)).toEqual({
      replayKey: "zego:42:sig",
      replayWindowMs: 600_000,
    });
  });
});
