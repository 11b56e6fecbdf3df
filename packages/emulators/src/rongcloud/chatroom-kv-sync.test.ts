// The chatroom attribute (KV) sync callback (docs.rongcloud.io platform-chat-api/chatroom/
// kv-attribute/sync-kv): one JSON object per changed key, chatroomId with a lowercase r.
import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { ok } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const sink = useCallbackSink();
const fx = useRongCloud(() => ({
  apps: [{ ...APP, callbackUrls: { chatroomKv: sink.url }, features: { chatroomKv: true } }],
}));

describe("chatroom KV sync callback", () => {
  it("calls back each set and delete with the operator, optType and a rising version", async () => {
    ok(await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r" }));
    ok(
      await fx.rc.post("/chatroom/entry/set.json", {
        chatroomId: "r",
        userId: "a",
        key: "k",
        value: "v",
      }),
    );
    ok(
      await fx.rc.post("/chatroom/entry/batch/set.json", {
        chatroomId: "r",
        entryOwnerId: "b",
        entryInfo: JSON.stringify({ x: "1", y: "2" }),
      }),
    );
    ok(await fx.rc.post("/chatroom/entry/remove.json", { chatroomId: "r", userId: "a", key: "k" }));
    await fx.emu.flushCallbacks();
    // Deliveries may overtake each other: in version order.
    const bodies = sink.received
      .map((c) => JSON.parse(c.body))
      .sort((a, b) => a.version - b.version);
    expect(bodies).toEqual([
      {
        chatroomId: "r",
        key: "k",
        value: "v",
        optType: 1,
        userId: "a",
        timestamp: expect.any(Number),
        version: 1,
        status: 0,
      },
      {
        chatroomId: "r",
        key: "x",
        value: "1",
        optType: 1,
        userId: "b",
        timestamp: expect.any(Number),
        version: 2,
        status: 0,
      },
      {
        chatroomId: "r",
        key: "y",
        value: "2",
        optType: 1,
        userId: "b",
        timestamp: expect.any(Number),
        version: 3,
        status: 0,
      },
      {
        chatroomId: "r",
        key: "k",
        value: "",
        optType: 2,
        userId: "a",
        timestamp: expect.any(Number),
        version: 4,
        status: 0,
      },
    ]);
    expect(sink.received.every((c) => c.headers["content-type"]?.includes("json"))).toBe(true);
  });
});
