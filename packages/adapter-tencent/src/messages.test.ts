// Sends over HTTP against the Tencent emulator; core's checkText is observed (not replaced)
// to see how often a send checks its push text.
import { checkText } from "@imgraph/core";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { emulatorWithAdapter, uid } from "./testing/emulator.js";

vi.mock("@imgraph/core", async (importOriginal) => {
  const core = await importOriginal<typeof import("@imgraph/core")>();
  return { ...core, checkText: vi.fn(core.checkText) };
});

const env = emulatorWithAdapter();
beforeEach(() => {
  vi.mocked(checkText).mockClear();
});

const pushTextChecks = () =>
  vi.mocked(checkText).mock.calls.filter(([field]) => field === "pushText").length;

function bodies(route: string, afterSeq: number) {
  return env.emulator
    .requests({ route: `v4/${route}`, afterSeq })
    .map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

async function sender(): Promise<string> {
  const id = uid("s");
  const [r] = await env.adapter.registerUsers([{ id }]);
  expect(r?.ok).toBe(true);
  return id;
}

describe("sendMessage push text", () => {
  it("is checked once and sent in every call of a send to more users than one call takes", async () => {
    const from = await sender();
    // 501 recipients: batchsendmsg with 500, then sendmsg with 1.
    const recipients = Array.from({ length: 501 }, (_, i) => `r${i}`);
    const start = env.requestCount();
    await env.adapter.sendMessage({
      from,
      to: { type: "USERS", userIds: recipients },
      content: { type: "CUSTOM", customType: "ping", data: { n: 1 } },
      pushText: "You have a ping",
    });
    const sent = [...bodies("openim/batchsendmsg", start), ...bodies("openim/sendmsg", start)];
    expect(sent).toHaveLength(2);
    for (const body of sent) {
      expect(body.OfflinePushInfo).toEqual({ PushFlag: 0, Desc: "You have a ping" });
      expect(body.MsgBody).toEqual([
        expect.objectContaining({
          MsgType: "TIMCustomElem",
          MsgContent: expect.objectContaining({ Desc: "You have a ping" }),
        }),
      ]);
    }
    expect(pushTextChecks()).toBe(1);
  });

  it("is checked once for a group send", async () => {
    const from = await sender();
    const groupId = uid("g");
    await env.adapter.createGroup({ id: groupId, name: "G", ownerId: from, memberIds: [] });
    const start = env.requestCount();
    vi.mocked(checkText).mockClear();
    const [sent] = await env.adapter.sendMessage({
      from,
      to: { type: "GROUP", groupId },
      content: { type: "TEXT", text: "hello" },
      pushText: "New message",
    });
    expect(sent?.ok).toBe(true);
    expect(bodies("group_open_http_svc/send_group_msg", start)[0]?.OfflinePushInfo).toEqual({
      PushFlag: 0,
      Desc: "New message",
    });
    expect(pushTextChecks()).toBe(1);
  });

  it("refuses a push text over 500 bytes before any call", async () => {
    const start = env.requestCount();
    await expect(
      env.adapter.sendMessage({
        from: "someone",
        to: { type: "USERS", userIds: ["other"] },
        content: { type: "TEXT", text: "hi" },
        pushText: "x".repeat(501),
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "pushText" });
    expect(env.requestCount()).toBe(start);
  });
});
