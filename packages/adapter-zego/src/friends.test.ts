import type { ImError, ItemResult } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { errorOf, requestCount, value, zegoSession } from "./testing/emulator.js";

// Friends over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

/** The vendor calls `run` made, by Action and body. */
async function calls(run: () => Promise<unknown>) {
  const after = requestCount(zego.emulator);
  await run();
  return zego.emulator.requests({ afterSeq: after }).map((r) => ({
    action: r.query.Action,
    body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {},
  }));
}

/** Expects `run` to fail with BAD_USER_INPUT on `field` without calling ZEGO. */
async function refusedLocally(run: () => Promise<unknown>, field: string | RegExp) {
  const before = requestCount(zego.emulator);
  const error = await run().then(
    () => undefined,
    (e: ImError) => e,
  );
  expect(error).toMatchObject({ code: "BAD_USER_INPUT" });
  expect(error?.field).toMatch(field);
  expect(requestCount(zego.emulator)).toBe(before);
}

describe("addFriends / importFriends", () => {
  it("sends 45 friends as AddFriends calls of at most 20, answered in input order", async () => {
    const [owner, ...others] = await zego.users(46);
    let answers: ItemResult<true>[] = [];
    const sent = await calls(async () => {
      answers = await zego.adapter.addFriends({
        userId: owner as string,
        friends: others.map((userId) => ({ userId })),
      });
    });
    expect(sent.map((c) => [c.action, (c.body.FriendInfos as unknown[]).length])).toEqual([
      ["AddFriends", 20],
      ["AddFriends", 20],
      ["AddFriends", 5],
    ]);
    expect(answers.map((r) => [r.key, r.ok])).toEqual(others.map((id) => [id, true]));
  });

  it("refuses oneWay before any call: ZIM's AddFriends is always mutual", async () => {
    const [owner, other] = (await zego.users(2)) as [string, string];
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.addFriends({ userId: owner, friends: [{ userId: other }], oneWay: true }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /both ways/ });
    expect(requestCount(zego.emulator)).toBe(before);
  });

  it("answers an existing friendship as done; sends attributes by their k0..k4 keys", async () => {
    const [owner, friend] = (await zego.users(2)) as [string, string];
    const sent = await calls(() =>
      zego.adapter.addFriends({
        userId: owner,
        friends: [{ userId: friend, alias: "Pal", attributes: { k0: "school", k3: "x" } }],
      }),
    );
    expect(sent[0]?.body.FriendInfos).toEqual([
      {
        UserId: friend,
        FriendAlias: "Pal",
        Attributes: [
          { Key: "k0", Value: "school" },
          { Key: "k3", Value: "x" },
        ],
      },
    ]);
    const again = await zego.adapter.addFriends({ userId: owner, friends: [{ userId: friend }] });
    expect(again).toEqual([{ key: friend, ok: true, value: true }]);
    const page = await zego.adapter.listFriends({ userId: owner });
    expect(page.items).toEqual([
      {
        userId: friend,
        alias: "Pal",
        attributes: { k0: "school", k3: "x" },
        addedAt: expect.any(Date),
      },
    ]);
  });

  it("checks inputs by ZIM's rules before any call", async () => {
    const [owner, other] = (await zego.users(2)) as [string, string];
    const a = zego.adapter;
    const friend = (extra: Record<string, unknown>) => [{ userId: other, ...extra }];
    await refusedLocally(
      () => a.addFriends({ userId: owner, friends: friend({ attributes: { k5: "v" } }) }),
      "friends[0].attributes.k5",
    );
    await refusedLocally(
      () =>
        a.addFriends({
          userId: owner,
          friends: friend({ attributes: { k0: "v".repeat(600), k1: "w".repeat(600) } }),
        }),
      "friends[0].attributes",
    );
    // 256 characters, not bytes: 257 ASCII characters are refused, 256 CJK ones pass.
    await refusedLocally(
      () => a.addFriends({ userId: owner, friends: friend({ alias: "x".repeat(257) }) }),
      "friends[0].alias",
    );
    await refusedLocally(
      () => a.addFriends({ userId: owner, friends: friend({ addedAt: new Date(0) }) }),
      "friends[0].addedAt",
    );
    await refusedLocally(
      () =>
        a.importFriends({
          userId: owner,
          friends: friend({ addedAt: new Date(Date.now() + 3_600_000) }),
        }),
      "friends[0].addedAt",
    );
    await refusedLocally(() => a.listFriends({ userId: owner, cursor: "nope" }), "cursor");
    const cjk = await a.addFriends({ userId: owner, friends: friend({ alias: "友".repeat(256) }) });
    expect(cjk[0]?.ok).toBe(true);
  });
});

