// The hourly message log over HTTP against the Tencent emulator: both kinds of files of one
// Beijing hour, downloaded and read back; no file while the hour runs or once it expired.
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { emulatorWithAdapter, SDK_APP_ID, uid } from "./testing/emulator.js";

const env = emulatorWithAdapter();
const HOUR = 3_600_000;

afterEach(() => {
  env.emulator.setClock({ offsetMs: 0 });
});

async function logOf(url: string): Promise<Record<string, unknown>> {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  return JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString("utf8"));
}

describe("getHistoryLog", () => {
  it("answers the one-to-one and the group file of the hour once it has ended", async () => {
    const [a, b] = env.seedUsers(2, "l") as [string, string];
    const groupId = uid("g");
    env.emulator.seed({ app: SDK_APP_ID, groups: [{ groupId, owner: a, members: [b] }] });
    const text = { type: "TEXT" as const, text: "log me" };
    await env.adapter.sendMessage({ from: a, to: { type: "USERS", userIds: [b] }, content: text });
    await env.adapter.sendMessage({ from: b, to: { type: "GROUP", groupId }, content: text });
    const sentAt = env.emulator.now();
    const hour = new Date(Math.floor(sentAt / HOUR) * HOUR);

    // While the hour runs Tencent has no file yet (1004).
    const mark = env.requestCount();
    expect(await env.adapter.getHistoryLog({ hour })).toEqual({ hour, url: null, files: [] });
    const asked = env.sentBodies("open_msg_svc/get_history", mark);
    // The hour is named in Beijing time, once per kind of conversation.
    const beijing = new Date(hour.getTime() + 8 * HOUR)
      .toISOString()
      .slice(0, 13)
      .replace(/[-T]/g, "");
    expect(asked).toEqual([
      { ChatType: "C2C", MsgTime: beijing },
      { ChatType: "Group", MsgTime: beijing },
    ]);

    env.emulator.setClock({ offsetMs: HOUR });
    const log = await env.adapter.getHistoryLog({ hour: new Date(sentAt) });
    expect(log.url).toBeNull();
    expect(log.files.map((f) => f.conversationType)).toEqual(["USER", "GROUP"]);
    for (const file of log.files) expect(file.urlExpiresAt).toBeInstanceOf(Date);
    const [c2c, group] = await Promise.all(log.files.map((f) => logOf(f.url)));
    expect(c2c).toMatchObject({ SdkAppId: SDK_APP_ID, ChatType: "C2C", MsgTime: beijing });
    expect(c2c?.MsgList).toContainEqual(
      expect.objectContaining({ From_Account: a, To_Account: b, MsgBody: expect.any(Array) }),
    );
    expect(group).toMatchObject({ ChatType: "Group", MsgTime: beijing });
    expect(group?.MsgList).toContainEqual(
      expect.objectContaining({ From_Account: b, GroupId: groupId }),
    );
  });

  it("answers no file for an hour past Tencent's 7 days (1005)", async () => {
    const hour = new Date(Math.floor(Date.now() / HOUR) * HOUR - 8 * 24 * HOUR);
    expect(await env.adapter.getHistoryLog({ hour })).toEqual({ hour, url: null, files: [] });
  });

  it("refuses an hour that has not started, before any call", async () => {
    const mark = env.requestCount();
    await expect(
      env.adapter.getHistoryLog({ hour: new Date(Date.now() + 2 * HOUR) }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "hour" });
    expect(env.requestCount()).toBe(mark);
  });

  it("keeps deleteHistoryLog a declared gap: Tencent deletes its files itself", async () => {
    await expect(env.adapter.deleteHistoryLog({ hour: new Date() })).rejects.toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("7 days"),
    });
  });
});
