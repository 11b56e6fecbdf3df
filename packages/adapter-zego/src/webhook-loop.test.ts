import type { ImEvent, Message } from "@imgraph/core";
import { beforeAll, describe, expect, it } from "vitest";
import { clientSend } from "./testing/app-server.js";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { APP_ID } from "./testing/emulator.js";

// send_msg and before_send_msg from the emulator, read by the adapter over real HTTP: room
// message ids (M2), client-SDK media bodies (M1), failed receivers of a peer send (M4).
const loop = useCallbackLoop();
const { app } = loop;
beforeAll(() => {
  loop.emulator.seed({ users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }] });
});

async function sentMessages(): Promise<Message[]> {
  await loop.emulator.flushCallbacks();
  expect(app.refused).toEqual([]);
  return app.events.flatMap((e: ImEvent) => (e.type === "MESSAGE_SENT" ? [e.message] : []));
}

describe("ZIM message callbacks over the emulator", () => {
  it("a room message's id recalls it with RevokeRoomMessage; edit and receipts refuse it", async () => {
    loop.emulator.login({ userId: "a", roomId: "r1" });
    loop.emulator.login({ userId: "b", roomId: "r1" });
    await loop.adapter.sendLiveRoomMessage({
      roomId: "r1",
      from: "a",
      content: { type: "TEXT", text: "hi room" },
    });
    const [sent] = await sentMessages();
    if (!sent) throw new Error("no MESSAGE_SENT");
    expect(sent.conversation).toEqual({ type: "ROOM", id: "r1" });
    expect(loop.adapter.describeMessageId(sent.id)).toEqual({
      senderId: "a",
      conversation: { type: "ROOM", id: "r1" },
    });

    await loop.adapter.recallMessage({ messageId: sent.id });
    const revoke = loop.emulator.requests({ route: "zim:RevokeRoomMessage" }).at(-1);
    expect(JSON.parse(revoke?.body ?? "{}")).toEqual({ FromUserId: "a", RoomId: "r1", MsgSeq: 1 });
    expect(loop.emulator.requests({ route: "zim:RevokeGroupMessage" })).toEqual([]);
    const state = loop.emulator.state(String(APP_ID)) as {
      roomConversations: { roomId: string; messages: { seq: number; revoked: boolean }[] }[];
    };
    const stored = state.roomConversations.find((c) => c.roomId === "r1")?.messages;
    expect(stored?.map((m) => [m.seq, m.revoked])).toEqual([[1, true]]);

    await expect(
      loop.adapter.editMessage({ messageId: sent.id, content: { type: "TEXT", text: "edited" } }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /room/ });
    await expect(
      loop.adapter.markMessagesRead({ userId: "b", messageIds: [sent.id] }),
    ).rejects.toMatchObject({ code: "UNSUPPORTED_BY_VENDOR", message: /messageIds\[0\]/ });
    expect(loop.emulator.requests({ route: "zim:EditGroupMsgBody" })).toEqual([]);
    expect(loop.emulator.requests({ route: "zim:GroupReadReceipt" })).toEqual([]);
  });

  it("a client-SDK image send is IMAGE in the pre-send check and in MESSAGE_SENT", async () => {
    loop.emulator.login({ userId: "a" });
    const image = {
      type: "IMAGE",
      url: "https://x/a.png",
      width: 640,
      height: 480,
      sizeBytes: 2048,
      thumbnailUrl: "https://x/t.png",
    };
    const body = JSON.stringify({
      Uid: "u1",
      Origin: { Url: image.url, Width: 640, Height: 480 },
      Thumbnail: { Url: image.thumbnailUrl, Width: 64, Height: 48 },
      FileName: "a.png",
      Size: 2048,
    });
    const answer = await clientSend(loop.emulator.url, {
      UserId: "a",
      ConvType: 0,
      ConvId: "b",
      MessageType: 11,
      MessageBody: { Message: body },
    });
    expect(answer).toMatchObject({ code: 0 });
    expect(app.checks.map((c) => c.content)).toEqual([image]);
    const [sent] = await sentMessages();
    expect(sent?.content).toEqual(image);
  });

  it("a peer send's blocked receiver gets no MESSAGE_SENT; the others do", async () => {
    await loop.adapter.blockUsers({ userId: "c", userIds: ["a"] });
    const results = await loop.adapter.sendMessage({
      from: "a",
      to: { type: "USERS", userIds: ["b", "c"] },
      content: { type: "TEXT", text: "to both" },
    });
    expect(results.map((r) => r.ok)).toEqual([true, false]);
    const sent = await sentMessages();
    expect(sent.map((m) => [m.conversation, m.content])).toEqual([
      [
        { type: "USER", id: "b" },
        { type: "TEXT", text: "to both" },
      ],
    ]);
  });
});
