import { beforeEach, describe, expect, it } from "vitest";
import { startTestEmulator, TEST_APP_ID, useZego } from "./test-support.js";

// SetConvMark over HTTP (zego.md #16 §1.6): marks per user and conversation, the two-level
// FailList, the all-failed code and the request-level parameter errors.
const fx = useZego();
beforeEach(() => {
  fx.emu.seed({
    users: [{ userId: "a" }, { userId: "b" }, { userId: "c" }],
    groups: [{ groupId: "g", owner: "a", members: ["b"] }],
  });
});

type Marks = Record<string, { MarkContent: unknown }>;
interface Entry {
  UserId: string;
  SetMarkC2c?: Marks;
  SetMarkGroup?: Marks;
  Action: boolean;
}

const mark = (MarkContent: unknown) => ({ MarkContent });
const setMarks = (ConvMarkInfoList: unknown[], FromUserId = "a") =>
  fx.zim.post("SetConvMark", { FromUserId, ConvMarkInfoList });
const entry = (UserId: string, c2c: Marks, group: Marks = {}, Action = true): Entry => ({
  UserId,
  ...(Object.keys(c2c).length ? { SetMarkC2c: c2c } : {}),
  ...(Object.keys(group).length ? { SetMarkGroup: group } : {}),
  Action,
});

/** One user's marks on a conversation, from the state dump (ZIM reads none back). */
function marksOf(userId: string, convType: number, convId: string): number[] | undefined {
  const state = fx.emu.state(String(TEST_APP_ID)) as {
    userConversations: { userId: string; convType: number; convId: string; marks: number[] }[];
  };
  return state.userConversations.find(
    (e) => e.userId === userId && e.convType === convType && e.convId === convId,
  )?.marks;
}

