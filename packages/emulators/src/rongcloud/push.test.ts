import { describe, expect, it } from "vitest";
import { ok, rcClient } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

// Push notifications (docs/vendors/rongcloud.md "Push notifications"): /push.json to all,
// by tag or to listed users, with the broadcast service; /push/user.json to ≤100 users.

const BARE = { appKey: "bare", appSecret: "s" };
const fx = useRongCloud({ apps: [{ ...APP, features: { broadcast: true } }, BARE] });

const notification = { alert: "50% off", title: "Sale" };
const push = (audience: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  fx.rc.postJson("/push.json", { platform: ["ios", "android"], audience, notification, ...extra });
const register = async (...ids: string[]) => {
  for (const userId of ids) ok(await fx.rc.post("/user/getToken.json", { userId, name: userId }));
};
const tag = async (userId: string, tags: string[]) =>
  ok(await fx.rc.postJson("/user/tag/set.json", { userId, tags }));
const lastPush = () => fx.emu.pushes().at(-1);

describe("/push.json", () => {
  it("pushes to every registered user and answers the push's id", async () => {
    await register("a", "b");
    const answer = ok(await push({ is_to_all: true }));
    expect(answer.id).toMatch(/^[A-Za-z0-9]{22}$/);
    expect(lastPush()).toMatchObject({
      id: answer.id,
      path: "/push.json",
      title: "Sale",
      alert: "50% off",
      recipients: ["a", "b"],
    });
    // The state dump shows it too.
    expect((fx.emu.state(APP.appKey) as { pushes: unknown[] }).pushes).toHaveLength(1);
  });

  it("resolves tags from /user/tag/*: tag is AND, tag_or is OR, both apply together", async () => {
    await tag("a", ["bj", "vip"]);
    await tag("b", ["bj"]);
    await tag("c", ["sh", "vip"]);
    ok(await push({ is_to_all: false, tag: ["bj", "vip"] }));
    expect(lastPush()?.recipients).toEqual(["a"]);
    ok(await push({ is_to_all: false, tag_or: ["bj", "sh"] }));
    expect(lastPush()?.recipients).toEqual(["a", "b", "c"]);
    ok(await push({ is_to_all: false, tag: ["vip"], tag_or: ["sh", "gz"] }));
    expect(lastPush()?.recipients).toEqual(["c"]);
    // Listed users win over tags; is_to_all wins over everything.
    ok(await push({ is_to_all: false, tag: ["bj"], userid: ["x", "y"] }));
    expect(lastPush()?.recipients).toEqual(["x", "y"]);
    await register("r");
    ok(await push({ is_to_all: true, tag: ["bj"] }));
    expect(lastPush()?.recipients).toEqual(["r"]);
  });

  it("records a message sent with the push (fromuserid and message required together)", async () => {
    const message = { objectName: "RC:TxtMsg", content: '{"content":"hi"}' };
    ok(await push({ is_to_all: true }, { fromuserid: "sys", message }));
    expect(lastPush()?.message).toEqual({ fromUserId: "sys", ...message });
    expect((await push({ is_to_all: true }, { message })).body.code).toBe(1002);
  });

  it("checks platform, audience, alert, title and the tag and user counts (1002 / 1005)", async () => {
    const post = (body: Record<string, unknown>) => fx.rc.postJson("/push.json", body);
    const base = { platform: ["ios"], audience: { is_to_all: true }, notification };
    const code = async (body: Record<string, unknown>) => (await post(body)).body.code;
    expect(await code({ ...base, platform: undefined })).toBe(1002);
    expect(await code({ ...base, platform: ["windows"] })).toBe(1002);
    expect(await code({ ...base, platform: "ios" })).toBe(1002);
    expect(await code({ ...base, audience: undefined })).toBe(1002);
    expect(await code({ ...base, audience: { is_to_all: false } })).toBe(1002);
    expect(await code({ ...base, notification: { title: "t" } })).toBe(1002);
    expect(await code({ ...base, notification: { alert: "a", title: "x".repeat(51) } })).toBe(1005);
    const many = (n: number, p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    expect(await code({ ...base, audience: { is_to_all: false, tag: many(21, "t") } })).toBe(1002);
    expect(await code({ ...base, audience: { is_to_all: false, tag_or: ["a b"] } })).toBe(1002);
    expect(await code({ ...base, audience: { is_to_all: false, userid: many(1001, "u") } })).toBe(
      1002,
    );
    ok(await post({ ...base, platform: ["iOS", "Android", "HarmonyOS"] }));
    ok(await post({ ...base, notification: { alert: "a", title: "中".repeat(50) } }));
  });

  it("answers 430 / 1009 when the broadcast service is not enabled", async () => {
    const bare = rcClient({ url: fx.emu.url, ...BARE });
    const answer = await bare.postJson("/push.json", {
      platform: ["ios"],
      audience: { is_to_all: true },
      notification,
    });
    expect(answer).toMatchObject({ status: 430, body: { code: 1009 } });
    // /push/user.json needs no service.
    ok(
      await bare.postJson("/push/user.json", {
        userIds: ["a"],
        notification: { pushContent: "x" },
      }),
    );
  });
});

describe("/push/user.json", () => {
  it("pushes to the listed users (≤100) and answers no id", async () => {
    const answer = ok(
      await fx.rc.postJson("/push/user.json", {
        userIds: ["a", "b", "a"],
        notification: { title: "Hi", pushContent: "body", ios: { extras: { data: "x" } } },
      }),
    );
    expect(answer).toEqual({ code: 200 });
    expect(lastPush()).toMatchObject({
      id: null,
      path: "/push/user.json",
      title: "Hi",
      alert: "body",
      notification: { ios: { extras: { data: "x" } } },
      recipients: ["a", "b"],
    });
    const users = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
    const send = (userIds: unknown, n: Record<string, unknown> = { pushContent: "x" }) =>
      fx.rc.postJson("/push/user.json", { userIds, notification: n });
    expect((await send(users(101))).body.code).toBe(1002);
    expect((await send([])).body.code).toBe(1002);
    expect((await send(["a"], { title: "t" })).body.code).toBe(1002);
    expect((await send(["a"], { pushContent: "x", title: "x".repeat(51) })).body.code).toBe(1005);
    ok(await send(users(100)));
  });
});

describe("push rate limits", () => {
  const limited = useRongCloud({
    rateLimits: true,
    apps: [{ ...APP, features: { broadcast: true } }],
  });
  const freeze = () => limited.emu.setClock({ now: Date.UTC(2024, 0, 1, 1, 0, 0), frozen: true });
  const pushAll = () =>
    limited.rc.postJson("/push.json", {
      platform: ["ios"],
      audience: { is_to_all: true },
      notification,
    });

  it("counts /push.json with broadcasts: 2 an hour, 3 a calendar day (429 / 1008)", async () => {
    freeze();
    ok(
      await limited.rc.post("/message/broadcast.json", {
        fromUserId: "sys",
        objectName: "RC:TxtMsg",
        content: '{"content":"hi"}',
      }),
    );
    ok(await pushAll());
    expect(await pushAll()).toMatchObject({ status: 429, body: { code: 1008 } });
    limited.emu.setClock({ advanceMs: 3_600_000 });
    ok(await pushAll());
    limited.emu.setClock({ advanceMs: 3_600_000 });
    // The fourth of the (Beijing) day.
    expect((await pushAll()).body.code).toBe(1008);
  });

  it("counts /push/user.json in users: 100 a second", async () => {
    freeze();
    const send = (n: number) =>
      limited.rc.postJson("/push/user.json", {
        userIds: Array.from({ length: n }, (_, i) => `u${i}`),
        notification: { pushContent: "x" },
      });
    ok(await send(100));
    expect((await send(1)).body.code).toBe(1008);
    limited.emu.setClock({ advanceMs: 1000 });
    ok(await send(1));
  });
});
