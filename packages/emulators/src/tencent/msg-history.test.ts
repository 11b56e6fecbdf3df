import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { messageSender } from "../testing/tencent-messages.js";
import {
  type Body,
  createGroupOf,
  importUsers,
  ok,
  SDK_APP_ID,
  text,
  useTencent,
} from "./test-support.js";

const fx = useTencent();
const { c2c: send, group: sendGroup } = messageSender(fx);

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** MsgTime "2026120710" is 10:00–10:59 Beijing on 2026-12-07, i.e. 02:00–02:59 UTC. */
const MSG_TIME = "2026120710";
const START = Date.UTC(2026, 11, 7, 2);
const at = (now: number) => fx.emu.setClock({ now, frozen: true });
const history = (body: Body) => fx.tim.call("open_msg_svc/get_history", body);
const fileOf = async (ChatType: string, MsgTime = MSG_TIME) => {
  const files = ok(await history({ ChatType, MsgTime })).File as Body[];
  expect(files).toHaveLength(1);
  return files[0] as Body;
};
const md5 = (b: Buffer) => createHash("md5").update(b).digest("hex");

/** Downloads a File's URL, checks its sizes and digests, and answers the parsed JSON. */
async function download(file: Body): Promise<Body> {
  const res = await fetch(file.URL);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toBe("application/gzip");
  const gz = Buffer.from(await res.arrayBuffer());
  const raw = gunzipSync(gz);
  expect(file).toMatchObject({
    GzipSize: gz.length,
    GzipMD5: md5(gz),
    FileSize: raw.length,
    FileMD5: md5(raw),
  });
  const lines = raw.toString("utf8").split("\n");
  // The documented layout: a header line, one message a line, "]}" last.
  expect(lines[0]).toMatch(
    /^\{"SdkAppId":\d+,"ChatType":"(C2C|Group)","MsgTime":"\d{10}","MsgList":\[$/,
  );
  expect(lines.at(-1)).toBe("]}");
  return JSON.parse(raw.toString("utf8")) as Body;
}

describe("open_msg_svc/get_history", () => {
  it("gives one gzip file per ChatType once the Beijing hour has ended, with that hour's messages", async () => {
    at(START + 15 * 60_000);
    const group = await createGroupOf(fx.tim, "a", ["b"]);
    ok(await send("a", "b", { MsgSeq: 11, MsgRandom: 77, MsgBody: text("hi b") }));
    const g = ok(await sendGroup(group, "b", { MsgBody: text("hi all") }));
    at(START + HOUR);
    const now = START / 1000 + 15 * 60;

    const c2c = await fileOf("C2C");
    // The address works for an hour (the emulator's choice), written in Beijing time.
    expect(c2c.URL).toMatch(new RegExp(`/${SDK_APP_ID}/C2C/${MSG_TIME}/[0-9a-f-]+\\.gz$`));
    expect(c2c.ExpireTime).toBe("2026-12-07 12:00:00");
    expect(await download(c2c)).toEqual({
      SdkAppId: SDK_APP_ID,
      ChatType: "C2C",
      MsgTime: MSG_TIME,
      MsgList: [
        {
          From_Account: "a",
          To_Account: "b",
          MsgTimestamp: now,
          MsgSeq: 11,
          MsgRandom: 77,
          MsgBody: text("hi b"),
        },
      ],
    });

    const grp = await fileOf("Group");
    expect(await download(grp)).toEqual({
      SdkAppId: SDK_APP_ID,
      ChatType: "Group",
      MsgTime: MSG_TIME,
      MsgList: [
        {
          From_Account: "b",
          GroupId: group,
          MsgTimestamp: now,
          MsgSeq: g.MsgSeq,
          MsgBody: text("hi all"),
        },
      ],
    });
  });

  it("keeps the file fixed; each ask gives a fresh address, an expired one answers 404", async () => {
    at(START);
    await importUsers(fx.tim, "a", "b");
    ok(await send("a", "b"));
    at(START + HOUR);
    const first = await fileOf("C2C");
    // Sent after the file was made, back in that hour (clock moved back): not in the file.
    at(START + 30 * 60_000);
    ok(await send("b", "a"));
    at(START + HOUR + 30 * 60_000);
    const again = await fileOf("C2C");
    expect(again.URL).not.toBe(first.URL);
    expect(again.FileMD5).toBe(first.FileMD5);
    expect((await download(first)).MsgList).toHaveLength(1);
    at(START + 2 * HOUR);
    expect((await fetch(first.URL)).status).toBe(404);
    expect((await fetch(again.URL)).status).toBe(200);
    const origin = new URL(first.URL).origin;
    expect((await fetch(`${origin}/${SDK_APP_ID}/C2C/${MSG_TIME}/nope.gz`)).status).toBe(404);
    expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
  });

  it("answers 1004 while the hour runs and for an hour without messages of the type", async () => {
    at(START + 10 * 60_000);
    await importUsers(fx.tim, "a", "b");
    ok(await send("a", "b"));
    expect((await history({ ChatType: "C2C", MsgTime: MSG_TIME })).ErrorCode).toBe(1004);
    at(START + HOUR - 1);
    const running = await history({ ChatType: "C2C", MsgTime: MSG_TIME });
    expect(running).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 1004 });
    at(START + HOUR);
    await fileOf("C2C");
    // No group message in the hour, and nothing at all in the hour before.
    expect((await history({ ChatType: "Group", MsgTime: MSG_TIME })).ErrorCode).toBe(1004);
    expect((await history({ ChatType: "C2C", MsgTime: "2026120709" })).ErrorCode).toBe(1004);
  });

  it("answers 1005 once the hour ended 7 days ago; addresses never outlive the file", async () => {
    at(START);
    await importUsers(fx.tim, "a", "b");
    ok(await send("a", "b"));
    const deleted = START + HOUR + 7 * DAY;
    at(deleted - 10 * 60_000);
    const last = await fileOf("C2C");
    // 2026-12-14 03:00 UTC = 11:00 Beijing: the deletion, not an hour from now.
    expect(last.ExpireTime).toBe("2026-12-14 11:00:00");
    at(deleted);
    expect(await history({ ChatType: "C2C", MsgTime: MSG_TIME })).toMatchObject({
      ActionStatus: "FAIL",
      ErrorCode: 1005,
    });
    expect((await fetch(last.URL)).status).toBe(404);
    // An empty hour as old answers 1005 too.
    expect((await history({ ChatType: "Group", MsgTime: "2026120701" })).ErrorCode).toBe(1005);
  });

  it("answers 1002 for a bad ChatType or MsgTime", async () => {
    at(START + DAY);
    const bad = [
      { ChatType: "c2c", MsgTime: MSG_TIME },
      { ChatType: "Other", MsgTime: MSG_TIME },
      { ChatType: 1, MsgTime: MSG_TIME },
      { MsgTime: MSG_TIME },
      { ChatType: "C2C", MsgTime: "2015123125" },
      { ChatType: "C2C", MsgTime: "2015022910" },
      { ChatType: "C2C", MsgTime: "abc" },
      { ChatType: "C2C", MsgTime: "20261207" },
      { ChatType: "C2C", MsgTime: 2026120710 },
      { ChatType: "Group" },
    ];
    for (const body of bad) {
      expect(await history(body), JSON.stringify(body)).toMatchObject({
        ActionStatus: "FAIL",
        ErrorCode: 1002,
      });
    }
  });

  it("holds only the messages inside the Beijing hour, oldest first", async () => {
    at(START - 1_000);
    await importUsers(fx.tim, "a", "b");
    ok(await send("a", "b", { MsgBody: text("before") }));
    at(START);
    ok(await send("a", "b", { MsgBody: text("first") }));
    at(START + HOUR - 1_000);
    ok(await send("b", "a", { MsgBody: text("last") }));
    at(START + HOUR);
    ok(await send("a", "b", { MsgBody: text("after") }));
    at(START + 2 * HOUR);
    const texts = async (MsgTime: string) =>
      (await download(await fileOf("C2C", MsgTime))).MsgList.map(
        (m: Body) => m.MsgBody[0].MsgContent.Text,
      );
    expect(await texts(MSG_TIME)).toEqual(["first", "last"]);
    expect(await texts("2026120709")).toEqual(["before"]);
    expect(await texts("2026120711")).toEqual(["after"]);
  });

  it("leaves out online-only, live group and recalled messages", async () => {
    at(START);
    const group = await createGroupOf(fx.tim, "a", ["b"]);
    const live = await createGroupOf(fx.tim, "c", [], { Type: "AVChatRoom" });
    ok(await sendGroup(group, "a", { OnlineOnlyFlag: 1 }));
    ok(await sendGroup(live, "c"));
    const recalled = ok(await sendGroup(group, "b"));
    ok(
      await fx.tim.call("group_open_http_svc/group_msg_recall", {
        GroupId: group,
        MsgSeqList: [{ MsgSeq: recalled.MsgSeq }],
      }),
    );
    const c2c = ok(await send("a", "b"));
    const withdraw = { From_Account: "a", To_Account: "b", MsgKey: c2c.MsgKey };
    ok(await fx.tim.call("openim/admin_msgwithdraw", withdraw));
    const kept = ok(await sendGroup(group, "a", { MsgBody: text("kept") }));
    at(START + HOUR);
    const list = (await download(await fileOf("Group"))).MsgList as Body[];
    expect(list.map((m) => [m.GroupId, m.MsgSeq])).toEqual([[group, kept.MsgSeq]]);
    expect((await history({ ChatType: "C2C", MsgTime: MSG_TIME })).ErrorCode).toBe(1004);
  });

  it("allows 10 calls a second", async () => {
    fx.emu.setRateLimits(true);
    try {
      at(START);
      const answers = await Promise.all(
        Array.from({ length: 11 }, () => history({ ChatType: "C2C", MsgTime: MSG_TIME })),
      );
      expect(answers.filter((a) => a.ErrorCode === 60007)).toHaveLength(1);
    } finally {
      fx.emu.setRateLimits(false);
    }
  });
});
