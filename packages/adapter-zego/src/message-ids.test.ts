import { IdCodec } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import type { ZegoContext } from "./context.js";
import { decodeMessageId, describeMessageId, encodeMessageId } from "./message-ids.js";

function ctx(appId = "app1", secret = "s3cret"): ZegoContext {
  return { ids: new IdCodec({ secret }), appId } as ZegoContext;
}

describe("message ids", () => {
  it("round-trip what a peer and a group revoke need", () => {
    const c = ctx();
    const peer = { kind: "peer", from: "a b", to: "c#d", seq: 42 } as const;
    const group = { kind: "group", from: "a", groupId: "#g1", seq: 7 } as const;
    expect(decodeMessageId(c, encodeMessageId(c, peer))).toEqual(peer);
    expect(decodeMessageId(c, encodeMessageId(c, group))).toEqual(group);
  });

  it("round-trip a room message's ref, which describes a ROOM conversation", () => {
    const c = ctx();
    const room = { kind: "room", from: "a", roomId: "r1", seq: 4 } as const;
    const id = encodeMessageId(c, room);
    expect(decodeMessageId(c, id)).toEqual(room);
    expect(describeMessageId(c, id)).toEqual({
      senderId: "a",
      conversation: { type: "ROOM", id: "r1" },
    });
  });

  it("keep peer and group ids byte-identical to those made before room ids existed", () => {
    // Encoded by the scheme at 15773239 (peer and group only), with this secret and app.
    const peer = { kind: "peer", from: "alice", to: "bob", seq: 42 } as const;
    const group = { kind: "group", from: "alice", groupId: "g1", seq: 7 } as const;
    const oldPeer =
      "msg1.WyJ6ZWdvIiwiYXBwMSIseyJjIjoicCIsImYiOiJhbGljZSIsInQiOiJib2IiLCJzIjo0Mn1d.Nq_0qOUH9h9AyrvNmfzVVA";
    const oldGroup =
      "msg1.WyJ6ZWdvIiwiYXBwMSIseyJjIjoiZyIsImYiOiJhbGljZSIsImciOiJnMSIsInMiOjd9XQ.j0T1MKi3VhYxz5w5zIYVUw";
    expect(encodeMessageId(ctx(), peer)).toBe(oldPeer);
    expect(encodeMessageId(ctx(), group)).toBe(oldGroup);
    expect(decodeMessageId(ctx(), oldPeer)).toEqual(peer);
    expect(decodeMessageId(ctx(), oldGroup)).toEqual(group);
  });

  it("are url-safe and opaque", () => {
    const id = encodeMessageId(ctx(), { kind: "peer", from: "alice", to: "bob", seq: 1 });
    expect(id).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(id).not.toContain("alice");
  });

  it("refuse forged, foreign and malformed ids as BAD_USER_INPUT on messageId", () => {
    const c = ctx();
    const id = encodeMessageId(c, { kind: "peer", from: "a", to: "b", seq: 1 });
    const tampered = `${id.slice(0, -2)}${id.endsWith("AA") ? "BB" : "AA"}`;
    for (const bad of [tampered, "msg1.forged.id", "", 42, id.replace("msg1", "grp1")]) {
      expect(() => decodeMessageId(c, bad)).toThrow(
        expect.objectContaining({ code: "BAD_USER_INPUT", field: "messageId" }),
      );
    }
    expect(() => decodeMessageId(ctx("other-app"), id)).toThrow(/another app/);
    expect(() => decodeMessageId(ctx("app1", "other-secret"), id)).toThrow(/tampered/);
    const wrongShape = c.ids.encode("msg", "zego", "app1", { c: "p", f: "a", s: 1 });
    expect(() => decodeMessageId(c, wrongShape)).toThrow(/malformed/);
    const roomWithoutRoom = c.ids.encode("msg", "zego", "app1", { c: "r", f: "a", s: 1 });
    expect(() => decodeMessageId(c, roomWithoutRoom)).toThrow(/malformed/);
  });
});
