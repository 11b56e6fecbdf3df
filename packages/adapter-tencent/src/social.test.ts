// Friends and blocklists beyond the shared contract, over HTTP against the Tencent emulator.
import type { ImError, ItemResult } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter } from "./testing/emulator.js";

const env = emulatorWithAdapter({ friendAttributes: ["Note"] });

function value<T>(r: ItemResult<T> | undefined): T {
  if (!r?.ok) throw r?.error ?? new Error("no result");
  return r.value;
}
const failure = (r: ItemResult<unknown> | undefined): ImError => {
  if (!r || r.ok) throw new Error(`expected a failed item, got ${JSON.stringify(r)}`);
  return r.error;
};
const users = (count: number) => env.seedUsers(count, "s");
const calls = (command: string) => env.emulator.requests({ route: `v4/sns/${command}` }).length;

describe("batches", () => {
  it("splits friends at 100 per call and answers in input order", async () => {
    const [owner, ...others] = users(251) as [string, ...string[]];
    const adds = calls("friend_add");
    const added = await env.adapter.addFriends({
      userId: owner,
      friends: others.map((userId) => ({ userId })),
    });
    expect(calls("friend_add") - adds).toBe(3);
    expect(added.map((r) => r.key)).toEqual(others);
    const checks = calls("friend_check");
    const relations = await env.adapter.checkFriends({ userId: owner, userIds: others });
    expect(calls("friend_check") - checks).toBe(3);
    expect(relations.map(value)).toEqual(others.map(() => "MUTUAL"));
  });

  it("splits blocklists at 1000 per call; a full blocklist is VENDOR_REJECTED with 30013", async () => {
    const [owner, ...others] = users(1002) as [string, ...string[]];
    const before = calls("black_list_add");
    const answers = await env.adapter.blockUsers({ userId: owner, userIds: others });
    expect(calls("black_list_add") - before).toBe(2);
    expect(answers.slice(0, 1000).every((r) => r.ok)).toBe(true);
    const error = failure(answers[1000]);
    expect(error).toMatchObject({
      code: "VENDOR_REJECTED",
      vendor: "tencent",
      vendorCode: "30013",
    });
    // The last one was answered too (the vendor answers per item, in order).
    expect(answers[1000]?.key).toBe(others[1000]);
  });
});

describe("vendor caps and codes", () => {
  it("a full friend list (3000) is VENDOR_REJECTED with 30010", async () => {
    const [owner, ...others] = users(3002) as [string, ...string[]];
    const imported = await env.adapter.importFriends({
      userId: owner,
      friends: others.slice(0, 3000).map((userId) => ({ userId })),
      oneWay: true,
    });
    expect(imported.every((r) => r.ok)).toBe(true);
    const [answer] = await env.adapter.addFriends({
      userId: owner,
      friends: [{ userId: others[3000] as string }],
    });
    expect(failure(answer)).toMatchObject({ code: "VENDOR_REJECTED", vendorCode: "30010" });
  });

  it("adding a friend again is done already (30001 Friend_Exist); not a friend is NOT_FOUND on get, update, delete", async () => {
    const [owner, friend, stranger] = users(3) as [string, string, string];
    value((await env.adapter.addFriends({ userId: owner, friends: [{ userId: friend }] }))[0]);
    const [again] = await env.adapter.addFriends({ userId: owner, friends: [{ userId: friend }] });
    expect(value(again)).toBe(true);
    const [got] = await env.adapter.getFriends({ userId: owner, friendIds: [stranger] });
    expect(failure(got)).toMatchObject({ code: "NOT_FOUND", vendorCode: "31211" });
    const [updated] = await env.adapter.updateFriends({
      userId: owner,
      friends: [{ userId: stranger, alias: "x" }],
    });
    expect(failure(updated).code).toBe("NOT_FOUND");
    const [deleted] = await env.adapter.deleteFriends({ userId: owner, friendIds: [stranger] });
    expect(failure(deleted)).toMatchObject({ code: "NOT_FOUND", vendorCode: "31704" });
  });
});

