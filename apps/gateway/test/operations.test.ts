import { beforeAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, type GraphQLResponse, gql, ok, uniqueIds, withDemo } from "./helpers.js";

// Every query and mutation over HTTP, end to end through each vendor's emulator: success,
// bad input, vendor errors and unsupported capabilities. The suite runs once per app that
// demo mode wires (one per vendor).

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

const uid = uniqueIds();

function code(r: GraphQLResponse): string | undefined {
  return r.errors?.[0]?.extensions?.code as string | undefined;
}

const APPS = ["rongcloud", "tencent", "zego"];

describe.each(APPS)("gateway operations on %s", (app) => {
  const q = <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}) =>
    gql<T>(g.url, query, { app, ...variables }, admin(g));
  let capabilities: string[] = [];
  let present = false;

  beforeAll(async () => {
    const r = await q<{ app: { capabilities: string[] } | null }>(
      "query($app: ID) { app(id: $app) { capabilities } }",
    );
    present = Boolean(r.data?.app);
    capabilities = r.data?.app?.capabilities ?? [];
  });
  const has = (c: string) => capabilities.includes(c);
  const maybe = (name: string, body: () => Promise<void>) =>
    it(name, async () => {
      if (!present) return; // vendor not wired into demo mode (yet)
      await body();
    });

  async function register(...ids: string[]) {
    const r = await q<{ registerUsers: Array<{ userId: string; error: unknown }> }>(
      "mutation($app: ID, $users: [UserInput!]!) { registerUsers(app: $app, users: $users) { userId error { code } } }",
      { users: ids.map((id) => ({ id, name: `N ${id}` })) },
    );
    expect(ok(r).registerUsers.map((x) => x.error)).toEqual(ids.map(() => null));
  }

  maybe(
    "registerUsers / users / user: success, order, unknown users as null + NOT_FOUND",
    async () => {
      const [a, b] = [uid("u"), uid("u")];
      await register(a, b);
      const missing = uid("nobody");
      const r = await q<{ users: Array<{ id: string; name: string } | null> }>(
        "query($app: ID, $ids: [ID!]!) { users(app: $app, ids: $ids) { id name } }",
        { ids: [b, missing, a] },
      );
      expect(r.data?.users).toEqual([{ id: b, name: `N ${b}` }, null, { id: a, name: `N ${a}` }]);
      expect(r.errors?.[0]).toMatchObject({
        path: ["users", 1],
        extensions: { code: "NOT_FOUND" },
      });
      const one = await q<{ user: unknown }>(
        "query($app: ID, $id: ID!) { user(app: $app, id: $id) { id } }",
        { id: missing },
      );
      expect(ok(one).user).toBeNull();
    },
  );

  maybe("registerUsers: invalid id is BAD_USER_INPUT naming the field", async () => {
    const r = await q(
      'mutation($app: ID) { registerUsers(app: $app, users: [{id: ""}]) { userId } }',
    );
    expect(code(r)).toBe("BAD_USER_INPUT");
    expect(r.errors?.[0]?.extensions?.field).toMatch(/id/);
  });

  maybe("updateUser returns the fresh profile", async () => {
    const a = uid("u");
    await register(a);
    const r = await q<{ updateUser: { name: string } }>(
      'mutation($app: ID, $id: ID!) { updateUser(app: $app, input: {id: $id, name: "Fresh"}) { id name } }',
      { id: a },
    );
    expect(ok(r).updateUser).toEqual({ id: a, name: "Fresh" });
  });

  maybe("presence and User.presence", async () => {
    if (!has("USER_PRESENCE")) return;
    const a = uid("u");
    await register(a);
    const r = await q<{
      presence: Array<{ userId: string; status: string }>;
      user: { presence: string };
    }>(
      "query($app: ID, $id: ID!) { presence(app: $app, userIds: [$id]) { userId status } user(app: $app, id: $id) { presence } }",
      { id: a },
    );
    expect(ok(r).presence).toEqual([{ userId: a, status: "OFFLINE" }]);
    expect(r.data?.user.presence).toBe("OFFLINE");
  });

  /** An admin batch on a new user `$id`: one ok outcome where supported, refused elsewhere. */
  async function batchOnNewUser(field: string, capability: string, mutation: string) {
    const id = uid("u");
    await register(id);
    const r = await q<Record<string, Array<{ ok: boolean }>>>(mutation, { id });
    if (has(capability)) expect(ok(r)[field]).toEqual([{ key: id, ok: true }]);
    else expect(code(r)).toBe("UNSUPPORTED_BY_VENDOR");
  }

  maybe(
    "deleteUsers / banUsers: success where supported, UNSUPPORTED_BY_VENDOR elsewhere",
    async () => {
      await batchOnNewUser(
        "deleteUsers",
        "USER_DELETE",
        "mutation($app: ID, $id: ID!) { deleteUsers(app: $app, userIds: [$id]) { key ok } }",
      );
      await batchOnNewUser(
        "banUsers",
        "USER_BAN",
        "mutation($app: ID, $id: ID!) { banUsers(app: $app, userIds: [$id], durationSeconds: 600) { key ok } }",
      );
    },
  );

  maybe("issueChatCredential", async () => {
    const a = uid("u");
    await register(a);
    const issue =
      "mutation($app: ID, $id: ID!, $ttl: Int) { issueChatCredential(app: $app, userId: $id, ttlSeconds: $ttl) { vendor appId userId token expiresAt } }";
    // RongCloud tokens take no lifetime: asking for one is refused, not ignored.
    const withTtl = await q(issue, { id: a, ttl: 3600 });
    if (app === "rongcloud") expect(code(withTtl)).toBe("BAD_USER_INPUT");
    else ok(withTtl);
    const r = await q<{ issueChatCredential: { userId: string; token: string; appId: string } }>(
      issue,
      { id: a, ttl: app === "rongcloud" ? null : 3600 },
    );
    const c = ok(r).issueChatCredential;
    expect(c.userId).toBe(a);
    expect(c.token.length).toBeGreaterThan(10);
  });

  maybe("groupMembership: one answer per user, in order; bad input refused", async () => {
    const [owner, m1, outsider] = [uid("o"), uid("m"), uid("x")];
    await register(owner, m1, outsider);
    const groupId = uid("g");
    ok(
      await q(
        "mutation($app: ID, $input: CreateGroupInput!) { createGroup(app: $app, input: $input) { id } }",
        { input: { id: groupId, name: "Team", ownerId: owner, memberIds: [m1] } },
      ),
    );
    const asked = await q<{ groupMembership: Array<{ userId: string; isMember: boolean | null }> }>(
      "query($app: ID, $g: ID!, $u: [ID!]!) { groupMembership(app: $app, groupId: $g, userIds: $u) { userId isMember error { code } } }",
      { g: groupId, u: [outsider, m1, owner] },
    );
    expect(ok(asked).groupMembership).toEqual([
      { userId: outsider, isMember: false, error: null },
      { userId: m1, isMember: true, error: null },
      { userId: owner, isMember: true, error: null },
    ]);
    const query =
      "query($app: ID, $g: ID!, $u: [ID!]!) { groupMembership(app: $app, groupId: $g, userIds: $u) { isMember } }";
    expect(code(await q(query, { g: groupId, u: [] }))).toBe("BAD_USER_INPUT");
    const many = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect(code(await q(query, { g: groupId, u: many }))).toBe("BAD_USER_INPUT");
    expect(code(await q(query, { g: "", u: [m1] }))).toBe("BAD_USER_INPUT");
  });

  maybe("groups: create, read, members (paged), add, remove, mute, dismiss", async () => {
    const [owner, m1, m2, m3] = [uid("o"), uid("m"), uid("m"), uid("m")];
    await register(owner, m1, m2, m3);
    const groupId = uid("g");
    const created = await q<{ createGroup: { id: string; name: string } }>(
      "mutation($app: ID, $input: CreateGroupInput!) { createGroup(app: $app, input: $input) { id name } }",
      { input: { id: groupId, name: "Team", ownerId: owner, memberIds: [m1, m2] } },
    );
    expect(ok(created).createGroup).toEqual({ id: groupId, name: "Team" });
    const page1 = await q<{
      group: {
        members: {
          nodes: Array<{ userId: string }>;
          pageInfo: { hasNextPage: boolean; endCursor: string };
        };
      };
    }>(
      "query($app: ID, $id: ID!) { group(app: $app, id: $id) { id name members(first: 2) { nodes { userId role } pageInfo { hasNextPage endCursor } } } }",
      { id: groupId },
    );
    const members = ok(page1).group.members;
    expect(members.nodes).toHaveLength(2);
    expect(members.pageInfo.hasNextPage).toBe(true);
    const page2 = await q<{ group: { members: { nodes: Array<{ userId: string }> } } }>(
      "query($app: ID, $id: ID!, $after: String) { group(app: $app, id: $id) { members(first: 2, after: $after) { nodes { userId } } } }",
      { id: groupId, after: members.pageInfo.endCursor },
    );
    const all = [...members.nodes, ...ok(page2).group.members.nodes].map((m) => m.userId).sort();
    expect(all).toEqual([owner, m1, m2].sort());

    const added = await q<{ addGroupMembers: Array<{ ok: boolean }> }>(
      "mutation($app: ID, $g: ID!, $u: [ID!]!) { addGroupMembers(app: $app, groupId: $g, userIds: $u) { key ok } }",
      { g: groupId, u: [m3] },
    );
    expect(ok(added).addGroupMembers).toEqual([{ key: m3, ok: true }]);
    const removed = await q<{ removeGroupMembers: Array<{ ok: boolean }> }>(
      "mutation($app: ID, $g: ID!, $u: [ID!]!) { removeGroupMembers(app: $app, groupId: $g, userIds: $u) { key ok } }",
      { g: groupId, u: [m1] },
    );
    expect(ok(removed).removeGroupMembers).toEqual([{ key: m1, ok: true }]);

    if (has("GROUP_MUTE")) {
      const muted = await q<{ muteGroupMembers: Array<{ ok: boolean }> }>(
        "mutation($app: ID, $g: ID!, $u: [ID!]!) { muteGroupMembers(app: $app, groupId: $g, userIds: $u, durationSeconds: 600) { key ok } }",
        { g: groupId, u: [m2] },
      );
      expect(ok(muted).muteGroupMembers).toEqual([{ key: m2, ok: true }]);
      const list = await q<{ group: { mutedMembers: Array<{ userId: string }> } }>(
        "query($app: ID, $g: ID!) { group(app: $app, id: $g) { mutedMembers { userId mutedUntil } } }",
        { g: groupId },
      );
      expect(ok(list).group.mutedMembers.map((m) => m.userId)).toEqual([m2]);
    }

    const transfer = await q<{ transferGroupOwnership: { ownerId: string } }>(
      "mutation($app: ID, $g: ID!, $u: ID!) { transferGroupOwnership(app: $app, groupId: $g, newOwnerId: $u) { ownerId } }",
      { g: groupId, u: m2 },
    );
    if (has("GROUP_TRANSFER_OWNERSHIP"))
      expect(ok(transfer).transferGroupOwnership.ownerId).toBe(m2);
    else expect(code(transfer)).toBe("UNSUPPORTED_BY_VENDOR");

    if (has("GROUPS_OF_USER")) {
      const mine = await q<{ groups: { nodes: Array<{ id: string }> } }>(
        "query($app: ID, $u: ID!) { groups(app: $app, userId: $u, first: 50) { nodes { id } pageInfo { hasNextPage } } }",
        { u: m2 },
      );
      expect(ok(mine).groups.nodes.map((x) => x.id)).toContain(groupId);
    }
    const dismissed = await q<{ dismissGroup: boolean }>(
      "mutation($app: ID, $g: ID!) { dismissGroup(app: $app, groupId: $g) }",
      { g: groupId },
    );
    expect(ok(dismissed).dismissGroup).toBe(true);
    const gone = await q<{ group: unknown }>(
      "query($app: ID, $g: ID!) { group(app: $app, id: $g) { id } }",
      { g: groupId },
    );
    expect(ok(gone).group).toBeNull();
  });

  maybe("sendMessage, messages (newest first, paged), recallMessage", async () => {
    const [a, b] = [uid("u"), uid("u")];
    await register(a, b);
    const send = (text: string) =>
      q<{ sendMessage: Array<{ recipientId: string; messageId: string; error: unknown }> }>(
        "mutation($app: ID, $input: SendMessageInput!) { sendMessage(app: $app, input: $input) { recipientId messageId sentAt error { code message } } }",
        { input: { from: a, toUserIds: [b], content: { text: { text } } } },
      );
    const ids: string[] = [];
    for (const t of ["one", "two", "three"]) {
      const r = ok(await send(t)).sendMessage;
      expect(r[0]).toMatchObject({ recipientId: b, error: null });
      ids.push(r[0]?.messageId as string);
      await new Promise((res) => setTimeout(res, 5));
    }
    const history = await q<{
      messages: {
        nodes: Array<{ id: string; senderId: string; content: { text?: string } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      "query($app: ID, $c: ConversationInput!) { messages(app: $app, conversation: $c, first: 2) { nodes { id senderId sentAt recalled content { ... on TextContent { text } } } pageInfo { hasNextPage endCursor } } }",
      { c: { type: "USER", userId: a, id: b } },
    );
    const page = ok(history).messages;
    expect(page.nodes.map((m) => m.content.text)).toEqual(["three", "two"]);
    expect(page.pageInfo.hasNextPage).toBe(true);
    if (has("MESSAGE_RECALL")) {
      const recalled = await q<{ recallMessage: boolean }>(
        "mutation($app: ID, $id: ID!) { recallMessage(app: $app, messageId: $id) }",
        { id: ids[2] },
      );
      expect(ok(recalled).recallMessage).toBe(true);
      const forged = await q(
        'mutation($app: ID) { recallMessage(app: $app, messageId: "msg1.forged.x") }',
      );
      expect(code(forged)).toBe("BAD_USER_INPUT");
    }
  });

  maybe(
    "sendMessage: content must be exactly one kind; unsupported content fails fast",
    async () => {
      const [a, b] = [uid("u"), uid("u")];
      await register(a, b);
      const both = await q(
        "mutation($app: ID, $input: SendMessageInput!) { sendMessage(app: $app, input: $input) { recipientId } }",
        {
          input: {
            from: a,
            toUserIds: [b],
            content: { text: { text: "x" }, custom: { customType: "t", data: 1 } },
          },
        },
      );
      expect(both.errors?.[0]?.message).toMatch(/exactly one|oneOf|one of/i);
      const none = await q(
        "mutation($app: ID, $input: SendMessageInput!) { sendMessage(app: $app, input: $input) { recipientId } }",
        { input: { from: a, toUserIds: [b], toGroupId: "x", content: { text: { text: "x" } } } },
      );
      expect(code(none)).toBe("BAD_USER_INPUT");
    },
  );

  maybe(
    "a vendor failure surfaces as VENDOR_UNAVAILABLE / RATE_LIMITED with the request id",
    async () => {
      const emulator = g.emulators.find((e) => e.vendor === app);
      if (!emulator) return;
      const a = uid("u");
      await register(a);
      emulator.addFault({ route: "*", kind: "http-error", status: 503, times: 6 });
      const r = await gql(
        g.url,
        "query($app: ID, $id: ID!) { user(app: $app, id: $id) { id } }",
        { app, id: a },
        { ...admin(g), "x-request-id": "trace-123" },
      );
      emulator.clearFaults();
      // The caller's request id travelled with the vendor calls.
      const calls = emulator.requests().filter((e) => e.headers["x-request-id"] === "trace-123");
      expect(calls.length).toBeGreaterThan(0);
      expect(code(r)).toBe("VENDOR_UNAVAILABLE");
      expect(r.errors?.[0]?.extensions).toMatchObject({ vendor: app, requestId: "trace-123" });
      expect(r.headers.get("x-request-id")).toBe("trace-123");
    },
  );
});

