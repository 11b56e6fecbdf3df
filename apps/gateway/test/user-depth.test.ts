import { describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, uniqueIds, withDemo } from "./helpers.js";

// User attributes, push tags, account checks, login invalidation, app-wide mutes and friend
// groups over GraphQL, end to end through each vendor's emulator: what works, bad input
// refused before any vendor call, and each declared gap answered with its reason.

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

const uid = uniqueIds();
const APPS = ["rongcloud", "tencent", "zego"] as const;

const SET_ATTRS = `mutation($app: ID, $u: ID!, $a: [AttributeInput!]!) {
  setUserAttributes(app: $app, userId: $u, attributes: $a) }`;
const ATTRS = `query($app: ID, $ids: [ID!]!) {
  userAttributes(app: $app, userIds: $ids) { userId attributes { key value } error { code } } }`;
const TAGS = `query($app: ID, $ids: [ID!]!) { userTags(app: $app, userIds: $ids) { userId tags } }`;
const tagChange = (name: string) => `mutation($app: ID, $ids: [ID!]!, $tags: [String!]!) {
  ${name}(app: $app, userIds: $ids, tags: $tags) { key ok error { code } } }`;
const MUTE = `mutation($app: ID, $ids: [ID!]!, $scopes: [MuteScope!]!, $d: Int) {
  muteUsers(app: $app, userIds: $ids, scopes: $scopes, durationSeconds: $d) { key ok error { code } } }`;
const MUTES = `query($app: ID, $ids: [ID!]!) {
  userMutes(app: $app, userIds: $ids) { userId mutes { scope until } error { code } } }`;
const GROUPS = `query($app: ID, $u: ID!) { friendGroups(app: $app, userId: $u) { name friendIds } }`;

