import { describe, expect, it } from "vitest";
import { roam } from "../testing/tencent-messages.js";
import {
  ADMIN,
  type Body,
  importUsers,
  ok,
  text,
  useTencent,
  withTencent,
} from "./test-support.js";

const fx = useTencent();
const send = (body: Record<string, unknown>) =>
  fx.tim.call("openim/sendmsg", { To_Account: "b", MsgRandom: 1, MsgBody: text("hi"), ...body });
/** "a"'s history with "b" (`fields` add to or replace the query). */
const roamAB = (fields: Body) => roam(fx.tim, "a", "b", fields);
/** A text batch send: one random, "x" (`body` adds to or replaces those). */
const batchSend = (body: Record<string, unknown>) =>
  fx.tim.call("openim/batchsendmsg", { MsgRandom: 1, MsgBody: text("x"), ...body });
const keys = (r: Body) => r.MsgList.map((m: { MsgKey: string }) => m.MsgKey);

describe("openim/sendmsg", () => {
  it("answers MsgTime and MsgKey ({MsgSeq}_{MsgRandom}_{MsgTime}) and stores the message", async () => {
    await importUsers(fx.tim, "a", "b");
    const r = ok(
      await send({ From_Account: "a", MsgSeq: 7, MsgRandom: 42, CloudCustomData: "cd" }),
    );
    const now = Math.floor(fx.emu.now() / 1000);
    expect(Math.abs(r.MsgTime - now)).toBeLessThanOrEqual(1);
    expect(r.MsgKey).toBe(`7_42_${r.MsgTime}`);
    const h = ok(await roamAB({}));
    expect(h.MsgList).toEqual([
      {
        From_Account: "a",
        To_Account: "b",
        MsgSeq: 7,
        MsgRandom: 42,
        MsgTimeStamp: r.MsgTime,
        MsgFlagBits: 0,
        IsPeerRead: 0,
        MsgKey: r.MsgKey,
        MsgBody: text("hi"),
        CloudCustomData: "cd",
      },
    ]);
  });

  it("sends as the admin when From_Account is absent", async () => {
    await importUsers(fx.tim, "b");
    ok(await send({}));
    const h = ok(await roamAB({ Operator_Account: ADMIN }));
    expect(h.MsgList[0].From_Account).toBe(ADMIN);
  });

  it("drops a resend (same sender, MsgSeq, MsgRandom, content) within 120 s", async () => {
    await importUsers(fx.tim, "a", "b");
    const first = ok(await send({ From_Account: "a", MsgSeq: 1, MsgRandom: 9 }));
    const again = ok(await send({ From_Account: "a", MsgSeq: 1, MsgRandom: 9 }));
    expect(again.MsgKey).toBe(first.MsgKey);
    expect(ok(await roamAB({})).MsgCnt).toBe(1);
    ok(await send({ From_Account: "a", MsgSeq: 1, MsgRandom: 10 })); // another MsgRandom: new message
    expect(ok(await roamAB({})).MsgCnt).toBe(2);
    fx.emu.setClock({ advanceMs: 121_000 });
    ok(await send({ From_Account: "a", MsgSeq: 1, MsgRandom: 9 }));
    expect(ok(await roamAB({})).MsgCnt).toBe(3);
  });

  it("validates fields with the openim codes", async () => {
    await importUsers(fx.tim, "a", "b");
    const c = async (b: Record<string, unknown>) =>
      (await send({ From_Account: "a", ...b })).ErrorCode;
    expect(await c({ To_Account: undefined })).toBe(90003);
    expect(await c({ MsgRandom: undefined })).toBe(90005);
    expect(await c({ MsgRandom: 4294967296 })).toBe(90005);
    expect(await c({ MsgBody: "hi" })).toBe(90007);
    expect(await c({ MsgBody: [] })).toBe(90007);
    expect(await c({ MsgBody: [{ MsgType: "TIMNopeElem", MsgContent: {} }] })).toBe(90002);
    expect(await c({ MsgBody: [{ MsgType: "TIMTextElem", MsgContent: { Text: 1 } }] })).toBe(90002);
    expect(await c({ SyncOtherMachine: "1" })).toBe(90031);
    expect(await c({ MsgLifeTime: 604801 })).toBe(90044);
    expect(await c({ To_Account: "ghost" })).toBe(90012);
    expect(await c({ From_Account: "ghost" })).toBe(90008);
  });

  it("validates MsgBody elements (§3.8) and the 12 KB size cap (93000)", async () => {
    await importUsers(fx.tim, "b");
    const body = (MsgBody: unknown) => send({ MsgBody });
    const custom = { MsgType: "TIMCustomElem", MsgContent: { Data: "{}" } };
    ok(
      await body([
        { MsgType: "TIMTextElem", MsgContent: { Text: "t" } },
        custom,
        { MsgType: "TIMLocationElem", MsgContent: { Desc: "d", Latitude: 1.5, Longitude: 2 } },
        { MsgType: "TIMFaceElem", MsgContent: { Index: 1, Data: "x" } },
        {
          MsgType: "TIMImageElem",
          MsgContent: {
            UUID: "u",
            ImageFormat: 1,
            ImageInfoArray: [{ Type: 1, Size: 1, Width: 1, Height: 1, URL: "https://x" }],
          },
        },
        {
          MsgType: "TIMFileElem",
          MsgContent: { Url: "https://x/f", FileSize: 1, FileName: "f", Download_Flag: 2 },
        },
        {
          MsgType: "TIMSoundElem",
          MsgContent: { Url: "https://x/s", Size: 1, Second: 1, Download_Flag: 2 },
        },
        {
          MsgType: "TIMVideoFileElem",
          MsgContent: { VideoUrl: "https://x/v", ThumbUrl: "https://x/t" },
        },
      ]),
    );
    expect((await body([custom, custom])).ErrorCode).toBe(90002);
    expect(
      (await body([{ MsgType: "TIMCustomElem", MsgContent: { Desc: "no data" } }])).ErrorCode,
    ).toBe(90002);
    expect((await body([{ MsgType: "TIMImageElem", MsgContent: { UUID: "u" } }])).ErrorCode).toBe(
      90002,
    );
    expect((await body([{ MsgType: "TIMFileElem", MsgContent: {} }])).ErrorCode).toBe(90002);
    expect((await body(text("x".repeat(12 * 1024)))).ErrorCode).toBe(93000);
    ok(await body(text("x".repeat(12 * 1024 - 60))));
  });

  it("refuses sensitive words with 80001 when the app lists them", async () => {
    await withTencent({ sensitiveWords: ["badword"] }, async (tim) => {
      await importUsers(tim, "b");
      const s = (t: string) =>
        tim.call("openim/sendmsg", { To_Account: "b", MsgRandom: 1, MsgBody: text(t) });
      expect((await s("a badword here")).ErrorCode).toBe(80001);
      ok(await s("fine words"));
    });
  });

  it("hides SyncOtherMachine 2 messages from the sender's roaming", async () => {
    await importUsers(fx.tim, "a", "b");
    ok(await send({ From_Account: "a", SyncOtherMachine: 2 }));
    expect(ok(await roamAB({})).MsgCnt).toBe(0);
    expect(ok(await roamAB({ Operator_Account: "b", Peer_Account: "a" })).MsgCnt).toBe(1);
  });
});

