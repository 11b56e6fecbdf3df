import type { RunningEmulator } from "@imgraph/emulators";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, demo, gql } from "./helpers.js";

/**
 * Vendor calls per GraphQL operation must be the fewest the vendor's documented per-call
 * limits allow (shared/vendors/): RongCloud `/user/info.json` and `/user/checkOnline.json`
 * take one userId, `/message/private/publish.json` up to 1,000 toUserId; Tencent
 * `portrait_get` 100 accounts, `query_online_status` 500, `batchsendmsg` 500; ZEGO
 * `QueryUserInfos`, `QueryUserOnlineState` and `SendPeerMessage` 100 each. Counted in the
 * emulators' request logs, over HTTP against demo mode. (bench/ reports the same counts.)
 */
const PER_CALL: Record<string, { profiles: number; presence: number; recipients: number }> = {
  rongcloud: { profiles: 1, presence: 1, recipients: 1000 },
  tencent: { profiles: 100, presence: 500, recipients: 500 },
  zego: { profiles: 100, presence: 100, recipients: 100 },
};

const USERS = 1001;
const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `u${i + from}`);

const USERS_QUERY = "query($ids: [ID!]!, $app: ID) { users(ids: $ids, app: $app) { id name } }";
const PRESENCE_QUERY =
  "query($ids: [ID!]!, $app: ID) { presence(userIds: $ids, app: $app) { userId status } }";
const SEND =
  "mutation($input: SendMessageInput!, $app: ID) { sendMessage(input: $input, app: $app) { recipientId error { code } } }";

describe("batching: vendor calls per GraphQL operation", () => {
  let g: DemoGateway;
  beforeAll(async () => {
    g = await demo({ seed: false });
    for (const emulator of g.emulators) {
      emulator.setRateLimits(false);
      const r = await gql<{ registerUsers: Array<{ error: unknown }> }>(
        g.url,
        "mutation($users: [UserInput!]!, $app: ID) { registerUsers(users: $users, app: $app) { error { code } } }",
        { users: ids(USERS).map((id) => ({ id, name: id })), app: emulator.vendor },
        admin(g),
      );
      expect(r.errors).toBeUndefined();
      expect(r.data?.registerUsers.every((x) => x.error === null)).toBe(true);
    }
  }, 120_000);
  afterAll(async () => {
    await g?.close();
  });

  /** Runs one operation and returns how many vendor calls it made. */
  async function calls(
    emulator: RunningEmulator,
    query: string,
    variables: Record<string, unknown>,
  ): Promise<number> {
    emulator.clearRequests();
    const r = await gql(g.url, query, variables, admin(g));
    expect(r.errors).toBeUndefined();
    return emulator.requests().length;
  }

  const emulatorOf = (vendor: string) => {
    const emulator = g.emulators.find((e) => e.vendor === vendor);
    if (!emulator) throw new Error(`no ${vendor} emulator`);
    return emulator;
  };

  describe.each(Object.keys(PER_CALL))("%s", (vendor) => {
    const perCall = PER_CALL[vendor] as (typeof PER_CALL)[string];

    it("declares the vendor's per-call limits", () => {
      const limits = g.apps.get(vendor).limits;
      expect(limits.usersPerRead).toBe(perCall.profiles);
      expect(limits.usersPerPresence).toBe(perCall.presence);
      expect(limits.recipientsPerSend).toBe(perCall.recipients);
    });

    it.each([1, 100, 1000])("users(ids) with %i ids", async (n) => {
      const count = await calls(emulatorOf(vendor), USERS_QUERY, { ids: ids(n), app: vendor });
      expect(count).toBe(Math.ceil(n / perCall.profiles));
    });

    it("presence of 1,000 users", async () => {
      const count = await calls(emulatorOf(vendor), PRESENCE_QUERY, {
        ids: ids(1000),
        app: vendor,
      });
      expect(count).toBe(Math.ceil(1000 / perCall.presence));
    });

    it("one message to 1,000 users", async () => {
      const count = await calls(emulatorOf(vendor), SEND, {
        input: { from: "u0", toUserIds: ids(1000, 1), content: { text: { text: "hi" } } },
        app: vendor,
      });
      expect(count).toBe(Math.ceil(1000 / perCall.recipients));
    });

    it("an end user's send to a large group: one membership call, then the send", async () => {
      const emulator = emulatorOf(vendor);
      const groupId = `big${vendor}`;
      const created = await gql(
        g.url,
        "mutation($input: CreateGroupInput!, $app: ID) { createGroup(input: $input, app: $app) { id } }",
        { input: { id: groupId, name: "big", ownerId: "u0", memberIds: ids(50, 1) }, app: vendor },
        admin(g),
      );
      expect(created.errors).toBeUndefined();
      const added = await gql(
        g.url,
        "mutation($g: ID!, $u: [ID!]!, $app: ID) { addGroupMembers(groupId: $g, userIds: $u, app: $app) { ok } }",
        { g: groupId, u: ids(200, 51), app: vendor },
        admin(g),
      );
      expect(added.errors).toBeUndefined();
      // The sender joined last: paging the members would take several calls.
      const token = await g.tokenFor("u250");
      emulator.clearRequests();
      const sent = await gql<{ sendMessage: Array<{ error: unknown }> }>(
        g.url,
        SEND,
        {
          input: { from: "u250", toGroupId: groupId, content: { text: { text: "hi" } } },
          app: vendor,
        },
        { authorization: `Bearer ${token}` },
      );
      expect(sent.errors).toBeUndefined();
      expect(sent.data?.sendMessage[0]?.error).toBeNull();
      expect(emulator.requests().length).toBe(2);
    });

    it("profile reads of one query level through the request's loader: 3 users in one operation", async () => {
      // Three root fields in one operation share the request's loader: one batch.
      const count = await calls(
        emulatorOf(vendor),
        `query($app: ID) { a: user(id: "u1", app: $app) { id } b: user(id: "u2", app: $app) { id } c: users(ids: ["u3"], app: $app) { id } }`,
        { app: vendor },
      );
      expect(count).toBe(Math.ceil(3 / perCall.profiles));
    });
  });
});
