import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, uniqueIds, withDemo } from "./helpers.js";

// Friends and blocklists over GraphQL, end to end through each vendor's emulator: success,
// per-item failures, bad input refused before any vendor call, and declared gaps.

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

const uid = uniqueIds();

const ADD = `mutation($app: ID, $u: ID!, $f: [FriendInput!]!, $oneWay: Boolean) {
  addFriends(app: $app, userId: $u, friends: $f, oneWay: $oneWay) { key ok error { code message } } }`;
const FRIENDS = `query($app: ID, $u: ID!, $first: Int, $after: String) {
  friends(app: $app, userId: $u, first: $first, after: $after) {
    nodes { userId alias addedAt attributes { key value } } pageInfo { hasNextPage endCursor } } }`;
const RELATIONS = `query($app: ID, $u: ID!, $others: [ID!]!) {
  friendRelations(app: $app, userId: $u, userIds: $others) { userId relation error { code } } }`;
const BLOCK = `mutation($app: ID, $u: ID!, $others: [ID!]!) {
  blockUsers(app: $app, userId: $u, userIds: $others) { key ok error { code } } }`;

const APPS = ["rongcloud", "tencent", "zego"] as const;

describe.each(APPS)("friends and blocklists on %s", (app) => {
  const { q, as, support, register } = inDemoApp(() => g, app, "s");

  it("an end user adds, pages, relates and deletes their own friends", async () => {
    const [me, f1, f2, stranger] = (await register(4)) as [string, string, string, string];
    const token = await as(me);
    const added = await q<{ addFriends: Array<{ key: string; ok: boolean }> }>(
      ADD,
      { u: me, f: [{ userId: f1, alias: "One" }, { userId: f2 }] },
      token,
    );
    expect(ok(added).addFriends.map((x) => [x.key, x.ok])).toEqual([
      [f1, true],
      [f2, true],
    ]);
    // One per page: two pages, then no more.
    const page1 = await q<{
      friends: {
        nodes: Array<{ userId: string; alias: string | null }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(FRIENDS, { u: me, first: 1 }, token);
    const p1 = ok(page1).friends;
    expect(p1.nodes).toHaveLength(1);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const page2 = await q<{ friends: typeof p1 }>(
      FRIENDS,
      { u: me, first: 1, after: p1.pageInfo.endCursor },
      token,
    );
    const all = [...p1.nodes, ...ok(page2).friends.nodes].map((f) => [f.userId, f.alias]).sort();
    expect(all).toEqual(
      [
        [f1, "One"],
        [f2, null],
      ].sort(),
    );
    const relations = await q<{ friendRelations: Array<{ userId: string; relation: string }> }>(
      RELATIONS,
      { u: me, others: [f1, stranger] },
      token,
    );
    expect(ok(relations).friendRelations.map((x) => x.relation)).toEqual(["MUTUAL", "NONE"]);
    const deleted = await q<{ deleteFriends: Array<{ ok: boolean }> }>(
      "mutation($app: ID, $u: ID!, $ids: [ID!]!) { deleteFriends(app: $app, userId: $u, friendIds: $ids) { ok } }",
      { u: me, ids: [f1] },
      token,
    );
    expect(ok(deleted).deleteFriends).toEqual([{ ok: true }]);
    const after = await q<{ friends: { nodes: Array<{ userId: string }> } }>(
      FRIENDS,
      { u: me },
      token,
    );
    expect(ok(after).friends.nodes.map((f) => f.userId)).toEqual([f2]);
  });

  it("oneWay: a one-way friendship where the vendor keeps them, else UNSUPPORTED_BY_VENDOR", async () => {
    const [me, other] = (await register(2)) as [string, string];
    const r = await q<{ addFriends: Array<{ ok: boolean }> }>(ADD, {
      u: me,
      f: [{ userId: other }],
      oneWay: true,
    });
    if (app === "tencent") {
      expect(ok(r).addFriends).toEqual([{ key: other, ok: true, error: null }]);
      const rel = await q<{ friendRelations: Array<{ relation: string }> }>(RELATIONS, {
        u: me,
        others: [other],
      });
      expect(ok(rel).friendRelations[0]?.relation).toBe("OUTGOING");
    } else {
      // RongCloud and ZIM friendships are always mutual: refused, not silently made mutual.
      expect(firstError(r)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      expect(r.errors?.[0]?.message).toMatch(/mutual|both ways/i);
    }
  });

  it("an unknown friend fails alone, with NOT_FOUND", async () => {
    const [me, known] = (await register(2)) as [string, string];
    const nobody = uid("nobody");
    const r = await q<{
      addFriends: Array<{ key: string; ok: boolean; error: { code: string } | null }>;
    }>(ADD, { u: me, f: [{ userId: nobody }, { userId: known }] });
    const [missing, fine] = ok(r).addFriends;
    expect(missing).toMatchObject({ key: nobody, ok: false, error: { code: "NOT_FOUND" } });
    expect(fine).toMatchObject({ key: known, ok: true });
  });

  it("refuses bad input naming the field, before any vendor call", async () => {
    const [me, other] = (await register(2)) as [string, string];
    const seq = () => g.emulators[APPS.indexOf(app)]?.requests({ limit: 1 })[0]?.seq ?? 0;
    const before = seq();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ u: me, f: [] }, "friends"],
      [{ u: me, f: [{ userId: me }] }, "friends.userId[0]"],
      [{ u: "", f: [{ userId: other }] }, "userId"],
      [{ u: me, f: [{ userId: other, alias: "x".repeat(5000) }] }, "friends[0].alias"],
      [
        {
          u: me,
          f: [
            {
              userId: other,
              attributes: [
                { key: "k0", value: "a" },
                { key: "k0", value: "b" },
              ],
            },
          ],
        },
        "friends[0].attributes",
      ],
    ];
    for (const [variables, field] of cases) {
      const r = await q(ADD, variables);
      expect(firstError(r), field).toMatchObject({ code: "BAD_USER_INPUT", field });
    }
    const blocked = await q(BLOCK, { u: me, others: [me] });
    expect(firstError(blocked)).toMatchObject({ code: "BAD_USER_INPUT", field: "userIds[0]" });
    const page = await q(FRIENDS, { u: me, first: 0 });
    expect(firstError(page)).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    expect(seq()).toBe(before);
  });

  it("only admins import friendships", async () => {
    const [me, other] = (await register(2)) as [string, string];
    const IMPORT = `mutation($app: ID, $u: ID!, $f: [FriendImportInput!]!) {
      importFriends(app: $app, userId: $u, friends: $f) { key ok error { code } } }`;
    const f = [{ userId: other, addedAt: "2020-02-03T04:05:06.000Z" }];
    const asUser = await q(IMPORT, { u: me, f }, await as(me));
    expect(asUser.errors?.[0]?.message).toBe("Only admins may import friends.");
    const asAdmin = await q<{ importFriends: Array<{ ok: boolean }> }>(IMPORT, { u: me, f });
    if (support.get("IMPORT_FRIENDS")?.supported) {
      expect(ok(asAdmin).importFriends).toEqual([{ key: other, ok: true, error: null }]);
      const listed = await q<{ friends: { nodes: Array<{ addedAt: string }> } }>(FRIENDS, {
        u: me,
      });
      expect(ok(listed).friends.nodes[0]?.addedAt).toBe("2020-02-03T04:05:06.000Z");
    } else {
      expect(firstError(asAdmin)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
    }
  });

  it("friendsByIds: a friend, NOT_FOUND for anyone else — or the declared gap with its reason", async () => {
    const [me, friend, stranger] = (await register(3)) as [string, string, string];
    ok(await q(ADD, { u: me, f: [{ userId: friend, alias: "Pal" }] }));
    const r = await q<{
      friendsByIds: Array<{
        userId: string;
        friend: { alias: string } | null;
        error: { code: string } | null;
      }>;
    }>(
      "query($app: ID, $u: ID!, $ids: [ID!]!) { friendsByIds(app: $app, userId: $u, friendIds: $ids) { userId friend { alias } error { code } } }",
      { u: me, ids: [friend, stranger] },
    );
    const s = support.get("GET_FRIENDS");
    if (s?.supported) {
      expect(ok(r).friendsByIds).toEqual([
        { userId: friend, friend: { alias: "Pal" }, error: null },
        { userId: stranger, friend: null, error: { code: "NOT_FOUND" } },
      ]);
    } else {
      expect(firstError(r)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      expect(r.errors?.[0]?.message).toContain(s?.reason ?? "(no reason)");
    }
  });

  it("blocks, lists, checks and unblocks", async () => {
    const [me, b1, b2] = (await register(3)) as [string, string, string];
    const token = await as(me);
    expect(
      ok(await q<{ blockUsers: unknown[] }>(BLOCK, { u: me, others: [b1] }, token)).blockUsers,
    ).toEqual([{ key: b1, ok: true, error: null }]);
    const listed = await q<{ blockedUsers: { nodes: Array<{ userId: string }> } }>(
      "query($app: ID, $u: ID!) { blockedUsers(app: $app, userId: $u) { nodes { userId blockedAt } } }",
      { u: me },
      token,
    );
    expect(ok(listed).blockedUsers.nodes.map((b) => b.userId)).toEqual([b1]);
    const STATUS =
      "query($app: ID, $u: ID!, $others: [ID!]!) { blockStatus(app: $app, userId: $u, userIds: $others) { userId blocked } }";
    const status = await q<{ blockStatus: Array<{ userId: string; blocked: boolean }> }>(
      STATUS,
      { u: me, others: [b1, b2] },
      token,
    );
    expect(ok(status).blockStatus).toEqual([
      { userId: b1, blocked: true },
      { userId: b2, blocked: false },
    ]);
    const unblocked = await q<{ unblockUsers: Array<{ ok: boolean }> }>(
      "mutation($app: ID, $u: ID!, $others: [ID!]!) { unblockUsers(app: $app, userId: $u, userIds: $others) { ok } }",
      { u: me, others: [b1] },
      token,
    );
    expect(ok(unblocked).unblockUsers).toEqual([{ ok: true }]);
    const again = await q<{ blockStatus: Array<{ blocked: boolean }> }>(STATUS, {
      u: me,
      others: [b1],
    });
    expect(ok(again).blockStatus).toEqual([{ userId: b1, blocked: false }]);
  });
});
