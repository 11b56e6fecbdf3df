import { IdCodec } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { decodeMessageId, encodeMessageId, type MessageRef } from "./message-ids.js";

describe("message ids", () => {
  const ctx = { ids: new IdCodec({ secret: "s3cret" }), appId: "app1" };

  it.each<MessageRef>([
    { kind: "c2c", msgKey: "48374_2837546_1557481126", from: "alice", to: "bob" },
    { kind: "group", groupId: "@TGS#2J4SZEAEL", msgSeq: 17, from: "alice" },
  ])("round-trips a $kind message", (ref) => {
    const id = encodeMessageId(ctx, ref);
    expect(id).toMatch(/^msg1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(decodeMessageId(ctx, id)).toEqual(ref);
  });

  it("refuses forged, foreign and malformed ids as BAD_USER_INPUT on messageId", () => {
    const id = encodeMessageId(ctx, { kind: "group", groupId: "g", msgSeq: 1, from: "a" });
    const forged = `${id.slice(0, -2)}AA`;
    for (const bad of [forged, "msg1.forged.id", "", 42]) {
      expect(() => decodeMessageId(ctx, bad)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field: "messageId" }),
      );
    }
    const otherApp = { ids: ctx.ids, appId: "app2" };
    expect(() => decodeMessageId(otherApp, id)).toThrow(/another app/);
    const wrongShape = ctx.ids.encode("msg", "tencent", "app1", { c: "u", k: "key" });
    expect(() => decodeMessageId(ctx, wrongShape)).toThrow(/malformed/);
  });
});
