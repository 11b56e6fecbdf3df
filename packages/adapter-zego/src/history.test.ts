import { describe, expect, it } from "vitest";
import type { ZegoAdapter } from "./adapter.js";
import { requestCount, zegoSession } from "./testing/emulator.js";

// History over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("history", () => {
  it("pages history by ZEGO's marker, cutting pages at the limit and applying time bounds", async () => {
    const [a, b] = (await zego.users(2)) as [string, string];
    const texts = ["m0", "m1", "m2", "m3", "m4"];
    const times: number[] = [];
    for (const text of texts) {
      await zego.sendText(a, b, text);
      times.push(Date.now());
      await new Promise((r) => setTimeout(r, 5));
    }
    const conversation = { type: "USER", userId: b, peerId: a } as const;
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page: Awaited<ReturnType<ZegoAdapter["listMessages"]>> =
        await zego.adapter.listMessages({
          conversation,
          limit: 2,
          cursor,
        });
      seen.push(...page.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?")));
      cursor = page.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(["m4", "m3", "m2", "m1", "m0"]);
    // Only m1..m3, newest first, over more than one page of ZEGO's.
    const window = await zego.adapter.listMessages({
      conversation,
      after: new Date((times[0] as number) + 1),
      before: new Date((times[3] as number) + 1),
      limit: 10,
    });
    expect(window.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?"))).toEqual([
      "m3",
      "m2",
      "m1",
    ]);
    expect(window.items[0]?.conversation).toEqual({ type: "USER", id: a });
  });

  it("refuses a cursor carrying a number it never gives out, before any call", async () => {
    const [a, b] = (await zego.users(2)) as [string, string];
    for (const text of ["m0", "m1", "m2"]) await zego.sendText(a, b, text);
    const conversation = { type: "USER", userId: b, peerId: a } as const;
    const page = await zego.adapter.listMessages({ conversation, limit: 2 });
    const given = JSON.parse(Buffer.from(page.nextCursor as string, "base64url").toString());
    // Base64url JSON: the next page's ZIM marker, items of it given out, ZIM's page size.
    expect(given).toMatchObject({ k: 0, l: 2, $k: "mh" });
    const forged = (change: Record<string, number>) =>
      Buffer.from(JSON.stringify({ ...given, ...change })).toString("base64url");
    const changes: Record<string, number>[] = [
      { k: -1 },
      { k: 100 },
      { l: 0 },
      { l: -1 },
      { l: 101 },
      { n: -1 },
    ];
    for (const change of changes) {
      const mark = requestCount(zego.emulator);
      await expect(
        zego.adapter.listMessages({ conversation, limit: 2, cursor: forged(change) }),
      ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
      expect(requestCount(zego.emulator)).toBe(mark);
    }
    // Numbers within the list's bounds page on as before.
    const rest = await zego.adapter.listMessages({ conversation, limit: 2, cursor: forged({}) });
    expect(rest.items.map((m) => (m.content.type === "TEXT" ? m.content.text : "?"))).toEqual([
      "m0",
    ]);
  });
});
