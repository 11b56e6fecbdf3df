import { describe, expect, it } from "vitest";
import { IdCodec } from "./ids.js";

const expected = { kind: "msg", vendor: "rongcloud", appId: "app1", field: "messageId" } as const;

describe("IdCodec", () => {
  const codec = new IdCodec({ secret: "deployment-secret" });

  it("round-trips vendor fields in a url-safe string", () => {
    const id = codec.encode("msg", "rongcloud", "app1", { uid: "5FGT-7VA9", t: 1700000000123 });
    expect(id).toMatch(/^msg1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(codec.decode(id, expected)).toEqual({ uid: "5FGT-7VA9", t: 1700000000123 });
  });

  it("rejects every single-character change as BAD_USER_INPUT, never a crash", () => {
    const id = codec.encode("msg", "rongcloud", "app1", { uid: "A", t: 1 });
    const alphabet = "abcXYZ019-_.";
    for (let i = 0; i < id.length; i++) {
      for (const c of alphabet) {
        if (id[i] === c) continue;
        const tampered = id.slice(0, i) + c + id.slice(i + 1);
        expect(() => codec.decode(tampered, expected), tampered).toThrow(
          expect.objectContaining({ code: "BAD_USER_INPUT", field: "messageId" }),
        );
      }
    }
  });

  it("rejects ids made for another app, vendor, kind or key", () => {
    const otherApp = codec.encode("msg", "rongcloud", "app2", { uid: "A" });
    const otherVendor = codec.encode("msg", "tencent", "app1", { uid: "A" });
    const otherKind = codec.encode("grp", "rongcloud", "app1", { uid: "A" });
    const otherKey = new IdCodec({ secret: "another" }).encode("msg", "rongcloud", "app1", {
      uid: "A",
    });
    for (const id of [otherApp, otherVendor, otherKind, otherKey]) {
      expect(() => codec.decode(id, expected)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT" }),
      );
    }
  });

  it("rejects garbage of every shape", () => {
    for (const id of [
      undefined,
      null,
      42,
      "",
      "msg1",
      "msg1..",
      "a.b.c.d",
      "x".repeat(5000),
      "msg1.!!!.???",
    ]) {
      expect(() => codec.decode(id, expected)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT" }),
      );
    }
  });

  it("without a secret still detects corruption", () => {
    const plain = new IdCodec();
    const id = plain.encode("msg", "zego", "a", { seq: 5 });
    expect(plain.decode(id, { ...expected, vendor: "zego", appId: "a" })).toEqual({ seq: 5 });
    const [h, p] = id.split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify(["zego", "a", { seq: 6 }])).toString("base64url")}.${id.split(".")[2]}`;
    expect(p).not.toBe(forged.split(".")[1]);
    expect(() => plain.decode(forged, { ...expected, vendor: "zego", appId: "a" })).toThrow();
  });
});
