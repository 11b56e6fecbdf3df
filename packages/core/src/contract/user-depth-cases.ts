import { expect } from "vitest";
import type { UserMute } from "../model/user.js";
import { errorCode, expectAllOk, value } from "./expect.js";
import type { ContractKit } from "./kit.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sorted = (tags: string[]) => [...tags].sort();

/**
 * What an app keeps about a user beyond the profile (attributes, push tags), account checks,
 * login invalidation and app-wide mutes: the same behaviour on every vendor that has them.
 * Attribute keys here ("level", "city") are ones every adapter's contract test declares.
 */
export function userDepthCases({ adapter, harness, id, users, check, refuses }: ContractKit) {
  const attributesOf = async (userId: string) =>
    value((await adapter().getUserAttributes([userId]))[0]);
  const tagsOf = async (userIds: string[]) =>
    (await adapter().getUserTags(userIds)).map((r) => sorted(value(r)));
  const mutesOf = async (userId: string): Promise<UserMute[]> =>
    value((await adapter().getUserMutes([userId]))[0]).sort((x, y) =>
      x.scope.localeCompare(y.scope),
    );

  // ------------------------------------------------------------ attributes
  check(
    "users.attributes",
    ["setUserAttributes", "getUserAttributes", "removeUserAttributes"],
    async () => {
      const [u, bare] = (await users(2, "t")) as [string, string];
      await adapter().setUserAttributes({ userId: u, attributes: { level: "3", city: "SZ" } });
      expect(await attributesOf(u)).toEqual({ level: "3", city: "SZ" });
      // Setting some keys keeps the others.
      await adapter().setUserAttributes({ userId: u, attributes: { level: "4" } });
      expect(await attributesOf(u)).toEqual({ level: "4", city: "SZ" });
      await adapter().removeUserAttributes({ userId: u, keys: ["city"] });
      expect(await attributesOf(u)).toEqual({ level: "4" });
      // Answered per user, in order; a user with none has {}.
      const both = await adapter().getUserAttributes([bare, u]);
      expect(both.map((r) => [r.key, value(r)])).toEqual([
        [bare, {}],
        [u, { level: "4" }],
      ]);
    },
  );

  check("users.attributes-invalid", ["setUserAttributes", "removeUserAttributes"], async () => {
    const [u] = (await users(1, "i")) as [string];
    const a = adapter();
    await refuses(() => a.setUserAttributes({ userId: u, attributes: {} }), "attributes");
    await refuses(
      () => a.setUserAttributes({ userId: u, attributes: { "not a key!": "v" } }),
      /^attributes\./,
    );
    // Longer than any vendor keeps (Tencent 500 bytes, RongCloud 256 characters).
    await refuses(
      () => a.setUserAttributes({ userId: u, attributes: { level: "x".repeat(2000) } }),
      "attributes.level",
    );
    await refuses(() => a.removeUserAttributes({ userId: u, keys: [] }), "keys");
    await refuses(() => a.setUserAttributes({ userId: "", attributes: { level: "1" } }), "userId");
  });

  // ------------------------------------------------------------------ tags
  check("users.tags", ["addUserTags", "getUserTags", "removeUserTags", "setUserTags"], async () => {
    const [u1, u2] = (await users(2, "g")) as [string, string];
    expectAllOk(await adapter().addUserTags({ userIds: [u1, u2], tags: ["gold", "weekly"] }));
    expect(await tagsOf([u1, u2])).toEqual([
      ["gold", "weekly"],
      ["gold", "weekly"],
    ]);
    // Adding keeps what the user has.
    expectAllOk(await adapter().addUserTags({ userIds: [u1], tags: ["vip"] }));
    expectAllOk(await adapter().removeUserTags({ userIds: [u1], tags: ["gold"] }));
    expect(await tagsOf([u1])).toEqual([["vip", "weekly"]]);
    // Setting replaces; setting none clears.
    expectAllOk(await adapter().setUserTags({ userIds: [u2], tags: ["new"] }));
    expect(await tagsOf([u2])).toEqual([["new"]]);
    expectAllOk(await adapter().setUserTags({ userIds: [u1, u2], tags: [] }));
    expect(await tagsOf([u1, u2])).toEqual([[], []]);
  });

  check("users.tags-invalid", ["addUserTags", "setUserTags"], async () => {
    const [u] = (await users(1, "j")) as [string];
    const a = adapter();
    await refuses(() => a.addUserTags({ userIds: [u], tags: [] }), "tags");
    await refuses(() => a.addUserTags({ userIds: [], tags: ["gold"] }), "userIds");
    await refuses(() => a.addUserTags({ userIds: [u], tags: ["x".repeat(51)] }), "tags[0]");
    await refuses(() => a.setUserTags({ userIds: [""], tags: ["gold"] }), "userIds[0]");
  });

  // ------------------------------------------------------ accounts, logins
  check("users.account-check", ["checkAccounts"], async () => {
    const [known] = (await users(1, "k")) as [string];
    const nobody = id("nobody");
    const answers = await adapter().checkAccounts([nobody, known]);
    expect(answers.map((r) => [r.key, value(r)])).toEqual([
      [nobody, false],
      [known, true],
    ]);
    await refuses(() => adapter().checkAccounts([]), "userIds");
  });

  check("users.logins-invalidate", ["invalidateLogins", "issueChatCredential"], async () => {
    const [u, other] = (await users(2, "l")) as [string, string];
    const before = await adapter().issueChatCredential({ userId: u });
    const untouched = await adapter().issueChatCredential({ userId: other });
    expect(await harness().verifyChatCredential(before)).toBe(true);
    // Credentials carry times in whole seconds: invalidate in a later second than the issue.
    await sleep(1100);
    expectAllOk(await adapter().invalidateLogins([u]));
    expect(await harness().verifyChatCredential(before)).toBe(false);
    expect(await harness().verifyChatCredential(untouched)).toBe(true);
    // A credential issued afterwards works again.
    await sleep(1100);
    const after = await adapter().issueChatCredential({ userId: u });
    expect(await harness().verifyChatCredential(after)).toBe(true);
    await refuses(() => adapter().invalidateLogins([]), "userIds");
  });

  // ----------------------------------------------------------------- mutes
  check("moderation.user-mute", ["muteUsers", "getUserMutes", "unmuteUsers"], async () => {
    const [muted, free] = (await users(2, "m")) as [string, string];
    const started = Date.now();
    expectAllOk(
      await adapter().muteUsers({ userIds: [muted], scopes: ["GROUPS"], durationSeconds: 3600 }),
    );
    expectAllOk(await adapter().muteUsers({ userIds: [muted], scopes: ["DIRECT"] }));
    const mutes = await mutesOf(muted);
    expect(mutes.map((m) => m.scope)).toEqual(["DIRECT", "GROUPS"]);
    expect(mutes[0]?.until).toBeNull();
    // Vendors keep minutes or seconds: an hour from now, give or take two minutes.
    const until = mutes[1]?.until?.getTime() ?? 0;
    expect(Math.abs(until - (started + 3_600_000))).toBeLessThan(120_000);
    expect(await mutesOf(free)).toEqual([]);
    expectAllOk(await adapter().unmuteUsers({ userIds: [muted], scopes: ["GROUPS"] }));
    expect((await mutesOf(muted)).map((m) => m.scope)).toEqual(["DIRECT"]);
    expectAllOk(await adapter().unmuteUsers({ userIds: [muted], scopes: ["DIRECT", "GROUPS"] }));
    expect(await mutesOf(muted)).toEqual([]);
  });

  check("moderation.user-mute-invalid", ["muteUsers", "unmuteUsers"], async () => {
    const [u] = (await users(1, "n")) as [string];
    const a = adapter();
    await refuses(() => a.muteUsers({ userIds: [u], scopes: [] }), "scopes");
    await refuses(
      () => a.muteUsers({ userIds: [u], scopes: ["EVERYWHERE" as "DIRECT"] }),
      "scopes[0]",
    );
    await refuses(
      () => a.muteUsers({ userIds: [u], scopes: ["GROUPS"], durationSeconds: 0 }),
      "durationSeconds",
    );
    await refuses(() => a.unmuteUsers({ userIds: [], scopes: ["GROUPS"] }), "userIds");
  });

  // --------------------------------------------------------- friend groups
  check(
    "social.friend-groups",
    [
      "createFriendGroups",
      "listFriendGroups",
      "addToFriendGroup",
      "removeFromFriendGroup",
      "deleteFriendGroups",
    ],
    async () => {
      const [owner, f1, f2, stranger] = (await users(4, "q")) as [string, string, string, string];
      expectAllOk(
        await adapter().addFriends({ userId: owner, friends: [{ userId: f1 }, { userId: f2 }] }),
      );
      const groups = async () =>
        (await adapter().listFriendGroups({ userId: owner }))
          .map((g) => [g.name, sorted(g.friendIds)])
          .sort((x, y) => String(x[0]).localeCompare(String(y[0])));
      const created = await adapter().createFriendGroups({
        userId: owner,
        names: ["work", "family"],
        friendIds: [f1, stranger],
      });
      expect(created.map((r) => r.key)).toEqual([f1, stranger]);
      expect(created[0]?.ok).toBe(true);
      // Only friends can be put in a friend group.
      expect(errorCode(created[1])).toBe("NOT_FOUND");
      expect(await groups()).toEqual([
        ["family", [f1]],
        ["work", [f1]],
      ]);
      expectAllOk(
        await adapter().addToFriendGroup({ userId: owner, group: "work", friendIds: [f2] }),
      );
      expectAllOk(
        await adapter().removeFromFriendGroup({ userId: owner, group: "family", friendIds: [f1] }),
      );
      expect(await groups()).toEqual([
        ["family", []],
        ["work", sorted([f1, f2])],
      ]);
      await adapter().deleteFriendGroups({ userId: owner, names: ["family"] });
      expect(await groups()).toEqual([["work", sorted([f1, f2])]]);
      // Deleting a group keeps the friends.
      const relation = await adapter().checkFriends({ userId: owner, userIds: [f1] });
      expect(value(relation[0])).toBe("MUTUAL");
    },
  );

  check(
    "social.friend-groups-invalid",
    ["createFriendGroups", "addToFriendGroup", "deleteFriendGroups"],
    async () => {
      const [owner, friend] = (await users(2, "w")) as [string, string];
      const a = adapter();
      await refuses(() => a.createFriendGroups({ userId: owner, names: [] }), "names");
      await refuses(() => a.createFriendGroups({ userId: owner, names: [""] }), "names[0]");
      await refuses(
        () => a.createFriendGroups({ userId: owner, names: ["x".repeat(200)] }),
        "names[0]",
      );
      await refuses(() => a.deleteFriendGroups({ userId: "", names: ["work"] }), "userId");
      await refuses(
        () => a.addToFriendGroup({ userId: owner, group: "work", friendIds: [] }),
        "friendIds",
      );
      // A group that does not exist: NOT_FOUND for the call, not a silent new group.
      expectAllOk(await a.addFriends({ userId: owner, friends: [{ userId: friend }] }));
      const missing = await a
        .addToFriendGroup({ userId: owner, group: id("nogroup"), friendIds: [friend] })
        .then(
          () => null,
          (e: { code?: string }) => e.code,
        );
      expect(missing).toBe("NOT_FOUND");
    },
  );
}