describe("friend data", () => {
  it("writes attributes by a friend_update after friend_add and reads them back by their key", async () => {
    const [owner, friend] = users(2) as [string, string];
    const updates = calls("friend_update");
    const [added] = await env.adapter.addFriends({
      userId: owner,
      friends: [{ userId: friend, alias: "Pal", attributes: { Note: "met at work" } }],
    });
    value(added);
    expect(calls("friend_update") - updates).toBe(1);
    const [listed] = (await env.adapter.listFriends({ userId: owner })).items;
    expect(listed).toMatchObject({
      userId: friend,
      alias: "Pal",
      attributes: { Note: "met at work" },
    });
    expect(listed?.addedAt).toBeInstanceOf(Date);
    const [got] = await env.adapter.getFriends({ userId: owner, friendIds: [friend] });
    expect(value(got)).toEqual(listed);
  });

  it("imports both ways unless oneWay, with the original time", async () => {
    const [owner, mutual, single] = users(3) as [string, string, string];
    const since = new Date("2020-01-02T03:04:05Z");
    await env.adapter.importFriends({
      userId: owner,
      friends: [{ userId: mutual, addedAt: since, attributes: { Note: "n" } }],
    });
    await env.adapter.importFriends({ userId: owner, friends: [{ userId: single }], oneWay: true });
    const relations = await env.adapter.checkFriends({ userId: owner, userIds: [mutual, single] });
    expect(relations.map(value)).toEqual(["MUTUAL", "OUTGOING"]);
    const [back] = (await env.adapter.listFriends({ userId: mutual })).items;
    expect(back?.addedAt).toEqual(since);
  });

  it("blocking ends a friendship both ways; blocking twice and unblocking twice are ok", async () => {
    const [owner, friend] = users(2) as [string, string];
    value((await env.adapter.addFriends({ userId: owner, friends: [{ userId: friend }] }))[0]);
    value((await env.adapter.blockUsers({ userId: friend, userIds: [owner] }))[0]);
    value((await env.adapter.blockUsers({ userId: friend, userIds: [owner] }))[0]);
    expect(value((await env.adapter.checkFriends({ userId: owner, userIds: [friend] }))[0])).toBe(
      "NONE",
    );
    value((await env.adapter.unblockUsers({ userId: friend, userIds: [owner] }))[0]);
    value((await env.adapter.unblockUsers({ userId: friend, userIds: [owner] }))[0]);
    expect(value((await env.adapter.checkBlocked({ userId: friend, userIds: [owner] }))[0])).toBe(
      false,
    );
  });
});

describe("bad input", () => {
  it("is BAD_USER_INPUT naming the field, with no vendor call", async () => {
    const [owner, other] = users(2) as [string, string];
    const before = env.requestCount();
    const field = async (run: () => Promise<unknown>) => {
      const error = (await run().then(
        () => undefined,
        (e: unknown) => e,
      )) as ImError | undefined;
      expect(error?.code).toBe("BAD_USER_INPUT");
      return error?.field;
    };
    // Keys are the keyword alone: Tencent's prefix is ours to add.
    expect(
      await field(() =>
        env.adapter.addFriends({
          userId: owner,
          friends: [{ userId: other, attributes: { Tag_SNS_Custom_Note: "v" } }],
        }),
      ),
    ).toBe("friends[0].attributes.Tag_SNS_Custom_Note");
    expect(
      await field(() =>
        env.adapter.updateFriends({
          userId: owner,
          friends: [{ userId: other, alias: "é".repeat(49) }],
        }),
      ),
    ).toBe("friends[0].alias");
    expect(
      await field(() =>
        env.adapter.importFriends({
          userId: owner,
          friends: [{ userId: other, addedAt: new Date(Number.NaN) }],
        }),
      ),
    ).toBe("friends[0].addedAt");
    // Tencent would keep a friendship from the future (ZEGO refuses one, 660800046).
    for (const addedAt of [new Date(Date.now() + 3_600_000), new Date(-1000)]) {
      expect(
        await field(() =>
          env.adapter.importFriends({ userId: owner, friends: [{ userId: other, addedAt }] }),
        ),
      ).toBe("friends[0].addedAt");
    }
    expect(
      await field(() => env.adapter.getFriends({ userId: owner, friendIds: [other, owner] })),
    ).toBe("friendIds[1]");
    expect(await field(() => env.adapter.checkBlocked({ userId: owner, userIds: [] }))).toBe(
      "userIds",
    );
    expect(
      await field(() => env.adapter.listBlockedUsers({ userId: owner, cursor: "nonsense" })),
    ).toBe("cursor");
    expect(env.requestCount()).toBe(before);
  });
});
