import { inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import {
  adapterFor,
  emulatorWithAdapter,
  failure,
  requestCount,
  startTestEmulator,
} from "./test-support.js";

// The hourly message log over real HTTP: the emulator makes an hour's zip once the hour ends.

const env = emulatorWithAdapter();

const HOUR = 3_600_000;
const lastDate = (path: string) =>
  new URLSearchParams(env.emu.requests({ route: path }).at(-1)?.body ?? "").get("date");

/** The text of a one-file zip, read from its local header (the log's format is unverified). */
function unzippedText(zip: Buffer): string {
  expect(zip.readUInt32LE(0)).toBe(0x04034b50);
  const packedSize = zip.readUInt32LE(18);
  const start = 30 + zip.readUInt16LE(26) + zip.readUInt16LE(28);
  const packed = zip.subarray(start, start + packedSize);
  return (zip.readUInt16LE(8) === 8 ? inflateRawSync(packed) : packed).toString("utf8");
}

describe("getHistoryLog and deleteHistoryLog", () => {
  it("downloads a past hour's log with the message sent in it; delete leaves no file", async () => {
    // A frozen clock: the message's server time is exactly sentAt.
    env.emu.setClock({ frozen: true });
    const sentAt = env.emu.now();
    const [sent] = await env.im.sendMessage({
      from: "l1",
      to: { type: "USERS", userIds: ["l2"] },
      content: { type: "TEXT", text: "log me" },
    });
    expect(sent?.ok).toBe(true);
    const hour = new Date(Math.floor(sentAt / HOUR) * HOUR);
    // While the hour runs there is no file yet.
    expect(await env.im.getHistoryLog({ hour: new Date(sentAt) })).toEqual({
      hour,
      url: null,
      files: [],
    });

    env.emu.setClock({ advanceMs: HOUR });
    const log = await env.im.getHistoryLog({ hour: new Date(sentAt) });
    expect(log.hour).toEqual(hour);
    // The default region is the China data centre: the hour is named in Beijing time.
    const beijing = new Date(hour.getTime() + 8 * HOUR).toISOString();
    expect(lastDate("/message/history.json")).toBe(beijing.slice(0, 13).replace(/[-T]/g, ""));
    if (!log.url) throw new Error("expected a log file");
    // One file for every kind of conversation, its address's expiry unsaid.
    expect(log.files).toEqual([{ url: log.url, conversationType: null, urlExpiresAt: null }]);
    const res = await fetch(log.url);
    expect(res.status).toBe(200);
    const lines = unzippedText(Buffer.from(await res.arrayBuffer()))
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toContainEqual(
      expect.objectContaining({
        fromUserId: "l1",
        targetId: "l2",
        classname: "RC:TxtMsg",
        content: { content: "log me" },
      }),
    );

    await env.im.deleteHistoryLog({ hour });
    expect(await env.im.getHistoryLog({ hour })).toEqual({ hour, url: null, files: [] });
    expect((await fetch(log.url)).status).toBe(404);
  });

  it("names the hour in UTC for a global data centre", async () => {
    const sg = adapterFor(env.emu, { region: "sg" });
    const hour = new Date(Date.UTC(2024, 0, 2, 23));
    await sg.getHistoryLog({ hour: new Date(hour.getTime() + 59 * 60_000) });
    expect(lastDate("/message/history.json")).toBe("2024010223");
    await env.im.deleteHistoryLog({ hour });
    // China: 23:00 UTC is 07:00 the next day in Beijing.
    expect(lastDate("/message/history/delete.json")).toBe("2024010307");
    await sg.close();
  });

  it("is off without features.historyLog, refused before any call", async () => {
    const off = adapterFor(env.emu, { features: { history: true } });
    const before = requestCount(env.emu);
    const error = await failure(off.getHistoryLog({ hour: new Date(Date.now() - HOUR) }));
    expect(error).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
      message: expect.stringContaining("features.historyLog"),
    });
    expect(await failure(off.deleteHistoryLog({ hour: new Date() }))).toMatchObject({
      code: "UNSUPPORTED_BY_VENDOR",
    });
    expect(requestCount(env.emu)).toBe(before);
    await off.close();
  });

  it("reports the console service being off as VENDOR_REJECTED with code 1009", async () => {
    const bare = await startTestEmulator({}, { features: { cloudStorage: true } });
    const on = adapterFor(bare);
    for (const call of [
      () => on.getHistoryLog({ hour: new Date(Date.now() - HOUR) }),
      () => on.deleteHistoryLog({ hour: new Date(Date.now() - HOUR) }),
    ]) {
      expect(await failure(call())).toMatchObject({
        code: "VENDOR_REJECTED",
        vendorCode: "1009",
        message: expect.stringContaining("not enabled"),
      });
    }
    await on.close();
    await bare.close();
  });
});
