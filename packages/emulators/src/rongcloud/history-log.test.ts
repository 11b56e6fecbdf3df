import { describe, expect, it } from "vitest";
import { ok, rcClient, textMessage } from "../testing/rongcloud-client.js";
import { publishUid, queryHistory } from "../testing/rongcloud-messages.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";
import { unzipOne } from "./test-support.js";

const GLOBAL = { appKey: "globalkey", appSecret: "g", dataCenter: "global" as const };
const fx = useRongCloud({
  apps: [
    { ...APP, features: { historyLog: true } },
    { ...GLOBAL, features: { historyLog: true } },
    { appKey: "nolog", appSecret: "n" },
  ],
});

const HOUR = 3_600_000;
/** 02:15 UTC = 10:15 Beijing on 2024-05-10. */
const SENT_AT = Date.UTC(2024, 4, 10, 2, 15);
const at = (now: number) => fx.emu.setClock({ now, frozen: true });
const logUrl = async (date: string, client = fx.rc) =>
  ok(await client.post("/message/history.json", { date })).url as string;
const download = (url: string) => fetch(url);

async function sendAtQuarterPast(): Promise<string> {
  at(SENT_AT);
  return publishUid(fx, "private", { toUserId: "b", ...textMessage("hi") });
}

describe("/message/history.json (§3.1)", () => {
  it("has no file while the hour runs; after it ends, a zip of the hour's messages", async () => {
    const uid = await sendAtQuarterPast();
    // China data centre: the hour is named in Beijing time.
    expect(await logUrl("2024051010")).toBe("");
    at(SENT_AT + 45 * 60_000);
    const answer = ok(await fx.rc.post("/message/history.json", { date: "2024051010" }));
    expect(answer).toEqual({ code: 200, url: expect.stringMatching(/\.zip$/), date: "2024051010" });
    const res = await download(answer.url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/zip");
    const { name, text } = unzipOne(Buffer.from(await res.arrayBuffer()));
    expect(name).toBe("2024051010.txt");
    const lines = text
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      {
        appId: APP.appKey,
        fromUserId: "a",
        targetId: "b",
        targetType: 1,
        GroupId: "",
        classname: "RC:TxtMsg",
        content: { content: "hi" },
        dateTime: "2024-05-10 10:15:00.000",
        source: "Server",
        msgUID: uid,
      },
    ]);
    // The file is made once: asking again gives the same file.
    expect(await logUrl("2024051010")).toBe(answer.url);
    // Hours without messages have no file.
    expect(await logUrl("2024051009")).toBe("");
  });

  it("names hours in UTC for a global data centre", async () => {
    at(SENT_AT);
    const global = rcClient({ url: fx.emu.url, ...GLOBAL });
    ok(await global.publish("group", { fromUserId: "a", toGroupId: "g1", ...textMessage("yo") }));
    at(SENT_AT + HOUR);
    expect(await logUrl("2024051010", global)).toBe("");
    const url = await logUrl("2024051002", global);
    const [line] = unzipOne(Buffer.from(await (await download(url)).arrayBuffer()))
      .text.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(line).toMatchObject({
      targetType: 3,
      GroupId: "g1",
      dateTime: "2024-05-10 02:15:00.000",
    });
  });

  it("keeps files 3 days after the hour", async () => {
    await sendAtQuarterPast();
    at(SENT_AT + HOUR);
    const url = await logUrl("2024051010");
    expect(url).not.toBe("");
    at(Date.UTC(2024, 4, 10, 3) + 3 * 24 * HOUR - 1);
    expect(await logUrl("2024051010")).toBe(url);
    at(Date.UTC(2024, 4, 10, 3) + 3 * 24 * HOUR);
    expect(await logUrl("2024051010")).toBe("");
    expect((await download(url)).status).toBe(404);
  });

  it("validates date (YYYYMMDDHH, a real hour) with 1002", async () => {
    for (const date of ["", "20240510", "2024051024", "2024023010", "abcdefghij"]) {
      const res = await fx.rc.post("/message/history.json", { date });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(1002);
    }
    expect((await fx.rc.post("/message/history.json", {})).body.code).toBe(1003);
  });

  it("needs the history log service: HTTP 430, code 1009", async () => {
    const bare = rcClient({ url: fx.emu.url, appKey: "nolog", appSecret: "n" });
    for (const path of ["/message/history.json", "/message/history/delete.json"]) {
      const res = await bare.post(path, { date: "2024051010" });
      expect(res.status).toBe(430);
      expect(res.body.code).toBe(1009);
    }
  });
});

describe("/message/history/delete.json (§3.2)", () => {
  it("deletes the hour's file for good; the messages stay in cloud history", async () => {
    await sendAtQuarterPast();
    at(SENT_AT + HOUR);
    const url = await logUrl("2024051010");
    ok(await fx.rc.post("/message/history/delete.json", { date: "2024051010" }));
    expect(await logUrl("2024051010")).toBe("");
    expect((await download(url)).status).toBe(404);
    const history = ok(
      await queryHistory(fx, "private", { userId: "a", targetId: "b", endTime: fx.emu.now() }),
    );
    expect(history.data).toHaveLength(1);
    // An hour without a file deletes fine; a bad date is 1002.
    ok(await fx.rc.post("/message/history/delete.json", { date: "2020010100" }));
    expect((await fx.rc.post("/message/history/delete.json", { date: "2020" })).body.code).toBe(
      1002,
    );
  });
});
