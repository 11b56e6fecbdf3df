import { describe, expect, it } from "vitest";
import { type Form, ok, textMessage } from "../testing/rongcloud-client.js";
import { publishUid, queryHistory, texts } from "../testing/rongcloud-messages.js";
import { useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud();

const sendPrivate = (form: Form = {}) =>
  publishUid(fx, "private", { toUserId: "b", ...textMessage("typo"), ...form });
const sendGroup = () => publishUid(fx, "group", { toGroupId: "g1", ...textMessage("typo") });
const privateEdit = (msgUID: string, form: Record<string, unknown> = {}) =>
  fx.rc.post("/message/private/modify.json", {
    fromUserId: "a",
    targetId: "b",
    msgUID,
    ...textMessage("fixed"),
    ...form,
  });
const historyText = async () =>
  texts(ok(await queryHistory(fx, "private", { userId: "b", targetId: "a" })));

describe("/message/{private,group}/modify.json (§2.4, U1)", () => {
  it("replaces a private message's content, seen in history and in the stored message", async () => {
    const uid = await sendPrivate();
    ok(await privateEdit(uid));
    expect(await historyText()).toEqual(["fixed"]);
    expect(fx.emu.storedMessage({ msgUID: uid })).toMatchObject({
      objectName: "RC:TxtMsg",
      content: JSON.stringify({ content: "fixed" }),
    });
    // objectName may be left out: the type stays.
    ok(
      await privateEdit(uid, { objectName: undefined, content: JSON.stringify({ content: "2" }) }),
    );
    expect(await historyText()).toEqual(["2"]);
  });

  it("replaces a group message's content (groupId names the group)", async () => {
    const uid = await sendGroup();
    ok(
      await fx.rc.post("/message/group/modify.json", {
        fromUserId: "a",
        groupId: "g1",
        msgUID: uid,
        ...textMessage("fixed"),
      }),
    );
    expect(fx.emu.storedMessage({ msgUID: uid })?.content).toBe(
      JSON.stringify({ content: "fixed" }),
    );
  });

  it("refuses with 1002: unknown uid, another sender or target, another type, wrong endpoint", async () => {
    const uid = await sendPrivate();
    const group = await sendGroup();
    for (const res of [
      await privateEdit("AAAA-BBBB-CCCC-DDDD"),
      await privateEdit(uid, { fromUserId: "c" }),
      await privateEdit(uid, { targetId: "c" }),
      await privateEdit(uid, { objectName: "X:Custom", content: "{}" }),
      await privateEdit(group, { targetId: "g1" }),
      await privateEdit(uid, { content: undefined }),
      await privateEdit(uid, { msgUID: undefined }),
      await privateEdit(uid, { content: "not json" }),
      await fx.rc.post("/message/group/modify.json", {
        fromUserId: "a",
        groupId: "b",
        msgUID: uid,
        ...textMessage("x"),
      }),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.code).toBe(1002);
    }
    expect(fx.emu.storedMessage({ msgUID: uid })?.content).toBe(
      JSON.stringify({ content: "typo" }),
    );
  });

  it("refuses content over 128 KB (1005) and a recalled message (1002)", async () => {
    const uid = await sendPrivate({ objectName: "X:Big", content: "small" });
    const big = await privateEdit(uid, {
      objectName: "X:Big",
      content: "x".repeat(128 * 1024 + 1),
    });
    expect(big.body.code).toBe(1005);
    const sent = fx.emu.storedMessage({ msgUID: uid });
    ok(
      await fx.rc.post("/message/recall.json", {
        fromUserId: "a",
        conversationType: 1,
        targetId: "b",
        messageUID: uid,
        sentTime: sent?.sentTime,
      }),
    );
    expect((await privateEdit(uid, { objectName: "X:Big", content: "y" })).body.code).toBe(1002);
  });

  it("edits only within 24 hours of sending (U1)", async () => {
    const uid = await sendPrivate();
    fx.emu.setClock({ advanceMs: 23 * 3_600_000 });
    ok(await privateEdit(uid));
    fx.emu.setClock({ advanceMs: 3_600_000 });
    const late = await privateEdit(uid, textMessage("too late"));
    expect(late.body).toMatchObject({
      code: 1002,
      errorMessage: expect.stringContaining("24 hours"),
    });
    expect(await historyText()).toEqual(["fixed"]);
  });
});
