import { describe, expect, it } from "vitest";
import { type Form, message, ok, textMessage } from "../testing/rongcloud-client.js";
import { queryHistory } from "../testing/rongcloud-messages.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud({
  apps: [
    { ...APP, features: { broadcast: true, chatroomBroadcast: true, msgRandom: true } },
    { appKey: "bare", appSecret: "s", features: { cloudStorage: false } },
  ],
});
const UID = /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/;
const txt = (content: string) => JSON.stringify({ content });
const ids = (n: number) => Array.from({ length: n }, (_, i) => `u${i}`);
const history = (kind: string, q: Record<string, unknown>) => queryHistory(fx, kind, q);

describe("publish endpoints (§2.3.2)", () => {
  it("private publish: one UID per recipient, stored for history", async () => {
    const body = ok(await fx.rc.publish("private", { toUserId: ["b", "c"], ...textMessage("hi") }));
    expect(body.messageUIDs).toEqual([
      { userId: "b", messageUID: expect.stringMatching(UID) },
      { userId: "c", messageUID: expect.stringMatching(UID) },
    ]);
    expect(body.messageUIDs[0].messageUID).not.toBe(body.messageUIDs[1].messageUID);
    const h = ok(await history("private", { userId: "b", targetId: "a" }));
    expect(h.data).toEqual([
      expect.objectContaining({
        fromUserId: "a",
        targetId: "b",
        messageUID: body.messageUIDs[0].messageUID,
        ...textMessage("hi"),
      }),
    ]);
    expect(typeof h.data[0].msgTime).toBe("number");
  });

  it("status messages are not stored", async () => {
    const typing = message({ objectName: "RC:TypSts", content: "{}" });
    const s = ok(
      await fx.rc.post("/statusmessage/private/publish.json", { ...typing, toUserId: "b" }),
    );
    expect(s.messageUIDs).toHaveLength(1);
    ok(await fx.rc.post("/statusmessage/group/publish.json", { ...typing, toGroupId: "g" }));
    expect(ok(await history("private", { userId: "a", targetId: "b" })).data).toEqual([]);
    expect(ok(await history("group", { userId: "a", targetId: "g" })).data).toEqual([]);
  });

  it("group publish: ≤3 groups, targeted to one group only, mentions need mentionedInfo", async () => {
    const mention = (content: string) =>
      ({ toGroupId: "g1", isMentioned: 1, objectName: "RC:TxtMsg", content }) as const;
    const mentioned = JSON.stringify({
      content: "@b",
      mentionedInfo: { type: 2, userIdList: ["b"] },
    });
    const g = ok(await fx.rc.publish("group", { toGroupId: ["g1", "g2"], ...textMessage("yo") }));
    expect(g.messageUIDs.map((e: { groupId: string }) => e.groupId)).toEqual(["g1", "g2"]);
    // more than 3 groups; a targeted send to more than one group; a mention without mentionedInfo
    for (const form of [
      { toGroupId: ["g1", "g2", "g3", "g4"] },
      { toGroupId: ["g1", "g2"], toUserId: "b" },
      mention(txt("@b")),
    ]) {
      expect((await fx.rc.publish("group", form)).body.code).toBe(1002);
    }
    ok(await fx.rc.publish("group", { toGroupId: "g1", toUserId: ["b"] }));
    ok(await fx.rc.publish("group", mention(mentioned)));
    // targeted sends are not in cloud history by default
    expect(
      ok(await history("group", { userId: "a", targetId: "g1" })).data.map(
        (m: { content: string }) => m.content,
      ),
    ).toEqual([txt("yo"), mentioned]);
  });

  it("server API sends ignore group mutes and membership (§5 rows 17-18)", async () => {
    ok(await fx.rc.post("/group/ban/add.json", { groupId: "g1" }));
    ok(await fx.rc.post("/group/user/gag/add.json", { userId: "a", groupId: "g1", minute: 0 }));
    ok(await fx.rc.publish("group", { toGroupId: "g1", ...textMessage("x") }));
  });

  it("system publish: ≤100 recipients", async () => {
    const s = ok(
      await fx.rc.publish("system", {
        fromUserId: "sys",
        toUserId: ["a", "b"],
        ...textMessage("n"),
      }),
    );
    expect(s.messageUIDs.map((e: { userId: string }) => e.userId)).toEqual(["a", "b"]);
    expect(
      (await fx.rc.publish("system", { fromUserId: "sys", toUserId: ids(101) })).body.code,
    ).toBe(1002);
  });

  it("private publish: ≤1000 recipients, content ≤128 KB, objectName ≤32, JSON content for RC: types", async () => {
    const base = { objectName: "X:Custom", toUserId: "b" };
    const refused: [Form, number][] = [
      [{ toUserId: ids(1001) }, 1002],
      [{ objectName: "X".repeat(33) }, 1005],
      [{ objectName: "RC:TxtMsg", content: "not json" }, 1002],
      [{ isPersisted: 2 }, 1002],
      [{ disablePush: "maybe" }, 1002],
      [{ count: 10000 }, 1002],
    ];
    for (const [form, code] of refused) {
      expect((await fx.rc.publish("private", { ...base, ...form })).body.code).toBe(code);
    }
    expect(
      ok(await fx.rc.publish("private", { ...base, toUserId: ids(1000) })).messageUIDs,
    ).toHaveLength(1000);
    const big = await fx.rc.publish("private", { ...base, content: "x".repeat(128 * 1024 + 1) });
    expect(big.body).toMatchObject({ code: 1005 });
    expect(big.body.errorMessage).toContain("content");
    ok(await fx.rc.publish("private", { ...base, content: "x".repeat(128 * 1024) }));
    // an unknown RC: type is accepted (§5 row 12); custom content can be anything
    ok(await fx.rc.publish("private", { ...base, objectName: "RC:Whatever", content: "{}" }));
    for (const missing of ["fromUserId", "objectName", "content"]) {
      const form = message(base);
      delete form[missing];
      const r = await fx.rc.post("/message/private/publish.json", form);
      expect(r.body.code).toBe(1002);
      expect(r.body.errorMessage).toContain(missing);
    }
  });

  it("isPersisted=0 keeps a message out of history; verifyBlacklist=1 honours the recipient's blacklist", async () => {
    ok(await fx.rc.publish("private", { toUserId: "b", content: "gone", isPersisted: 0 }));
    fx.emu.seed({ users: [{ userId: "a" }, { userId: "b" }] });
    ok(await fx.rc.post("/user/blacklist/add.json", { userId: "b", blackUserId: "a" }));
    const r = ok(
      await fx.rc.publish("private", { toUserId: ["b", "c"], content: "bl", verifyBlacklist: 1 }),
    );
    expect(r.messageUIDs).toHaveLength(2); // still answered 200 with UIDs
    ok(await fx.rc.publish("private", { toUserId: "b", content: "default" }));
    const contents = async (targetId: string) =>
      ok(await history("private", { userId: "a", targetId })).data.map(
        (m: { content: string }) => m.content,
      );
    expect(await contents("b")).toEqual(["default"]);
    expect(await contents("c")).toEqual(["bl"]);
  });

  it("msgRandom: a repeat within 60 s is refused, accepted after", async () => {
    const form = { toUserId: "b", msgRandom: 42 };
    ok(await fx.rc.publish("private", form));
    const dup = await fx.rc.publish("private", form);
    expect(dup.body.code).toBe(1002);
    expect(dup.body.errorMessage).toContain("msgRandom");
    ok(await fx.rc.publish("private", { ...form, msgRandom: 43 }));
    fx.emu.setClock({ advanceMs: 60_001 });
    ok(await fx.rc.publish("private", form));
  });
});