describe("SetConvMark", () => {
  it("sets and cancels marks per user and conversation; repeats succeed", async () => {
    const set = await setMarks([
      entry("a", { b: mark(2), c: mark(2) }, { g: mark(2) }),
      entry("a", { b: mark(1) }),
      entry("b", { a: mark(30) }),
    ]);
    expect(set.body).toMatchObject({ Code: 0, FailList: [] });
    expect(marksOf("a", 0, "b")).toEqual([1, 2]);
    expect(marksOf("a", 0, "c")).toEqual([2]);
    expect(marksOf("a", 2, "g")).toEqual([2]);
    expect(marksOf("b", 0, "a")).toEqual([30]);
    // Marks are the user's own: c has none on its conversation with a.
    expect(marksOf("c", 0, "a")).toBeUndefined();
    // Setting an existing mark again and cancelling an absent one both succeed.
    expect((await setMarks([entry("a", { b: mark(2) })])).body.Code).toBe(0);
    expect((await setMarks([entry("a", { b: mark(7) }, {}, false)])).body.Code).toBe(0);
    expect(marksOf("a", 0, "b")).toEqual([1, 2]);
    const cancel = await setMarks([entry("a", { b: mark(1) }, { g: mark(2) }, false)]);
    expect(cancel.body.Code).toBe(0);
    expect(marksOf("a", 0, "b")).toEqual([2]);
    expect(marksOf("a", 2, "g")).toEqual([]);
  });

  it("answers failed conversations in the user's FailList (Code 0 while one succeeded)", async () => {
    const res = await setMarks([
      entry(
        "c",
        { a: mark(3), b: mark(0), c: mark(3), ghost: mark(3) },
        { g: mark(3), nope: mark(3) },
      ),
    ]);
    expect(res.body.Code).toBe(0);
    expect(res.body.FailList).toEqual([
      {
        SubCode: 0,
        SubMessage: "succ",
        UserId: "c",
        FailList: [
          { Code: 1, Message: "mark content is invalide", ConvId: "b", ConvType: 0 },
          {
            Code: 1,
            Message: "a user has no conversation with themself",
            ConvId: "c",
            ConvType: 0,
          },
          { Code: 1, Message: "user is not in the group", ConvId: "g", ConvType: 2 },
          { Code: 1, Message: "group conversation does not exist", ConvId: "nope", ConvType: 2 },
        ],
      },
    ]);
    expect(marksOf("c", 0, "a")).toEqual([3]);
    // A one-to-one peer need not be registered (the page names no such failure).
    expect(marksOf("c", 0, "ghost")).toEqual([3]);
    expect(marksOf("c", 0, "b")).toBeUndefined();
    expect(marksOf("c", 2, "g")).toBeUndefined();
  });

  it("refuses marks outside 1..30 and non-integers, per conversation", async () => {
    for (const bad of [0, 31, 1.5, "2", null]) {
      const res = await setMarks([entry("a", { b: mark(bad) })]);
      expect(res.body.Code).toBe(660800054);
      expect(res.body.FailList).toEqual([
        {
          SubCode: 660800054,
          SubMessage: "mark operations for all conversations failed",
          UserId: "a",
          FailList: [{ Code: 1, Message: "mark content is invalide", ConvId: "b", ConvType: 0 }],
        },
      ]);
    }
    expect(marksOf("a", 0, "b")).toBeUndefined();
  });

  it("answers an unknown user with SubCode 1 and 660800054 when nothing succeeded", async () => {
    const one = await setMarks([entry("zz", { a: mark(1) }), entry("a", { b: mark(1) })]);
    expect(one.body).toMatchObject({
      Code: 0,
      FailList: [{ SubCode: 1, SubMessage: "user not exist", UserId: "zz" }],
    });
    const none = await setMarks([entry("zz", { a: mark(1) }), entry("b", { b: mark(1) })]);
    expect(none.body.Code).toBe(660800054);
    expect(
      (none.body.FailList as { UserId: string; SubCode: number }[]).map((f) => [
        f.UserId,
        f.SubCode,
      ]),
    ).toEqual([
      ["zz", 1],
      ["b", 660800054],
    ]);
  });

  it("refuses a malformed request as a whole, changing nothing", async () => {
    const good = entry("a", { b: mark(1) });
    const cases: (unknown[] | undefined)[] = [
      undefined,
      [],
      Array.from({ length: 101 }, () => good),
      [good, { UserId: "a", Action: true }],
      [good, { UserId: "a", SetMarkC2c: {}, SetMarkGroup: {}, Action: true }],
      [good, { UserId: "a", SetMarkC2c: { b: mark(1) } }],
      [good, { SetMarkC2c: { b: mark(1) }, Action: true }],
      [good, { UserId: "a", SetMarkC2c: [1], Action: true }],
      [
        good,
        entry("a", Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`p${i}`, mark(1)]))),
      ],
    ];
    for (const list of cases) {
      const res = await fx.zim.post("SetConvMark", {
        FromUserId: "a",
        ...(list ? { ConvMarkInfoList: list } : {}),
      });
      expect(res.body.Code).toBe(660000002);
      expect(res.body.FailList).toBeUndefined();
    }
    expect(marksOf("a", 0, "b")).toBeUndefined();
    // 100 entries are allowed.
    expect((await setMarks(Array.from({ length: 100 }, () => good))).body.Code).toBe(0);
  });

  it("needs a registered operator (660800001) and a valid FromUserId (660000002)", async () => {
    const list = [entry("a", { b: mark(1) })];
    expect((await setMarks(list, "ghost")).body.Code).toBe(660800001);
    expect((await setMarks(list, "")).body.Code).toBe(660000002);
    expect((await setMarks(list, "x".repeat(33))).body.Code).toBe(660000002);
    expect(marksOf("a", 0, "b")).toBeUndefined();
  });

  it("shows the marks over the control API's state", async () => {
    await setMarks([entry("a", { b: mark(4) })]);
    const res = await fetch(`${fx.emu.url}/__emulator/state?app=${TEST_APP_ID}`);
    const body = (await res.json()) as { userConversations: unknown[] };
    expect(body.userConversations).toContainEqual(
      expect.objectContaining({ userId: "a", convType: 0, convId: "b", marks: [4] }),
    );
  });
});

describe("SetConvMark's rate", () => {
  it("is 20 calls a second per app (660300005)", async () => {
    const { emu, zim } = await startTestEmulator({ rateLimits: true });
    try {
      emu.setClock({ now: Date.UTC(2030, 0, 1), frozen: true });
      emu.seed({ users: [{ userId: "a" }, { userId: "b" }] });
      const body = { FromUserId: "a", ConvMarkInfoList: [entry("a", { b: mark(1) })] };
      const codes: number[] = [];
      for (let i = 0; i < 21; i++) codes.push((await zim.post("SetConvMark", body)).body.Code);
      expect(codes.slice(0, 20).every((c) => c === 0)).toBe(true);
      expect(codes[20]).toBe(660300005);
    } finally {
      await emu.close();
    }
  });
});
