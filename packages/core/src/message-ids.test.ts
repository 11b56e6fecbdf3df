import { describe, expect, it } from "vitest";
import { IdCodec } from "./ids.js";
import { messageIds } from "./message-ids.js";

type Ref = { seq: number; from: string; to: string };

const ids = messageIds<Ref>({
  vendor: "zego",
  fields: (ref) => ({ s: ref.seq, f: ref.from, t: ref.to }),
  ref: (f) =>
    typeof f.s === "number" && typeof f.f === "string" && typeof f.t === "string"
      ? { seq: f.s, from: f.f, to: f.t }
      : undefined,
  origin: (ref) => ({ senderId: ref.from, conversation: { type: "USER", id: ref.to } }),
});
const ctx = { ids: new IdCodec({ secret: "s" }), appId: "app1" };
const ref: Ref = { seq: 7, from: "alice", to: "bob" };

describe("messageIds", () => {
  it("round-trips a vendor's reference through an opaque msg id", () => {
    const id = ids.encode(ctx, ref);
    expect(id).toMatch(/^msg1\./);
    expect(ids.decode(ctx, id)).toEqual(ref);
  });

  it("describes sender and conversation; null for an id this app did not make", () => {
    expect(ids.describe(ctx, ids.encode(ctx, ref))).toEqual({
      senderId: "alice",
      conversation: { type: "USER", id: "bob" },
    });
    expect(ids.describe(ctx, "msg1.forged.id")).toBeNull();
    expect(ids.describe({ ...ctx, appId: "app2" }, ids.encode(ctx, ref))).toBeNull();
  });

  it("refuses fields of another shape as malformed, naming the field", () => {
    const foreign = ctx.ids.encode("msg", "zego", "app1", { s: "7" });
    expect(() => ids.decode(ctx, foreign, "to.messageId")).toThrow(
      expect.objectContaining({
        code: "BAD_USER_INPUT",
        field: "to.messageId",
        message: "to.messageId is not a valid id: malformed.",
      }),
    );
    expect(ids.describe(ctx, foreign)).toBeNull();
  });
});