describe("templates (JSON)", () => {
  it("renders one message per recipient from values[]", async () => {
    const r = ok(
      await fx.rc.postJson("/message/private/publish_template.json", {
        fromUserId: "a",
        objectName: "RC:TxtMsg",
        content: JSON.stringify({ content: "Hello {name}, code {c}" }),
        toUserId: ["b", "c"],
        values: [
          { "{name}": "Bob", "{c}": "1" },
          { name: "Cy", c: 2 },
        ],
        pushContent: ["p1", "p2"],
        pushData: ["d1", "d2"],
      }),
    );
    expect(r.messageUIDs.map((e: { userId: string }) => e.userId)).toEqual(["b", "c"]);
    const hb = ok(await history("private", { userId: "b", targetId: "a" })).data;
    expect(JSON.parse(hb[0].content)).toEqual({ content: "Hello Bob, code 1" });
    const hc = ok(await history("private", { userId: "c", targetId: "a" })).data;
    expect(JSON.parse(hc[0].content)).toEqual({ content: "Hello Cy, code 2" });
  });

  it("validates values/pushContent lengths and recipient counts", async () => {
    const base = { fromUserId: "a", objectName: "X:Y", content: "{c}", toUserId: ["b", "c"] };
    expect(
      (
        await fx.rc.postJson("/message/private/publish_template.json", {
          ...base,
          values: [{ c: 1 }],
        })
      ).body.code,
    ).toBe(1002);
    expect(
      (
        await fx.rc.postJson("/message/private/publish_template.json", {
          ...base,
          values: [{}, {}],
          pushContent: ["x"],
        })
      ).body.code,
    ).toBe(1002);
    const sys = await fx.rc.postJson("/message/system/publish_template.json", {
      ...base,
      toUserId: ids(101),
      values: ids(101).map(() => ({})),
    });
    expect(sys.body.code).toBe(1002);
    ok(
      await fx.rc.postJson("/message/system/publish_template.json", {
        ...base,
        values: [{ c: 1 }, { c: 2 }],
      }),
    );
    expect(
      (await fx.rc.postJson("/message/private/publish_template.json", "{not json")).body.code,
    ).toBe(1002);
  });
});

