// Edit and read-report callbacks: parsed from hand-made bodies, and end to end from what the
// emulator sends after the adapter's REST edit (modify_c2c_msg) and read mark
// (admin_set_msg_read).
import { BadUserInputError, IdCodec, type ImEvent } from "@imgraph/core";
import { describe, expect, it } from "vitest";
import { TencentAdapter } from "./adapter.js";
import { decodeMessageId } from "./message-ids.js";
import { useCallbackLoop } from "./testing/callback-loop.js";
import { KEY, SDK_APP_ID } from "./testing/emulator.js";
import { events, NOW, parser, TOKEN } from "./testing/signed-callbacks.js";

const at = new Date(NOW);
/** The id context adapterFor seals message ids with (testing/emulator.ts). */
const sealed = { ids: new IdCodec({ secret: "id-secret" }), appId: "tencent" };
const text = (t: string) => [{ MsgType: "TIMTextElem", MsgContent: { Text: t } }];

describe("lifecycle callbacks", () => {
  it("reads C2C.CallbackAfterModifyMsg as MESSAGE_EDITED with the id our messages carry", () => {
    const [event] = events("C2C.CallbackAfterModifyMsg", {
      Operator_Account: "jared",
      From_Account: "jared",
      To_Account: "jonh",
      MsgRandom: 690,
      MsgSeq: 609,
      MsgTime: 1_699_999_000,
      MsgKey: "609_690_1699999000",
      MsgBody: text("new"),
      CloudCustomData: "",
    });
    expect(event).toMatchObject({
      type: "MESSAGE_EDITED",
      appId: "tc",
      at,
      conversation: { type: "USER", id: "jonh" },
      senderId: "jared",
      editorId: "jared",
      content: { type: "TEXT", text: "new" },
    });
    const id = event?.type === "MESSAGE_EDITED" ? event.messageId : null;
    expect(parser.describeMessageId(id ?? "")).toEqual({
      senderId: "jared",
      conversation: { type: "USER", id: "jonh" },
    });
    // Without MsgKey, the key is rebuilt from MsgSeq, MsgRandom and MsgTime.
    const [rebuilt] = events("C2C.CallbackAfterModifyMsg", {
      From_Account: "jared",
      To_Account: "jonh",
      MsgRandom: 690,
      MsgSeq: 609,
      MsgTime: 1_699_999_000,
    });
    expect(rebuilt).toMatchObject({ messageId: id, editorId: null, content: null });
    expect(() =>
      events("C2C.CallbackAfterModifyMsg", { From_Account: "a", To_Account: "b" }),
    ).toThrow(BadUserInputError);
  });

  it("reads C2C.CallbackAfterMsgReport as CONVERSATION_READ up to LastReadTime", () => {
    expect(
      events("C2C.CallbackAfterMsgReport", {
        Report_Account: "b",
        Peer_Account: "a",
        LastReadTime: 1_699_999_123,
        UnreadMsgNum: 0,
      }),
    ).toEqual([
      {
        type: "CONVERSATION_READ",
        appId: "tc",
        at,
        userId: "b",
        conversation: { type: "USER", id: "a" },
        readUpTo: new Date(1_699_999_123_000),
      },
    ]);
    expect(() => events("C2C.CallbackAfterMsgReport", { Peer_Account: "a" })).toThrow(
      BadUserInputError,
    );
    // Seconds that overflow a Date once made ms.
    expect(() =>
      events("C2C.CallbackAfterMsgReport", {
        Report_Account: "b",
        Peer_Account: "a",
        LastReadTime: Number.MAX_SAFE_INTEGER,
      }),
    ).toThrow(expect.objectContaining({ code: "BAD_USER_INPUT", field: "LastReadTime" }));
  });

  it("claims one-to-one edits and reads for Tencent's callbacks, only when it can read them", () => {
    expect(parser.reportsByCallback("MESSAGE_EDITED", "USER")).toBe(true);
    expect(parser.reportsByCallback("CONVERSATION_READ", "USER")).toBe(true);
    // No group edit callback is documented; deletes and reactions call back for nothing.
    expect(parser.reportsByCallback("MESSAGE_EDITED", "GROUP")).toBe(false);
    expect(parser.reportsByCallback("MESSAGE_DELETED", "USER")).toBe(false);
    expect(parser.reportsByCallback("REACTION_CHANGED", "USER")).toBe(false);
    const plain = new TencentAdapter({ sdkAppId: SDK_APP_ID, key: KEY });
    expect(plain.reportsByCallback("MESSAGE_EDITED", "USER")).toBe(false);
  });
});

describe("lifecycle callbacks, end to end", () => {
  const loop = useCallbackLoop(TOKEN);
  const received = loop.received;

  it("turns the callbacks after editMessage and markConversationRead into events", async () => {
    loop.emulator().seed({ app: SDK_APP_ID, accounts: ["ann", "bob"] });
    const [sent] = await loop.adapter().sendMessage({
      from: "ann",
      to: { type: "USERS", userIds: ["bob"] },
      content: { type: "TEXT", text: "v1" },
    });
    if (!sent?.ok) throw new Error("send failed");
    const messageId = sent.value.messageId;
    await loop.adapter().editMessage({ messageId, content: { type: "TEXT", text: "v2" } });
    const upTo = new Date(Math.floor(Date.now() / 1000) * 1000);
    await loop.adapter().markConversationRead({
      userId: "bob",
      conversation: { type: "USER", id: "ann" },
      upTo,
    });
    await loop.emulator().flushCallbacks();
    const all: ImEvent[] = received.flatMap((r) => loop.adapter().parseWebhook?.(r).events ?? []);
    const edited = all.find((e) => e.type === "MESSAGE_EDITED");
    expect(edited).toMatchObject({
      conversation: { type: "USER", id: "bob" },
      senderId: "ann",
      // The REST edit names the app admin: the server, not a user.
      editorId: null,
      content: { type: "TEXT", text: "v2" },
    });
    // The same message the send answered (ids are sealed: compare what they name).
    const id = edited?.type === "MESSAGE_EDITED" ? (edited.messageId ?? "") : "";
    expect(decodeMessageId(sealed, id)).toEqual(decodeMessageId(sealed, messageId));
    expect(all.find((e) => e.type === "CONVERSATION_READ")).toMatchObject({
      userId: "bob",
      conversation: { type: "USER", id: "ann" },
      readUpTo: upTo,
    });
  });
});