describe("friend cap", () => {
  // An app whose friend lists hold 2 (ZIM's is 3000): the cap's code is what matters.
  const capped = zegoSession({ rateLimits: false, app: { friendLimit: 2 } });

  it("answers a friend past the cap VENDOR_REJECTED with ZIM's code 660800028", async () => {
    const [owner, ...others] = await capped.users(4);
    const answers = await capped.adapter.addFriends({
      userId: owner as string,
      friends: others.map((userId) => ({ userId })),
    });
    expect(answers.map((r) => r.ok)).toEqual([true, true, false]);
    expect(errorOf(answers[2])).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "zego",
      vendorCode: "660800028",
    });
  });
});

describe("updateFriends", () => {
  it("sets aliases in one call and attributes per friend, keeping other keys", async () => {
    const [owner, f1, f2] = (await zego.users(3)) as [string, string, string];
    await zego.adapter.addFriends({
      userId: owner,
      friends: [{ userId: f1, attributes: { k0: "keep" } }, { userId: f2 }],
    });
    const sent = await calls(async () => {
      const answers = await zego.adapter.updateFriends({
        userId: owner,
        friends: [
          { userId: f1, alias: "One", attributes: { k1: "new" } },
          { userId: f2, alias: "Two" },
        ],
      });
      expect(answers.map((r) => [r.key, r.ok])).toEqual([
        [f1, true],
        [f2, true],
      ]);
    });
    expect(sent.map((c) => c.action)).toEqual(["UpdateFriendsAlias", "UpdateFriendAttributes"]);
    const page = await zego.adapter.listFriends({ userId: owner });
    const byId = Object.fromEntries(page.items.map((f) => [f.userId, f]));
    expect(byId[f1]).toMatchObject({ alias: "One", attributes: { k0: "keep", k1: "new" } });
    expect(byId[f2]).toMatchObject({ alias: "Two", attributes: {} });
  });

  it("answers per friend: not a friend NOT_FOUND, stored attributes over 1024 bytes refused", async () => {
    const [owner, friend, stranger] = (await zego.users(3)) as [string, string, string];
    await zego.adapter.addFriends({
      userId: owner,
      friends: [{ userId: friend, attributes: { k0: "x".repeat(1000) } }],
    });
    const answers = await zego.adapter.updateFriends({
      userId: owner,
      friends: [
        { userId: stranger, alias: "S" },
        { userId: friend, attributes: { k1: "y".repeat(100) } },
      ],
    });
    expect(errorOf(answers[0])).toMatchObject({ code: "NOT_FOUND", vendorCode: "660800034" });
    expect(errorOf(answers[1])).toMatchObject({
      code: "VENDOR_REJECTED",
      vendorCode: "660800024",
    });
  });
});

describe("deleteFriends / checkFriends / listFriends", () => {
  it("deletes one way: the friend keeps the owner", async () => {
    const [owner, friend] = (await zego.users(2)) as [string, string];
    await zego.adapter.addFriends({ userId: owner, friends: [{ userId: friend }] });
    const sent = await calls(() =>
      zego.adapter.deleteFriends({ userId: owner, friendIds: [friend], oneWay: true }),
    );
    expect(sent[0]?.body).toMatchObject({ DeleteType: 1 });
    expect(value((await zego.adapter.checkFriends({ userId: owner, userIds: [friend] }))[0])).toBe(
      "INCOMING",
    );
    expect(value((await zego.adapter.checkFriends({ userId: friend, userIds: [owner] }))[0])).toBe(
      "OUTGOING",
    );
  });

  it("answers someone not a friend NOT_FOUND and an unknown user NOT_FOUND", async () => {
    const [owner, stranger] = (await zego.users(2)) as [string, string];
    const deleted = await zego.adapter.deleteFriends({ userId: owner, friendIds: [stranger] });
    expect(errorOf(deleted[0])).toMatchObject({ code: "NOT_FOUND", vendorCode: "660800034" });
    const nobody = zego.id("nobody");
    const checked = await zego.adapter.checkFriends({ userId: owner, userIds: [nobody] });
    expect(errorOf(checked[0])).toMatchObject({ code: "NOT_FOUND" });
  });

  it("pages a friend list with the page size asked for", async () => {
    const [owner, ...others] = await zego.users(6);
    await zego.adapter.addFriends({
      userId: owner as string,
      friends: others.map((userId) => ({ userId })),
    });
    const first = await zego.adapter.listFriends({ userId: owner as string, limit: 4 });
    expect(first.items).toHaveLength(4);
    const second = await zego.adapter.listFriends({
      userId: owner as string,
      limit: 4,
      cursor: first.nextCursor,
    });
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((f) => f.userId).sort()).toEqual(others.sort());
  });
});