describe("broadcasts and chatrooms", () => {
  it("broadcast returns one UID, can be recalled once; 430 without the feature", async () => {
    const b = ok(
      await fx.rc.post(
        "/message/broadcast.json",
        message({ fromUserId: "sys", ...textMessage("all") }),
      ),
    );
    expect(b.messageUID).toMatch(UID);
    expect(
      (await fx.rc.post("/message/broadcast.json", message({ fromUserId: "sys", os: "Windows" })))
        .body.code,
    ).toBe(1002);
    const sentTime = (fx.emu.state(APP.appKey) as { broadcasts: { sentTime: number }[] })
      .broadcasts[0]?.sentTime;
    const recall = { fromUserId: "sys", messageUID: b.messageUID, sentTime };
    ok(await fx.rc.post("/message/broadcast/recall.json", recall));
    expect((await fx.rc.post("/message/broadcast/recall.json", recall)).body.code).toBe(1002);
    const { rcClient } = await import("../testing/rongcloud-client.js");
    const bare = rcClient({ url: fx.emu.url, appKey: "bare", appSecret: "s" });
    for (const path of ["/message/broadcast.json", "/message/chatroom/broadcast.json"]) {
      expect(await bare.post(path, message({ fromUserId: "s" }))).toMatchObject({
        status: 430,
        body: { code: 1009 },
      });
    }
    expect(
      await bare.postJson("/v3/message/private/query.json", {
        userId: "a",
        targetId: "b",
        startTime: 0,
        endTime: 1,
        includeStart: true,
      }),
    ).toMatchObject({ status: 430, body: { code: 1009 } });
  });

  it("online broadcast reaches online users (and cannot be recalled)", async () => {
    fx.emu.login({ userId: "on1" });
    const b = ok(
      await fx.rc.post("/message/online/broadcast.json", message({ fromUserId: "sys" })),
    );
    const state = fx.emu.state(APP.appKey) as {
      broadcasts: { uid: string; recipients: string[]; sentTime: number }[];
    };
    expect(state.broadcasts[0]).toMatchObject({ uid: b.messageUID, recipients: ["on1"] });
    const r = await fx.rc.post("/message/broadcast/recall.json", {
      fromUserId: "sys",
      messageUID: b.messageUID,
      sentTime: state.broadcasts[0]?.sentTime,
    });
    expect(r.body.code).toBe(1002);
  });

  it("chatroom publish: one UID per chatroom, chatroom history; chatroom broadcast", async () => {
    ok(await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r1" }));
    const p = ok(
      await fx.rc.publish("chatroom", { toChatroomId: ["r1", "r2"], ...textMessage("room") }),
    );
    expect(p.messageUIDs.map((e: { chatroomId: string }) => e.chatroomId)).toEqual(["r1", "r2"]);
    expect(ok(await history("chatroom", { userId: "a", targetId: "r1" })).data).toHaveLength(1);
    const b = ok(await fx.rc.post("/message/chatroom/broadcast.json", message()));
    expect(b.messageUID).toMatch(UID);
  });
});

describe("recall (§2.3.4)", () => {
  /** Sends a→b and answers the recall form that points at it. */
  const send = async () => {
    const r = ok(await fx.rc.publish("private", { toUserId: "b", ...textMessage("oops") }));
    const uid = r.messageUIDs[0].messageUID as string;
    const h = ok(await history("private", { userId: "a", targetId: "b" })).data;
    const sentTime = h.find((m: { messageUID: string }) => m.messageUID === uid).msgTime as number;
    return { fromUserId: "a", conversationType: 1, targetId: "b", messageUID: uid, sentTime };
  };

  it("recalls a message: history shows the RC:RcNtf notice; twice is an error", async () => {
    const form = await send();
    ok(await fx.rc.post("/message/recall.json", form));
    const h = ok(await history("private", { userId: "a", targetId: "b" })).data;
    expect(h[0]).toMatchObject({ messageUID: form.messageUID, objectName: "RC:RcNtf" });
    const again = await fx.rc.post("/message/recall.json", form);
    expect(again.body.code).toBe(1002);
    expect(again.body.errorMessage).toMatch(/already recalled/);
  });

  it("isDelete=1 removes it from history", async () => {
    ok(await fx.rc.post("/message/recall.json", { ...(await send()), isDelete: 1 }));
    expect(ok(await history("private", { userId: "a", targetId: "b" })).data).toEqual([]);
  });

  it("validates every required field and the message it points at", async () => {
    const form = await send();
    for (const field of Object.keys(form)) {
      const f: Record<string, unknown> = { ...form };
      delete f[field];
      const r = await fx.rc.post("/message/recall.json", f as Record<string, string>);
      expect(r.body.code).toBe(1002);
      expect(r.body.errorMessage).toContain(field);
    }
    // not a private conversation, another conversation or time, not the sender's message
    for (const wrong of [
      { conversationType: 2 },
      { conversationType: 3 },
      { targetId: "c" },
      { sentTime: form.sentTime + 1 },
      { fromUserId: "b" },
    ]) {
      expect((await fx.rc.post("/message/recall.json", { ...form, ...wrong })).body.code).toBe(
        1002,
      );
    }
    expect(
      (await fx.rc.post("/message/recall.json", { ...form, messageUID: "AAAA-BBBB-CCCC-DDDD" }))
        .body.errorMessage,
    ).toMatch(/does not exist/);
    ok(await fx.rc.post("/message/recall.json", { ...form, fromUserId: "admin", isAdmin: 1 }));
  });
});

describe("history v3 (§2.3.6)", () => {
  it("is time bounded, paged (1–100), honours includeStart, and reads string values (Go SDK)", async () => {
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 5; i++) {
      fx.emu.setClock({ now: t0 + i * 1000, frozen: true });
      ok(await fx.rc.publish("group", { toGroupId: "g", content: `m${i}` }));
    }
    const q = (extra: Record<string, unknown>) =>
      fx.rc.postJson("/v3/message/group/query.json", {
        userId: "a",
        targetId: "g",
        startTime: t0,
        endTime: t0 + 10_000,
        includeStart: true,
        ...extra,
      });
    const contents = (r: { body: { data: { content: string }[] } }) =>
      r.body.data.map((m) => m.content);
    expect(contents(await q({}))).toEqual(["m0", "m1", "m2", "m3", "m4"]);
    expect(contents(await q({ includeStart: false }))).toEqual(["m1", "m2", "m3", "m4"]);
    expect(contents(await q({ pageSize: 2 }))).toEqual(["m0", "m1"]);
    expect(contents(await q({ endTime: t0 + 2000 }))).toEqual(["m0", "m1", "m2"]);
    expect(
      contents(
        await q({
          startTime: String(t0 + 3000),
          endTime: String(t0 + 9000),
          includeStart: "true",
          pageSize: "1",
        }),
      ),
    ).toEqual(["m3"]);
    expect((await q({ pageSize: 101 })).body.code).toBe(1002);
    expect((await q({ pageSize: 0 })).body.code).toBe(1002);
    expect((await q({ includeStart: undefined })).body.code).toBe(1002);
    expect((await q({ startTime: undefined })).body.code).toBe(1002);
    expect((await q({ userId: undefined })).body.code).toBe(1002);
  });
});
