import type { WebhookRequest } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { TEST_APP } from "./test-support.js";
import { callbackLoop, signedCallback } from "./testing/callbacks.js";

// The hosted-group callbacks (#17 §3) as the vendor reference shows them, then end to end:
// the emulator's callback after a write through the adapter, read back by parseWebhook.

const APP = { appKey: "k1", appSecret: "s1" };
const parser = new RongCloudAdapter({ id: "rc", ...APP, origins: ["http://127.0.0.1:9"] });
const NOW = 1_700_000_000_000;
const at = new Date(NOW - 1);

function request(body: string, app = APP): WebhookRequest {
  return signedCallback({ body, app, receivedAt: NOW });
}
const parse = (body: unknown) => parser.parseWebhook(request(JSON.stringify(body))).events;
const op = (eventType: number, userIds: string[]) => ({
  groupId: "g",
  eventType,
  time: NOW - 1,
  optUserId: "o",
  userIds,
});

describe("RongCloud hosted group callbacks", () => {
  it("reads operations 6, 7, 8 as role changes, one event per user", () => {
    expect(parse({ profiles: [op(6, ["a", "b"]), op(7, ["c"]), op(8, ["d"])] })).toEqual([
      {
        type: "GROUP_MEMBER_ROLE_CHANGED",
        appId: "rc",
        at,
        groupId: "g",
        userId: "a",
        role: "ADMIN",
      },
      {
        type: "GROUP_MEMBER_ROLE_CHANGED",
        appId: "rc",
        at,
        groupId: "g",
        userId: "b",
        role: "ADMIN",
      },
      {
        type: "GROUP_MEMBER_ROLE_CHANGED",
        appId: "rc",
        at,
        groupId: "g",
        userId: "c",
        role: "MEMBER",
      },
      {
        type: "GROUP_MEMBER_ROLE_CHANGED",
        appId: "rc",
        at,
        groupId: "g",
        userId: "d",
        role: "OWNER",
      },
    ]);
  });

  it("reads create, join, removed, quit and dismiss; a bare array or one object too", () => {
    const base = { appId: "rc", at, groupId: "g" };
    expect(parse([op(1, ["o", "a"]), op(2, ["b"]), op(3, ["b"]), op(4, ["a"]), op(5, [])])).toEqual(
      [
        { type: "GROUP_CREATED", ...base, ownerId: null, userIds: ["o", "a"] },
        { type: "GROUP_MEMBER_JOINED", ...base, userIds: ["b"] },
        { type: "GROUP_MEMBER_LEFT", ...base, userIds: ["b"] },
        { type: "GROUP_MEMBER_LEFT", ...base, userIds: ["a"] },
        { type: "GROUP_DISMISSED", ...base },
      ],
    );
    expect(parse(op(2, ["x"]))).toEqual([{ type: "GROUP_MEMBER_JOINED", ...base, userIds: ["x"] }]);
    expect(parse(op(99, ["x"]))).toEqual([]);
  });

  it("reads a profile change as the fields it carried, and its ext keys as attributes", () => {
    const change = {
      groupId: "g",
      groupName: "New",
      time: NOW - 1,
      optUserId: "o",
      groupProfile: { name: "New", portraitUrl: "https://x/p.png", unknown: 1 },
      // The table says JSON text; both are read.
      permissions: JSON.stringify({ joinPerm: 1, removePerm: 0 }),
      groupExtProfile: { ext_topic: "x" },
    };
    expect(parse({ profiles: [change] })).toEqual([
      {
        type: "GROUP_PROFILE_UPDATED",
        appId: "rc",
        at,
        groupId: "g",
        fields: ["name", "avatarUrl", "joinPolicy"],
      },
      { type: "GROUP_ATTRIBUTES_CHANGED", appId: "rc", at, groupId: "g", keys: ["topic"] },
    ]);
    // The older page's spelling of the name.
    expect(parse({ profiles: [{ groupId: "g", time: NOW - 1, groupname: "Old" }] })).toMatchObject([
      { type: "GROUP_PROFILE_UPDATED", fields: ["name"] },
    ]);
    // Only permissions the neutral profile has no field for: no event.
    expect(
      parse({ profiles: [{ groupId: "g", time: NOW - 1, permissions: { removePerm: 1 } }] }),
    ).toEqual([]);
  });

  it("refuses a malformed entry", () => {
    expect(() => parse({ profiles: [{ groupId: "g", eventType: 6, time: "soon" }] })).toThrow(
      /time/,
    );
    expect(() => parse({ profiles: [{ groupId: "g", time: NOW, groupProfile: 5 }] })).toThrow(
      /groupProfile/,
    );
    // A time past what a Date holds would publish an Invalid Date.
    const far = Number.MAX_SAFE_INTEGER;
    expect(() => parse({ profiles: [{ ...op(6, ["a"]), time: far }] })).toThrow(/time/);
    expect(() => parse({ profiles: [{ groupId: "g", time: far, groupName: "G" }] })).toThrow(
      /time/,
    );
  });
});

describe("hosted group callbacks end to end", () => {
  const env = callbackLoop((url) => ({
    emulator: {
      apps: [{ ...TEST_APP, callbackUrls: { group: url }, features: { groupHosting: true } }],
    },
    adapter: { features: { hostedGroups: true } },
  }));

  it("a role change made through the adapter comes back as GROUP_MEMBER_ROLE_CHANGED", async () => {
    await env.im.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: ["a"] });
    await env.im.setGroupMemberRole({ groupId: "g", userId: "a", role: "ADMIN" });
    await env.im.transferGroupOwnership({ groupId: "g", newOwnerId: "a" });
    const roles = (await env.events()).filter((e) => e.type === "GROUP_MEMBER_ROLE_CHANGED");
    expect(roles).toMatchObject([
      { groupId: "g", userId: "a", role: "ADMIN" },
      { groupId: "g", userId: "a", role: "OWNER" },
    ]);
  });

  it("a profile and an attribute change come back as GROUP_PROFILE_UPDATED and GROUP_ATTRIBUTES_CHANGED", async () => {
    await env.im.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: [] });
    await env.im.updateGroupProfile({ groupId: "g", announcement: "hi", joinPolicy: "OPEN" });
    await env.im.setGroupAttributes({ groupId: "g", attributes: { topic: "x" } });
    const got = (await env.events()).filter((e) => e.type !== "GROUP_CREATED");
    expect(got).toMatchObject([
      { type: "GROUP_PROFILE_UPDATED", groupId: "g", fields: ["announcement", "joinPolicy"] },
      { type: "GROUP_ATTRIBUTES_CHANGED", groupId: "g", keys: ["topic"] },
    ]);
  });
});