describe("openim/batchsendmsg", () => {
  it("sends to many, lists unknown recipients in ErrorList and returns one MsgKey", async () => {
    await importUsers(fx.tim, "a", "b", "c");
    const r = ok(
      await batchSend({
        From_Account: "a",
        To_Account: ["b", "c", "ghost"],
        MsgRandom: 5,
        MsgSeq: 3,
      }),
    );
    expect(r.MsgKey).toMatch(/^3_5_\d+$/);
    expect(r.ErrorList).toEqual([{ To_Account: "ghost", ErrorCode: 90012 }]);
    expect(keys(ok(await roamAB({ Peer_Account: "c" })))).toEqual([r.MsgKey]);
  });

  it("takes at most 500 recipients (90011)", async () => {
    const to = Array.from({ length: 501 }, (_, i) => `u${i}`);
    expect((await batchSend({ To_Account: to })).ErrorCode).toBe(90011);
    expect((await batchSend({ To_Account: "b" })).ErrorCode).toBe(90003);
  });
});

describe("openim/admin_getroammsg", () => {
  async function conversation(n: number) {
    await importUsers(fx.tim, "a", "b");
    const sent: Body[] = [];
    for (let i = 0; i < n; i++) {
      fx.emu.setClock({ advanceMs: 1_000 });
      sent.push(
        ok(
          await send({
            From_Account: i % 2 ? "b" : "a",
            To_Account: i % 2 ? "a" : "b",
            MsgRandom: i,
            MsgSeq: i,
          }),
        ),
      );
    }
    return sent;
  }

  it("pages newest first via LastMsgKey with Complete 0 until the end", async () => {
    const sent = await conversation(5);
    const p1 = ok(await roamAB({ MaxCnt: 2 }));
    expect(p1).toMatchObject({
      Complete: 0,
      MsgCnt: 2,
      LastMsgKey: sent[3]!.MsgKey,
      LastMsgTime: sent[3]!.MsgTime,
    });
    expect(keys(p1)).toEqual([sent[4]!.MsgKey, sent[3]!.MsgKey]);
    const p2 = ok(await roamAB({ MaxCnt: 2, LastMsgKey: p1.LastMsgKey, MaxTime: p1.LastMsgTime }));
    expect(keys(p2)).toEqual([sent[2]!.MsgKey, sent[1]!.MsgKey]);
    const p3 = ok(await roamAB({ MaxCnt: 2, LastMsgKey: p2.LastMsgKey, MaxTime: p2.LastMsgTime }));
    expect(p3).toMatchObject({ Complete: 1, MsgCnt: 1 });
    expect(keys(p3)).toEqual([sent[0]!.MsgKey]);
  });

  it("continues after a LastMsgKey whose message is gone, by its time and MsgSeq", async () => {
    const sent = await conversation(3);
    const gone = `${1}_777_${sent[1]!.MsgTime}`; // MsgSeq 1 at the second message's time
    expect(keys(ok(await roamAB({ LastMsgKey: gone })))).toEqual([sent[0]!.MsgKey]);
  });

  it("respects MinTime/MaxTime and accepts the From_Account/To_Account spelling", async () => {
    const sent = await conversation(4);
    const r = ok(
      await fx.tim.call("openim/admin_getroammsg", {
        From_Account: "b",
        To_Account: "a",
        MaxCnt: 10,
        MinTime: sent[1]!.MsgTime,
        MaxTime: sent[2]!.MsgTime,
      }),
    );
    expect(keys(r)).toEqual([sent[2]!.MsgKey, sent[1]!.MsgKey]);
  });

  it("caps a page near 13 KB with Complete 0", async () => {
    await importUsers(fx.tim, "a", "b");
    for (let i = 0; i < 5; i++)
      ok(await send({ From_Account: "a", MsgRandom: i, MsgBody: text("x".repeat(5000)) }));
    const r = ok(await roamAB({ MaxCnt: 10 }));
    expect(r.MsgCnt).toBe(2);
    expect(r.Complete).toBe(0);
  });

  it("forgets messages past the retention (30 days on ultimate)", async () => {
    await conversation(1);
    fx.emu.setClock({ advanceMs: 31 * 86_400_000 });
    expect(ok(await roamAB({})).MsgCnt).toBe(0);
  });

  it("validates: 90008 unknown operator, 90003 unknown peer, 90001 missing MaxCnt", async () => {
    await importUsers(fx.tim, "a", "b");
    expect((await roamAB({ Operator_Account: "ghost" })).ErrorCode).toBe(90008);
    expect((await roamAB({ Peer_Account: "ghost" })).ErrorCode).toBe(90003);
    expect((await roamAB({ MaxCnt: undefined })).ErrorCode).toBe(90001);
    expect((await roamAB({ MinTime: "yesterday" })).ErrorCode).toBe(90001);
  });

  it("reports IsPeerRead after admin_set_msg_read", async () => {
    await conversation(1);
    ok(await fx.tim.call("openim/admin_set_msg_read", { Report_Account: "b", Peer_Account: "a" }));
    expect(ok(await roamAB({})).MsgList[0].IsPeerRead).toBe(1);
    expect(
      (
        await fx.tim.call("openim/admin_set_msg_read", {
          Report_Account: "ghost",
          Peer_Account: "a",
        })
      ).ErrorCode,
    ).toBe(90008);
  });
});

