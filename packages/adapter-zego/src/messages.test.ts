import { describe, expect, it } from "vitest";
import { requestCount, value, zegoSession } from "./testing/emulator.js";

// Sends over HTTP against the emulator, beyond the shared contract.
const zego = zegoSession({ rateLimits: false });

describe("messages", () => {
  it("sends numeric custom types as ZIM's SubMsgType and splits recipients by 100", async () => {
    const [from, ...to] = await zego.users(102);
    const sent = await zego.adapter.sendMessage({
      from: from as string,
      to: { type: "USERS", userIds: to },
      content: { type: "CUSTOM", customType: "7", data: { x: 1 } },
      pushText: "you have mail",
    });
    expect(sent.filter((r) => !r.ok)).toEqual([]);
    const bodies = zego.emulator
      .requests({ route: "zim:SendPeerMessage" })
      .slice(-2)
      .map((r) => JSON.parse(r.body));
    expect(bodies.map((b) => b.ToUserId.length).sort()).toEqual([1, 100]);
    expect(bodies[0]).toMatchObject({
      MessageType: 200,
      SubMsgType: 7,
      MessageBody: { Message: '{"x":1}', OfflinePush: { Enable: 1, Content: "you have mail" } },
    });
    const page = await zego.adapter.listMessages({
      conversation: { type: "USER", userId: from as string, peerId: to[0] as string },
      limit: 1,
    });
    expect(page.items[0]?.content).toEqual({ type: "CUSTOM", customType: "7", data: { x: 1 } });
  });

  it("gives a peer message the same id in the send answer and in both sides' history", async () => {
    const [a, b] = (await zego.users(2)) as [string, string];
    const sent = await zego.sendText(a, b, "same id");
    const ids = await Promise.all(
      [
        { userId: a, peerId: b },
        { userId: b, peerId: a },
      ].map(async (view) => {
        const page = await zego.adapter.listMessages({
          conversation: { type: "USER", ...view },
          limit: 1,
        });
        return page.items[0]?.id;
      }),
    );
    expect(ids).toEqual([value(sent).messageId, value(sent).messageId]);
  });

  it("answers one result per recipient as listed, sending to a repeated one once", async () => {
    const [a, b, c] = (await zego.users(3)) as [string, string, string];
    const before = requestCount(zego.emulator);
    const sent = await zego.adapter.sendMessage({
      from: a,
      to: { type: "USERS", userIds: [b, c, b] },
      content: { type: "TEXT", text: "twice named" },
    });
    expect(sent.map((r) => r.key)).toEqual([b, c, b]);
    expect(sent[2]).toEqual(sent[0]);
    const calls = zego.emulator
      .requests({ route: "zim:SendPeerMessage", afterSeq: before })
      .map((r) => JSON.parse(r.body).ToUserId);
    expect(calls).toEqual([[b, c]]);
  });

  it("refuses to send to the sender itself before any call", async () => {
    const before = requestCount(zego.emulator);
    await expect(
      zego.adapter.sendMessage({
        from: "a",
        to: { type: "USERS", userIds: ["b", "a"] },
        content: { type: "TEXT", text: "x" },
      }),
    ).rejects.toMatchObject({ code: "BAD_USER_INPUT", field: "to.userIds" });
    expect(requestCount(zego.emulator)).toBe(before);
  });
});
