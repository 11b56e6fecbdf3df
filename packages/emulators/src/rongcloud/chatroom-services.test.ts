import { describe, expect, it } from "vitest";
import { ok } from "../testing/rongcloud-client.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

// The default app: no chatroom KV, keep-alive or broadcast service.
const fx = useRongCloud();

describe("chatroom services off (#17 §2.8, §2.9)", () => {
  it("KV, initial entries, keep-alive and broadcast answer 430 / 1009", async () => {
    ok(await fx.rc.post("/chatroom/create_new.json", { chatroomId: "r" }));
    for (const [path, form] of [
      ["/chatroom/entry/query.json", { chatroomId: "r" }],
      ["/chatroom/keepalive/add.json", { chatroomId: "r" }],
      [
        "/message/chatroom/broadcast.json",
        { fromUserId: "a", objectName: "RC:TxtMsg", content: "{}" },
      ],
      [
        "/chatroom/create_new.json",
        { chatroomId: "s", entryOwnerId: "o", entryInfo: JSON.stringify({ k: "v" }) },
      ],
    ] as const) {
      const res = await fx.rc.post(path, form);
      expect([path, res.status, res.body.code]).toEqual([path, 430, 1009]);
    }
  });
});