describe("openim/admin_msgwithdraw", () => {
  it("recalls by MsgKey; history then flags it (MsgFlagBits 8, empty body)", async () => {
    await importUsers(fx.tim, "a", "b");
    const m = ok(await send({ From_Account: "a", MsgSeq: 1, MsgRandom: 2 }));
    const w = { From_Account: "a", To_Account: "b", MsgKey: m.MsgKey };
    ok(await fx.tim.call("openim/admin_msgwithdraw", w));
    const h = ok(await roamAB({}));
    expect(h.MsgList[0]).toMatchObject({ MsgKey: m.MsgKey, MsgFlagBits: 8, MsgBody: [] });
    expect((await fx.tim.call("openim/admin_msgwithdraw", w)).ErrorCode).toBe(20023);
  });

  it("answers 20022 for an unknown key, 90054 for a malformed one, 90008/90003 for accounts", async () => {
    await importUsers(fx.tim, "a", "b");
    const m = ok(await send({ From_Account: "a" }));
    const w = (b: Record<string, unknown>) =>
      fx.tim.call("openim/admin_msgwithdraw", {
        From_Account: "a",
        To_Account: "b",
        MsgKey: m.MsgKey,
        ...b,
      });
    expect((await w({ MsgKey: "1_2_3" })).ErrorCode).toBe(20022);
    expect((await w({ From_Account: "b", To_Account: "a" })).ErrorCode).toBe(20022); // wrong direction
    expect((await w({ MsgKey: "garbage" })).ErrorCode).toBe(90054);
    expect((await w({ MsgKey: undefined })).ErrorCode).toBe(90054);
    expect((await w({ From_Account: "ghost" })).ErrorCode).toBe(90008);
    expect((await w({ To_Account: "ghost" })).ErrorCode).toBe(90003);
  });
});
