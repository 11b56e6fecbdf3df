import { describe, expect, it } from "vitest";
import { useCallbackSink } from "../testing/callback-sink.js";
import { ok, textMessage } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const sink = useCallbackSink();
const fx = useRongCloud(() => ({
  apps: [{ ...APP, callbackUrl: sink.url, moderateServerMessages: true, sensitiveWordMax: 5 }],
}));

const list = async (type?: string) =>
  ok(await fx.rc.post("/sensitiveword/list.json", type ? { type } : {})).words;
const FIFTEEN_MINUTES = 15 * 60_000;

describe("sensitive-word list (#18 §2)", () => {
  it("adds one word (blocking, or replacing with replaceWord) and lists blocking words by default", async () => {
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "spam" }));
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "darn", replaceWord: "***" }));
    expect(await list()).toEqual([{ word: "spam", replaceWord: "", type: "1" }]);
    expect(await list("0")).toEqual([{ word: "darn", replaceWord: "***", type: "0" }]);
    expect((await list("2")).map((w: { word: string }) => w.word)).toEqual(["spam", "darn"]);
  });

  it("adds a batch (JSON) and answers the remaining quota; over the cap the whole batch fails", async () => {
    const added = ok(
      await fx.rc.postJson("/sensitiveword/batch/add.json", {
        words: [{ word: "a1" }, { word: "a2", replaceWord: "x" }, { word: "a3" }],
      }),
    );
    expect(added.remainQuota).toBe(2);
    const over = await fx.rc.postJson("/sensitiveword/batch/add.json", {
      words: [{ word: "b1" }, { word: "b2" }, { word: "b3" }],
    });
    expect(over.status).toBe(400);
    expect(over.body).toMatchObject({ code: 1019, remainQuota: 2 });
    expect(await list("2")).toHaveLength(3);
  });

  it("refuses words longer than 32 characters, empty batches and more than 50 per call", async () => {
    const long = await fx.rc.post("/sensitiveword/add.json", { word: "x".repeat(33) });
    expect(long.body).toMatchObject({ code: 1005 });
    const empty = await fx.rc.postJson("/sensitiveword/batch/add.json", { words: [] });
    expect(empty.body).toMatchObject({ code: 1002 });
    const many = Array.from({ length: 51 }, (_, i) => `w${i}`);
    const del = await fx.rc.post("/sensitiveword/batch/delete.json", { words: many });
    expect(del.body).toMatchObject({ code: 1002 });
  });

  it("removes words one by one and in batches (form, words repeated)", async () => {
    ok(
      await fx.rc.postJson("/sensitiveword/batch/add.json", {
        words: [{ word: "c1" }, { word: "c2" }, { word: "c3" }],
      }),
    );
    ok(await fx.rc.post("/sensitiveword/delete.json", { word: "c1" }));
    ok(await fx.rc.post("/sensitiveword/batch/delete.json", { words: ["c2", "unknown"] }));
    expect(await list("2")).toEqual([{ word: "c3", replaceWord: "", type: "1" }]);
  });
});

describe("sensitive-word enforcement (#18 §2)", () => {
  const send = (text: string) =>
    fx.rc.publish("private", { fromUserId: "a", toUserId: "b", ...textMessage(text) });

  it("applies a word only after the activation delay (15 minutes)", async () => {
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "spam" }));
    const early = ok(await send("buy spam now")).messageUIDs[0].messageUID;
    expect(fx.emu.storedMessage({ msgUID: early })).not.toBeNull();
    fx.emu.setClock({ advanceMs: FIFTEEN_MINUTES });
    const late = ok(await send("buy SPAM now")).messageUIDs[0].messageUID;
    // Kept from the recipient: not stored, not routed; the send still answers its uid.
    expect(fx.emu.storedMessage({ msgUID: late })).toBeNull();
    expect(fx.emu.moderation({}).moderated).toMatchObject([
      { uid: late, by: "sensitive-word", targetId: "b" },
    ]);
    await fx.emu.flushCallbacks();
    expect(sink.received.filter((c) => c.body.includes(late))).toEqual([]);
  });

  it("replaces a replacing word; routing then says sensitiveType 2", async () => {
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "darn", replaceWord: "***" }));
    fx.emu.setClock({ advanceMs: FIFTEEN_MINUTES });
    const uid = ok(await send("oh darn it")).messageUIDs[0].messageUID;
    expect(JSON.parse(fx.emu.storedMessage({ msgUID: uid })?.content ?? "{}").content).toBe(
      "oh *** it",
    );
    await fx.emu.flushCallbacks();
    const routed = sink.received.map((c) => new URLSearchParams(c.body));
    expect(routed.find((f) => f.get("msgUID") === uid)?.get("sensitiveType")).toBe("2");
  });

  it("filters text messages only", async () => {
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "spam" }));
    fx.emu.setClock({ advanceMs: FIFTEEN_MINUTES });
    const custom = ok(
      await fx.rc.publish("private", {
        toUserId: "b",
        objectName: "App:Custom",
        content: JSON.stringify({ content: "spam" }),
      }),
    ).messageUIDs[0].messageUID;
    expect(fx.emu.storedMessage({ msgUID: custom })).not.toBeNull();
  });

  it("keeps applying a removed word until the removal takes effect", async () => {
    ok(await fx.rc.post("/sensitiveword/add.json", { word: "spam" }));
    fx.emu.setClock({ advanceMs: FIFTEEN_MINUTES });
    ok(await fx.rc.post("/sensitiveword/delete.json", { word: "spam" }));
    const during = ok(await send("spam")).messageUIDs[0].messageUID;
    expect(fx.emu.storedMessage({ msgUID: during })).toBeNull();
    fx.emu.setClock({ advanceMs: FIFTEEN_MINUTES });
    const after = ok(await send("spam")).messageUIDs[0].messageUID;
    expect(fx.emu.storedMessage({ msgUID: after })).not.toBeNull();
  });
});

describe("Server API sends without the console switch", () => {
  const plain = useRongCloud(() => ({ apps: [{ ...APP, sensitiveWordActivationSeconds: 0 }] }));

  it("are not filtered (RongCloud's default)", async () => {
    ok(await plain.rc.post("/sensitiveword/add.json", { word: "spam" }));
    const uid = ok(await plain.rc.publish("private", { toUserId: "b", ...textMessage("spam") }))
      .messageUIDs[0].messageUID;
    expect(plain.emu.storedMessage({ msgUID: uid })).not.toBeNull();
  });
});
