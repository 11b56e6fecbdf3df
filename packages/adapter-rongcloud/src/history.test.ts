import type { Message } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { emulatorWithAdapter } from "./test-support.js";

const env = emulatorWithAdapter();

const texts = (items: Message[]) =>
  items.map((m) => (m.content.type === "TEXT" ? m.content.text : ""));

describe("rongcloud history paging", () => {
  it("pages through messages of one millisecond without repeating or losing any", async () => {
    // A frozen emulator clock gives every message the same server time.
    env.emu.setClock({ frozen: true });
    try {
      for (let i = 0; i < 7; i++) {
        const [sent] = await env.im.sendMessage({
          from: "hp1",
          to: { type: "USERS", userIds: ["hp2"] },
          content: { type: "TEXT", text: `same ms ${i}` },
        });
        expect(sent?.ok).toBe(true);
      }
    } finally {
      env.emu.setClock({ frozen: false });
    }
    const conversation = { type: "USER" as const, userId: "hp1", peerId: "hp2" };
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await env.im.listMessages({ conversation, limit: 3, cursor });
      seen.push(...texts(page.items));
      cursor = page.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(Array.from({ length: 7 }, (_, i) => `same ms ${i}`));
  });

  it("reads a range starting before 1970 from the start (RongCloud refuses a negative startTime)", async () => {
    const [sent] = await env.im.sendMessage({
      from: "hp5",
      to: { type: "USERS", userIds: ["hp6"] },
      content: { type: "TEXT", text: "since ever" },
    });
    expect(sent?.ok).toBe(true);
    const page = await env.im.listMessages({
      conversation: { type: "USER", userId: "hp5", peerId: "hp6" },
      limit: 5,
      after: new Date("1969-12-31T23:59:59Z"),
    });
    expect(texts(page.items)).toEqual(["since ever"]);
  });

  it("refuses another list's cursor", async () => {
    const members = await env.im.createGroup({ name: "g", ownerId: "hp3", memberIds: ["hp4"] });
    const page = await env.im.listGroupMembers({ groupId: members.id, limit: 1 });
    expect(page.nextCursor).not.toBeNull();
    await expect(
      env.im.listMessages({
        conversation: { type: "USER", userId: "hp3", peerId: "hp4" },
        cursor: page.nextCursor,
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "cursor" });
  });
});