describe("gateway: apps, viewer, errors", () => {
  it("lists apps without secrets", async () => {
    const r = await gql<{ apps: Array<Record<string, unknown>> }>(
      g.url,
      "{ apps { id vendor region publicAppId capabilities isDefault } }",
      {},
      admin(g),
    );
    const apps = ok(r).apps;
    expect(apps.length).toBeGreaterThanOrEqual(1);
    expect(apps.filter((a) => a.isDefault)).toHaveLength(1);
    const text = JSON.stringify(apps);
    for (const e of g.emulators) {
      for (const [k, v] of Object.entries(e === undefined ? {} : {}))
        expect(text).not.toContain(String(v) + k);
    }
    expect(text).not.toMatch(/secret/i);
  });

  it("an unknown app is a clear error", async () => {
    const r = await gql(g.url, '{ user(app: "nope", id: "alice") { id } }', {}, admin(g));
    expect(r.errors?.[0]?.message).toMatch(/No app "nope"/);
  });

  it("unknown fields are GraphQL validation errors, not internal errors", async () => {
    const r = await gql(g.url, "{ nope }", {}, admin(g));
    // 200 to an application/json client (GraphQL over HTTP); see http.test.ts for 400.
    expect(r.status).toBe(200);
    expect(code(r)).toBe("GRAPHQL_VALIDATION_FAILED");
  });
});
