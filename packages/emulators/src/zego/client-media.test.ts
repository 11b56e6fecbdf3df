import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { clientSend } from "../testing/zego-client.js";
import { useAnsweringServer } from "./test-answering-server.js";
import { useZego } from "./test-support.js";

// Media bodies in send_msg / before_send_msg: a client-SDK send's are URL-encoded snake_case
// JSON (docs_all core_products/zim/en/snippets/MediaMsgBodyDescriptionEn.mdx), a server-API
// send's are the body as passed (EN/Message sent.mdx, `source` 1).
const app = useAnsweringServer();
const fx = useZego({ callbackRetry: { backoffMs: 10 } }, () => ({
  callbackUrl: app.url,
  callbackSecret: "cbsecret0123",
}));

afterEach(() => fx.emu.flushCallbacks());
beforeEach(async () => {
  fx.emu.seed({ users: [{ userId: "a" }, { userId: "b" }] });
  await fx.emu.login({ userId: "a" });
});

const image = JSON.stringify({
  Uid: "u1",
  Origin: { Url: "https://x/a.png", Width: 640, Height: 480 },
  Thumbnail: { Url: "https://x/t.png", Width: 64, Height: 48 },
  FileName: "a.png",
  Size: 2048,
});
const file = JSON.stringify({ Uid: "u2", Url: "https://x/f.pdf", FileName: "f.pdf", Size: 10 });
const video = JSON.stringify({
  Uid: "u3",
  Url: "https://x/v.mp4",
  FileName: "v.mp4",
  MediaDuration: 30,
  Thumbnail: { Url: "https://x/v.jpg", Width: 320, Height: 180 },
});

const fromClient = (MessageType: number, Message: string) =>
  clientSend(fx.emu.url, {
    UserId: "a",
    ConvType: 0,
    ConvId: "b",
    MessageType,
    MessageBody: { Message },
  });

async function bodiesOf(event: string): Promise<unknown[]> {
  await fx.emu.flushCallbacks();
  return app.received
    .filter((b) => b.event === event)
    .map((b) => JSON.parse(decodeURIComponent(String(b.msg_body))));
}

describe("media bodies in ZIM message callbacks", () => {
  it("a client image, file and video send: URL-encoded snake_case in before_send_msg and send_msg", async () => {
    for (const [type, body] of [
      [11, image],
      [12, file],
      [14, video],
    ] as const) {
      expect(await fromClient(type, body)).toMatchObject({ code: 0 });
    }
    const [asked] = app.asked();
    expect(asked?.msg_body).toMatch(/^%7B%22md5%22/); // encoded, not plain JSON
    const expected = [
      {
        md5: "",
        file_name: "a.png",
        file_size: "2048",
        download_url: "https://x/a.png",
        media_duration: "0",
        origin_image_width: 640,
        origin_image_height: 480,
        thumbnail_download_url: "https://x/t.png",
        thumbnail_width: 64,
        thumbnail_height: 48,
      },
      {
        md5: "",
        file_name: "f.pdf",
        file_size: "10",
        download_url: "https://x/f.pdf",
        media_duration: "0",
      },
      {
        md5: "",
        file_name: "v.mp4",
        file_size: "0",
        download_url: "https://x/v.mp4",
        media_duration: "30",
        video_first_frame_download_url: "https://x/v.jpg",
        video_first_frame_width: 320,
        video_first_frame_height: 180,
      },
    ];
    expect(await bodiesOf("before_send_msg")).toEqual(expected);
    expect(await bodiesOf("send_msg")).toEqual(expected);
    const sent = app.received.filter((b) => b.event === "send_msg");
    expect(sent.map((b) => b.source)).toEqual([undefined, undefined, undefined]);
  });

  it("a client multi-item send: multi_msg with callback_content", async () => {
    const multi = JSON.stringify({
      MultiMsg: [
        { MsgType: 1, Msg: "hello" },
        { MsgType: 12, Msg: file },
      ],
    });
    expect(await fromClient(10, multi)).toMatchObject({ code: 0 });
    expect(await bodiesOf("send_msg")).toEqual([
      {
        multi_msg: [
          { msg_type: 1, callback_content: "hello" },
          {
            msg_type: 12,
            callback_content: {
              md5: "",
              file_name: "f.pdf",
              file_size: "10",
              download_url: "https://x/f.pdf",
              media_duration: "0",
            },
          },
        ],
      },
    ]);
  });

  it("a server-API image send carries its body as passed, with source 1", async () => {
    await fx.zim.post("SendPeerMessage", {
      FromUserId: "a",
      ToUserId: ["b"],
      MessageType: 11,
      Priority: 1,
      MessageBody: { Message: image },
    });
    await fx.emu.flushCallbacks();
    const [sent] = app.received.filter((b) => b.event === "send_msg");
    expect(sent).toMatchObject({ source: 1, msg_body: image });
  });

  it("a text body and a new_msg_body answer pass unchanged", async () => {
    app.answer = () => ({ json: { result: 1, new_msg_body: "%7B%22x%22%3A1%7D" } });
    expect(await fromClient(1, "plain")).toMatchObject({ code: 0 });
    expect(await fromClient(11, image)).toMatchObject({ code: 0 });
    await fx.emu.flushCallbacks();
    const asked = app.asked();
    expect(asked[0]?.msg_body).toBe("plain");
    // The rewrite of a media message is stored and called back verbatim (unverified).
    const sent = app.received.filter((b) => b.event === "send_msg");
    expect(sent.map((b) => b.msg_body)).toEqual(["%7B%22x%22%3A1%7D", "%7B%22x%22%3A1%7D"]);
  });
});
