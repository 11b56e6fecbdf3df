import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ImEvent, WebhookRequest } from "@imgraph/core";
import type { RongCloudEmulator } from "@imgraph/emulators";
import { signRongCloudCallback } from "@imgraph/signing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RongCloudAdapter } from "./adapter.js";
import { adapterFor, startTestEmulator, TEST_APP } from "./test-support.js";

// The hosted-group callbacks (#17 §3) as the vendor reference shows them, then end to end:
// the emulator's callback after a write through the adapter, read back by parseWebhook.

const APP = { appKey: "k1", appSecret: "s1" };
const parser = new RongCloudAdapter({ id: "rc", ...APP, origins: ["http://127.0.0.1:9"] });
const NOW = 1_700_000_000_000;
const at = new Date(NOW - 1);

function request(body: string, app = APP): WebhookRequest {
  return {
    method: "POST",
    query: new URLSearchParams({ ...signRongCloudCallback({ ...app, now: NOW }) }),
    headers: { "content-type": "application/json" },
    rawBody: body,
    receivedAt: NOW,
  };
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
  });
});

describe("hosted group callbacks end to end", () => {
  let emu: RongCloudEmulator;
  let im: RongCloudAdapter;
  let sink: Server;
  const bodies: { query: URLSearchParams; body: string }[] = [];

  beforeAll(async () => {
    sink = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => {
        body += c;
      });
      req.on("end", () => {
        bodies.push({ query: new URL(req.url ?? "/", "http://x").searchParams, body });
        res.end("OK");
      });
    });
    await new Promise<void>((r) => sink.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(sink.address() as AddressInfo).port}/cb`;
    emu = await startTestEmulator({
      apps: [{ ...TEST_APP, callbackUrls: { group: url }, features: { groupHosting: true } }],
    });
    im = adapterFor(emu, { features: { hostedGroups: true } });
  });
  afterAll(async () => {
    await im.close();
    await emu.close();
    await new Promise((r) => sink.close(r));
  });
  beforeEach(async () => {
    await emu.flushCallbacks();
    emu.reset();
    bodies.length = 0;
  });

  async function events(): Promise<ImEvent[]> {
    await emu.flushCallbacks();
    return bodies.flatMap(
      (b) =>
        im.parseWebhook({
          method: "POST",
          query: b.query,
          headers: { "content-type": "application/json" },
          rawBody: b.body,
          receivedAt: Date.now(),
        }).events,
    );
  }

  it("a role change made through the adapter comes back as GROUP_MEMBER_ROLE_CHANGED", async () => {
    await im.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: ["a"] });
    await im.setGroupMemberRole({ groupId: "g", userId: "a", role: "ADMIN" });
    await im.transferGroupOwnership({ groupId: "g", newOwnerId: "a" });
    const roles = (await events()).filter((e) => e.type === "GROUP_MEMBER_ROLE_CHANGED");
    expect(roles).toMatchObject([
      { groupId: "g", userId: "a", role: "ADMIN" },
      { groupId: "g", userId: "a", role: "OWNER" },
    ]);
  });

  it("a profile and an attribute change come back as GROUP_PROFILE_UPDATED and GROUP_ATTRIBUTES_CHANGED", async () => {
    await im.createGroup({ id: "g", name: "G", ownerId: "o", memberIds: [] });
    await im.updateGroupProfile({ groupId: "g", announcement: "hi", joinPolicy: "OPEN" });
    await im.setGroupAttributes({ groupId: "g", attributes: { topic: "x" } });
    const got = (await events()).filter((e) => e.type !== "GROUP_CREATED");
    expect(got).toMatchObject([
      { type: "GROUP_PROFILE_UPDATED", groupId: "g", fields: ["announcement", "joinPolicy"] },
      { type: "GROUP_ATTRIBUTES_CHANGED", groupId: "g", keys: ["topic"] },
    ]);
  });
});