describe.each(APPS)("user depth on %s", (app) => {
  const { q, as, supported, expectGap, expectRefusedBeforeVendor, register } = inDemoApp(
    () => g,
    app,
    "d",
  );

  it("an end user sets and removes their own attributes; anyone of the app reads them", async () => {
    const [me, other] = (await register(2)) as [string, string];
    const mine = await as(me);
    const set = await q(SET_ATTRS, { u: me, a: [{ key: "level", value: "7" }] }, mine);
    if (!supported("SET_USER_ATTRIBUTES")) return expectGap(set, "SET_USER_ATTRIBUTES");
    expect(ok(set)).toEqual({ setUserAttributes: true });
    ok(await q(SET_ATTRS, { u: me, a: [{ key: "city", value: "SZ" }] }, mine));
    const read = await q<{
      userAttributes: Array<{ userId: string; attributes: Array<{ key: string; value: string }> }>;
    }>(ATTRS, { ids: [me, other] }, await as(other));
    const [meRead, otherRead] = ok(read).userAttributes;
    expect(meRead?.attributes.sort((x, y) => x.key.localeCompare(y.key))).toEqual([
      { key: "city", value: "SZ" },
      { key: "level", value: "7" },
    ]);
    expect(otherRead).toMatchObject({ userId: other, attributes: [] });
    const removed = await q(
      'mutation($app: ID, $u: ID!) { removeUserAttributes(app: $app, userId: $u, keys: ["city"]) }',
      { u: me },
      mine,
    );
    expect(ok(removed)).toEqual({ removeUserAttributes: true });
    const after = await q<{ userAttributes: Array<{ attributes: unknown[] }> }>(ATTRS, {
      ids: [me],
    });
    expect(ok(after).userAttributes[0]?.attributes).toEqual([{ key: "level", value: "7" }]);
    // Someone else's attributes are theirs to change.
    const theirs = await q(SET_ATTRS, { u: other, a: [{ key: "level", value: "1" }] }, mine);
    expect(firstError(theirs)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("admins tag users for push: add, remove, replace, read", async () => {
    const [u1, u2] = (await register(2)) as [string, string];
    const added = await q<{ addUserTags: Array<{ key: string; ok: boolean }> }>(
      tagChange("addUserTags"),
      { ids: [u1, u2], tags: ["gold", "weekly"] },
    );
    if (!supported("ADD_USER_TAGS")) return expectGap(added, "ADD_USER_TAGS");
    expect(ok(added).addUserTags.map((x) => [x.key, x.ok])).toEqual([
      [u1, true],
      [u2, true],
    ]);
    ok(await q(tagChange("removeUserTags"), { ids: [u1], tags: ["gold"] }));
    ok(await q(tagChange("setUserTags"), { ids: [u2], tags: ["new"] }));
    const read = await q<{ userTags: Array<{ userId: string; tags: string[] }> }>(TAGS, {
      ids: [u1, u2],
    });
    expect(ok(read).userTags.map((t) => [t.userId, t.tags.sort()])).toEqual([
      [u1, ["weekly"]],
      [u2, ["new"]],
    ]);
    // End users do not segment themselves.
    const asUser = await q(TAGS, { ids: [u1] }, await as(u1));
    expect(firstError(asUser)).toMatchObject({ code: "FORBIDDEN" });
  });

  it("accountsExist tells known accounts from unknown ones, in the order asked", async () => {
    const [known] = (await register(1)) as [string];
    const nobody = uid("nobody");
    const r = await q<{ accountsExist: Array<{ userId: string; exists: boolean }> }>(
      "query($app: ID, $ids: [ID!]!) { accountsExist(app: $app, userIds: $ids) { userId exists error { code } } }",
      { ids: [nobody, known] },
    );
    if (!supported("CHECK_ACCOUNTS")) return expectGap(r, "CHECK_ACCOUNTS");
    expect(ok(r).accountsExist).toEqual([
      { userId: nobody, exists: false, error: null },
      { userId: known, exists: true, error: null },
    ]);
  });

  it("invalidateLogins answers per user, for admins only", async () => {
    const [u] = (await register(1)) as [string];
    const INVALIDATE =
      "mutation($app: ID, $ids: [ID!]!) { invalidateLogins(app: $app, userIds: $ids) { key ok error { code } } }";
    const asUser = await q(INVALIDATE, { ids: [u] }, await as(u));
    expect(firstError(asUser)).toMatchObject({ code: "FORBIDDEN" });
    const r = await q<{ invalidateLogins: unknown[] }>(INVALIDATE, { ids: [u] });
    if (!supported("INVALIDATE_LOGINS")) return expectGap(r, "INVALIDATE_LOGINS");
    expect(ok(r).invalidateLogins).toEqual([{ key: u, ok: true, error: null }]);
  });

  it("mutes users app-wide per scope, reads the mutes back and lifts them", async () => {
    const [u] = (await register(1)) as [string];
    const started = Date.now();
    const muted = await q(MUTE, { ids: [u], scopes: ["GROUPS"], d: 600 });
    if (!supported("MUTE_USERS")) return expectGap(muted, "MUTE_USERS");
    expect(ok(muted)).toEqual({ muteUsers: [{ key: u, ok: true, error: null }] });
    const read = await q<{ userMutes: Array<{ mutes: Array<{ scope: string; until: string }> }> }>(
      MUTES,
      { ids: [u] },
    );
    const [mute] = ok(read).userMutes[0]?.mutes ?? [];
    expect(mute?.scope).toBe("GROUPS");
    expect(Math.abs(Date.parse(mute?.until ?? "") - (started + 600_000))).toBeLessThan(120_000);
    ok(
      await q(
        "mutation($app: ID, $ids: [ID!]!) { unmuteUsers(app: $app, userIds: $ids, scopes: [GROUPS]) { ok } }",
        { ids: [u] },
      ),
    );
    expect(
      ok(await q<{ userMutes: Array<{ mutes: unknown[] }> }>(MUTES, { ids: [u] })).userMutes[0]
        ?.mutes,
    ).toEqual([]);
    // A one-to-one mute for a time: RongCloud's has no duration, and says so.
    const direct = await q(MUTE, { ids: [u], scopes: ["DIRECT"], d: 600 });
    if (app === "rongcloud") {
      expect(firstError(direct)).toMatchObject({ code: "UNSUPPORTED_BY_VENDOR" });
      expect(direct.errors?.[0]?.message).toMatch(/duration/);
    } else {
      expect(ok(direct)).toEqual({ muteUsers: [{ key: u, ok: true, error: null }] });
    }
  });

  it("friend groups: create with friends, move friends, delete — or the declared gap", async () => {
    const [me, f1, f2] = (await register(3)) as [string, string, string];
    const mine = await as(me);
    ok(
      await q(
        "mutation($app: ID, $u: ID!, $f: [FriendInput!]!) { addFriends(app: $app, userId: $u, friends: $f) { ok } }",
        { u: me, f: [{ userId: f1 }, { userId: f2 }] },
        mine,
      ),
    );
    const created = await q<{ createFriendGroups: Array<{ key: string; ok: boolean }> }>(
      'mutation($app: ID, $u: ID!, $f: [ID!]) { createFriendGroups(app: $app, userId: $u, names: ["work"], friendIds: $f) { key ok } }',
      { u: me, f: [f1] },
      mine,
    );
    if (!supported("CREATE_FRIEND_GROUPS")) return expectGap(created, "CREATE_FRIEND_GROUPS");
    expect(ok(created).createFriendGroups).toEqual([{ key: f1, ok: true }]);
    const moved = await q<{ addToFriendGroup: Array<{ ok: boolean }> }>(
      'mutation($app: ID, $u: ID!, $f: [ID!]!) { addToFriendGroup(app: $app, userId: $u, group: "work", friendIds: $f) { ok } }',
      { u: me, f: [f2] },
      mine,
    );
    expect(ok(moved).addToFriendGroup).toEqual([{ ok: true }]);
    const listed = await q<{ friendGroups: Array<{ name: string; friendIds: string[] }> }>(
      GROUPS,
      { u: me },
      mine,
    );
    expect(ok(listed).friendGroups.map((x) => [x.name, x.friendIds.sort()])).toEqual([
      ["work", [f1, f2].sort()],
    ]);
    const deleted = await q(
      'mutation($app: ID, $u: ID!) { deleteFriendGroups(app: $app, userId: $u, names: ["work"]) }',
      { u: me },
      mine,
    );
    expect(ok(deleted)).toEqual({ deleteFriendGroups: true });
    expect(ok(await q<{ friendGroups: unknown[] }>(GROUPS, { u: me }, mine)).friendGroups).toEqual(
      [],
    );
  });

  it("refuses bad input naming the field, before any vendor call", async () => {
    const [me] = (await register(1)) as [string];
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [
        SET_ATTRS,
        {
          u: me,
          a: [
            { key: "level", value: "1" },
            { key: "level", value: "2" },
          ],
        },
        "attributes",
      ],
      [tagChange("addUserTags"), { ids: [me], tags: [] }, "tags"],
      [MUTE, { ids: [me], scopes: ["GROUPS"], d: 0 }, "durationSeconds"],
      [MUTE, { ids: [me], scopes: [] }, "scopes"],
      [MUTES, { ids: [] }, "userIds"],
    ];
    await expectRefusedBeforeVendor(cases);
  });
});
