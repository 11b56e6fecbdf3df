import { describe, expect, it } from "vitest";
import type { ZegoAdapter } from "./adapter.js";
import { zegoSession } from "./testing/emulator.js";

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
});
