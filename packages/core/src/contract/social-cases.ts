import { expect } from "vitest";
import type { Friend } from "../model/social.js";
import { collect, errorCode, expectAllOk, value } from "./expect.js";
import type { ContractKit } from "./kit.js";

/** Friends and blocklists: the same behaviour on every vendor that has them. */
export function socialCases({ adapter, harness, id, users, check, refuses }: ContractKit) {
  const friendsOf = async (userId: string): Promise<Friend[]> =>
    (await collect((cursor) => adapter().listFriends({ userId, limit: 2, cursor }))).sort((x, y) =>
      x.userId.localeCompare(y.userId),
    );
  const relation = async (userId: string, other: string) =>
    value((await adapter().checkFriends({ userId, userIds: [other] }))[0]);

  check("social.friends-add-and-list", ["addFriends", "listFriends"], async () => {
    const [owner, f1, f2, f3] = (await users(4, "f")) as [string, string, string, string];
    const added = await adapter().addFriends({
      userId: owner,
      friends: [{ userId: f1, alias: "Bee" }, { userId: f2 }, { userId: f3 }],
    });
    expect(added.map((r) => r.key)).toEqual([f1, f2, f3]);
    expectAllOk(added);
    // Pages of 2 over 3 friends: no friend twice, none lost.
    const friends = await friendsOf(owner);
    expect(friends.map((f) => f.userId)).toEqual([f1, f2, f3].sort());
    expect(friends.find((f) => f.userId === f1)?.alias).toBe("Bee");
    // A friendship added without oneWay is mutual.
    expect((await friendsOf(f2)).map((f) => f.userId)).toEqual([owner]);
    // Adding a friend again is done already (a resend after a lost answer does it).
    expectAllOk(await adapter().addFriends({ userId: owner, friends: [{ userId: f3 }] }));
    expect((await friendsOf(owner)).map((f) => f.userId)).toEqual([f1, f2, f3].sort());
  });

  check("social.friends-relations", ["addFriends", "checkFriends"], async () => {
    const [owner, mutual, stranger] = (await users(3, "r")) as [string, string, string];
    expectAllOk(await adapter().addFriends({ userId: owner, friends: [{ userId: mutual }] }));
    const answers = await adapter().checkFriends({ userId: owner, userIds: [mutual, stranger] });
    expect(answers.map((r) => [r.key, value(r)])).toEqual([
      [mutual, "MUTUAL"],
      [stranger, "NONE"],
    ]);
    expect(await relation(mutual, owner)).toBe("MUTUAL");
  });

  // Skipped (with the reason) by vendors whose friendships are always mutual.
  check("social.friends-one-way", ["addFriends", "deleteFriends", "checkFriends"], async () => {
    const [owner, outgoing, kept] = (await users(3, "o")) as [string, string, string];
    expectAllOk(
      await adapter().addFriends({ userId: owner, friends: [{ userId: outgoing }], oneWay: true }),
    );
    expect(await relation(owner, outgoing)).toBe("OUTGOING");
    expect(await relation(outgoing, owner)).toBe("INCOMING");
    expectAllOk(await adapter().addFriends({ userId: owner, friends: [{ userId: kept }] }));
    expectAllOk(await adapter().deleteFriends({ userId: owner, friendIds: [kept], oneWay: true }));
    // Deleted from the owner's list only: the other still has the owner.
    expect(await relation(owner, kept)).toBe("INCOMING");
  });

  check("social.friends-unknown-user", ["addFriends"], async () => {
    const [owner, known] = (await users(2, "n")) as [string, string];
    const nobody = id("nobody");
    const answers = await adapter().addFriends({
      userId: owner,
      friends: [{ userId: nobody }, { userId: known }],
    });
    expect(answers.map((r) => r.key)).toEqual([nobody, known]);
    expect(errorCode(answers[0])).toBe("NOT_FOUND");
    expect(answers[1]?.ok).toBe(true);
  });

  check("social.friends-beyond-call-limit", ["addFriends", "checkFriends"], async () => {
    const n = Math.min(adapter().limits.friendsPerCall * 2 + 1, 201);
    const [owner, ...others] = (await users(n + 1, "m")) as [string, ...string[]];
    const added = await adapter().addFriends({
      userId: owner,
      friends: others.map((userId) => ({ userId })),
    });
    expect(added.map((r) => r.key)).toEqual(others);
    expectAllOk(added);
    const relations = await adapter().checkFriends({ userId: owner, userIds: others });
    expect(relations.map(value)).toEqual(others.map(() => "MUTUAL"));
  });

  check("social.friends-update-and-get", ["updateFriends", "getFriends"], async () => {
    const [owner, friend, stranger] = (await users(3, "p")) as [string, string, string];
    expectAllOk(await adapter().addFriends({ userId: owner, friends: [{ userId: friend }] }));
    expectAllOk(
      await adapter().updateFriends({ userId: owner, friends: [{ userId: friend, alias: "Pal" }] }),
    );
    const got = await adapter().getFriends({ userId: owner, friendIds: [friend, stranger] });
    expect(value(got[0])).toMatchObject({ userId: friend, alias: "Pal" });
    expect(errorCode(got[1])).toBe("NOT_FOUND");
  });

  check("social.friends-delete", ["deleteFriends", "checkFriends"], async () => {
    const [owner, gone, kept] = (await users(3, "d")) as [string, string, string];
    expectAllOk(
      await adapter().addFriends({ userId: owner, friends: [{ userId: gone }, { userId: kept }] }),
    );
    expectAllOk(await adapter().deleteFriends({ userId: owner, friendIds: [gone] }));
    // Both ways by default; the other friend stays.
    expect(await relation(owner, gone)).toBe("NONE");
    expect(await relation(gone, owner)).toBe("NONE");
    expect(await relation(owner, kept)).toBe("MUTUAL");
  });

  check("social.friends-delete-all", ["deleteAllFriends", "listFriends"], async () => {
    const [owner, f1, f2] = (await users(3, "a")) as [string, string, string];
    expectAllOk(
      await adapter().addFriends({ userId: owner, friends: [{ userId: f1 }, { userId: f2 }] }),
    );
    await adapter().deleteAllFriends({ userId: owner });
    expect(await friendsOf(owner)).toEqual([]);
    expect(await friendsOf(f1)).toEqual([]);
  });

  check("social.friends-import", ["importFriends", "listFriends"], async () => {
    const [owner, friend] = (await users(2, "i")) as [string, string];
    const since = new Date("2021-03-04T05:06:07Z");
    expectAllOk(
      await adapter().importFriends({
        userId: owner,
        friends: [{ userId: friend, alias: "Old pal", addedAt: since }],
      }),
    );
    const [imported] = await friendsOf(owner);
    expect(imported).toMatchObject({ userId: friend, alias: "Old pal" });
    // Vendors keep seconds at least.
    expect(Math.abs((imported?.addedAt?.getTime() ?? 0) - since.getTime())).toBeLessThan(1000);
  });

  check("social.friends-invalid", ["addFriends", "deleteFriends", "checkFriends"], async () => {
    const [owner, other] = (await users(2, "x")) as [string, string];
    const a = adapter();
    await refuses(() => a.addFriends({ userId: owner, friends: [] }), "friends");
    await refuses(
      () => a.addFriends({ userId: owner, friends: [{ userId: owner }] }),
      "friends.userId[0]",
    );
    await refuses(
      () => a.addFriends({ userId: owner, friends: [{ userId: other, alias: "x".repeat(5000) }] }),
      "friends[0].alias",
    );
    await refuses(
      () =>
        a.addFriends({
          userId: owner,
          friends: [{ userId: other, attributes: { "not a key!": "v" } }],
        }),
      /^friends\[0\]\.attributes/,
    );
    await refuses(() => a.deleteFriends({ userId: "", friendIds: [other] }), "userId");
    await refuses(() => a.checkFriends({ userId: owner, userIds: [] }), "userIds");
  });

  // ------------------------------------------------------------- blocklist
  check("social.blocklist", ["blockUsers", "unblockUsers", "listBlockedUsers"], async () => {
    const [owner, b1, b2, b3] = (await users(4, "b")) as [string, string, string, string];
    const started = Date.now();
    const blocked = await adapter().blockUsers({ userId: owner, userIds: [b1, b2, b3] });
    expect(blocked.map((r) => r.key)).toEqual([b1, b2, b3]);
    expectAllOk(blocked);
    const list = async () =>
      (await collect((cursor) => adapter().listBlockedUsers({ userId: owner, limit: 2, cursor })))
        .map((b) => b)
        .sort((x, y) => x.userId.localeCompare(y.userId));
    const all = await list();
    expect(all.map((b) => b.userId)).toEqual([b1, b2, b3].sort());
    for (const entry of all) {
      if (entry.blockedAt) expect(entry.blockedAt.getTime()).toBeGreaterThan(started - 120_000);
    }
    expectAllOk(await adapter().unblockUsers({ userId: owner, userIds: [b2] }));
    expect((await list()).map((b) => b.userId)).toEqual([b1, b3].sort());
  });

  check("social.blocklist-check", ["blockUsers", "checkBlocked"], async () => {
    const [owner, blocked, free] = (await users(3, "c")) as [string, string, string];
    expectAllOk(await adapter().blockUsers({ userId: owner, userIds: [blocked] }));
    const answers = await adapter().checkBlocked({ userId: owner, userIds: [free, blocked] });
    expect(answers.map((r) => [r.key, value(r)])).toEqual([
      [free, false],
      [blocked, true],
    ]);
    // Blocking is one-way: the blocked user has not blocked the owner.
    expect(value((await adapter().checkBlocked({ userId: blocked, userIds: [owner] }))[0])).toBe(
      false,
    );
  });

  check("social.blocklist-invalid", ["blockUsers", "unblockUsers"], async () => {
    const [owner] = (await users(1, "v")) as [string];
    const a = adapter();
    await refuses(() => a.blockUsers({ userId: owner, userIds: [owner] }), "userIds[0]");
    await refuses(() => a.unblockUsers({ userId: owner, userIds: [] }), "userIds");
    const nobody = id("nobody");
    const answers = await a.blockUsers({ userId: owner, userIds: [nobody] });
    expect(errorCode(answers[0])).toBe("NOT_FOUND");
    void harness;
  });
}
