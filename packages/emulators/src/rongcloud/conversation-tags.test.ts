import { signRongCloudRequest } from "@imgraph/signing";
import { describe, expect, it } from "vitest";
import { ok, type RcResponse } from "../testing/rongcloud-client.js";
import { APP, useRongCloud } from "../testing/rongcloud-setup.js";

const fx = useRongCloud();

/** A signed GET with the parameters in the query string, as the Java SDK sends these reads. */
async function get(path: string, query: Record<string, string>): Promise<RcResponse> {
  const res = await fetch(`${fx.emu.url}${path}?${new URLSearchParams(query)}`, {
    headers: signRongCloudRequest(APP),
  });
  return { status: res.status, headers: res.headers, body: await res.json() };
}
const setTags = (userId: string, tags: { tagId: unknown; tagName: unknown }[]) =>
  fx.rc.postJson("/user/conversation/tag/set.json", { userId, tags });
const tag = (userId: string, tagId: string, conversations: unknown[], del = false) =>
  fx.rc.postJson(del ? "/tag/conversation/del.json" : "/tag/conversation/set.json", {
    userId,
    tagId,
    conversations,
  });
const tagsOf = async (userId: string) =>
  ok(await get("/user/conversation/tag/get.json", { userId })).data.tags as {
    tagId: string;
    tagName: string;
    createTime: number;
  }[];
const conversationsOf = async (userId: string, tagId: string) =>
  ok(await get("/tag/conversation/get.json", { userId, tagId })).data.conversations;
const codeOf = (r: RcResponse) => [r.status, r.body.code];
const p = (targetId: string) => ({ targetId, conversationType: 1 });
const g = (targetId: string) => ({ targetId, conversationType: 3 });

describe("/user/conversation/tag/{set,del,get}.json (§1.7)", () => {
  it("creates, renames and deletes one user's tags; another user has none", async () => {
    ok(
      await setTags("a", [
        { tagId: "t1", tagName: "Work" },
        { tagId: "t2", tagName: "家人" },
      ]),
    );
    expect(await tagsOf("a")).toEqual([
      { tagId: "t1", tagName: "Work", createTime: expect.any(Number) },
      { tagId: "t2", tagName: "家人", createTime: expect.any(Number) },
    ]);
    expect(ok(await get("/user/conversation/tag/get.json", { userId: "b" })).data).toEqual({
      userId: "b",
      tags: [],
    });
    // Setting an existing tagId renames it and keeps its conversations.
    ok(await tag("a", "t1", [p("b")]));
    ok(await setTags("a", [{ tagId: "t1", tagName: "Team" }]));
    expect((await tagsOf("a")).map((t) => t.tagName)).toEqual(["Team", "家人"]);
    expect(await conversationsOf("a", "t1")).toEqual([p("b")]);
    ok(
      await fx.rc.postJson("/user/conversation/tag/del.json", {
        userId: "a",
        tagIds: ["t1", "zz"],
      }),
    );
    expect((await tagsOf("a")).map((t) => t.tagId)).toEqual(["t2"]);
    // The deleted tag's conversations went with it.
    expect(await conversationsOf("a", "t1")).toEqual([]);
    expect(fx.emu.conversationTags({ userId: "a" })).toEqual([
      { tagId: "t2", tagName: "家人", conversations: [] },
    ]);
  });

  it("holds at most 20 tags per user and 20 per call; over the cap nothing changes", async () => {
    const tags = (from: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ tagId: `t${from + i}`, tagName: `T${from + i}` }));
    ok(await setTags("a", tags(0, 19)));
    expect(codeOf(await setTags("a", tags(19, 2)))).toEqual([400, 1002]);
    expect(await tagsOf("a")).toHaveLength(19);
    ok(await setTags("a", [...tags(0, 1), ...tags(19, 1)]));
    expect(await tagsOf("a")).toHaveLength(20);
    expect(codeOf(await setTags("b", tags(0, 21)))).toEqual([400, 1002]);
  });

  it("checks tagId ≤10 and tagName ≤15 characters (1005), required fields and duplicates (1002)", async () => {
    expect(codeOf(await setTags("a", [{ tagId: "12345678901", tagName: "x" }]))).toEqual([
      400, 1005,
    ]);
    expect(
      codeOf(await setTags("a", [{ tagId: "t", tagName: "一二三四五六七八九十一二三四五六" }])),
    ).toEqual([400, 1005]);
    ok(await setTags("a", [{ tagId: "1234567890", tagName: "一二三四五六七八九十一二三四五" }]));
    expect(codeOf(await setTags("a", [{ tagId: "", tagName: "x" }]))).toEqual([400, 1002]);
    expect(codeOf(await setTags("a", [{ tagId: "t", tagName: 5 }]))).toEqual([400, 1002]);
    expect(codeOf(await setTags("a", []))).toEqual([400, 1002]);
    expect(
      codeOf(
        await setTags("a", [
          { tagId: "t", tagName: "x" },
          { tagId: "t", tagName: "y" },
        ]),
      ),
    ).toEqual([400, 1002]);
    expect(
      codeOf(
        await fx.rc.postJson("/user/conversation/tag/set.json", {
          tags: [{ tagId: "t", tagName: "x" }],
        }),
      ),
    ).toEqual([400, 1002]);
    expect(
      codeOf(await fx.rc.postJson("/user/conversation/tag/del.json", { userId: "a", tagIds: [] })),
    ).toEqual([400, 1002]);
    expect(codeOf(await get("/user/conversation/tag/get.json", {}))).toEqual([400, 1002]);
  });

  it("answers the reads to GET, and a POST form too (U12); other methods 405", async () => {
    ok(await setTags("a", [{ tagId: "t1", tagName: "Work" }]));
    expect(
      ok(await fx.rc.post("/user/conversation/tag/get.json", { userId: "a" })).data.tags,
    ).toHaveLength(1);
    const put = await fetch(`${fx.emu.url}/user/conversation/tag/get.json?userId=a`, {
      method: "PUT",
      headers: signRongCloudRequest(APP),
    });
    expect(put.status).toBe(405);
    const unsigned = await fetch(`${fx.emu.url}/user/conversation/tag/get.json?userId=a`);
    expect(unsigned.status).toBe(401);
    // The writes stay POST-only.
    const getWrite = await get("/user/conversation/tag/set.json", { userId: "a" });
    expect(getWrite.status).toBe(405);
  });
});

describe("/tag/conversation/{set,del,get}.json (§1.7)", () => {
  it("tags and untags conversations of types 1, 3 and 6 in the user's tag only", async () => {
    ok(await setTags("a", [{ tagId: "t1", tagName: "Work" }]));
    ok(await setTags("b", [{ tagId: "t1", tagName: "Work" }]));
    ok(await tag("a", "t1", [p("b"), g("g1"), { targetId: "sys", conversationType: 6 }]));
    ok(await tag("a", "t1", [p("b")]));
    expect(await conversationsOf("a", "t1")).toEqual([
      p("b"),
      g("g1"),
      { targetId: "sys", conversationType: 6 },
    ]);
    expect(await conversationsOf("b", "t1")).toEqual([]);
    ok(await tag("a", "t1", [p("b"), p("nobody")], true));
    expect(await conversationsOf("a", "t1")).toEqual([
      g("g1"),
      { targetId: "sys", conversationType: 6 },
    ]);
    expect(
      ok(await get("/tag/conversation/get.json", { userId: "a", tagId: "t1" })).data.tagId,
    ).toBe("t1");
  });

  it("refuses a tag that does not exist, bad types and over 100 a call (1002)", async () => {
    expect(codeOf(await tag("a", "nope", [p("b")]))).toEqual([400, 1002]);
    expect(codeOf(await tag("a", "nope", [p("b")], true))).toEqual([400, 1002]);
    ok(await setTags("a", [{ tagId: "t1", tagName: "Work" }]));
    expect(codeOf(await tag("a", "t1", [{ targetId: "r", conversationType: 4 }]))).toEqual([
      400, 1002,
    ]);
    expect(codeOf(await tag("a", "t1", [{ conversationType: 1 }]))).toEqual([400, 1002]);
    expect(codeOf(await tag("a", "t1", []))).toEqual([400, 1002]);
    const many = Array.from({ length: 101 }, (_, i) => p(`u${i}`));
    expect(codeOf(await tag("a", "t1", many))).toEqual([400, 1002]);
    expect(await conversationsOf("a", "t1")).toEqual([]);
    // A tag that does not exist reads as empty (unverified).
    expect(await conversationsOf("a", "nope")).toEqual([]);
  });

  it("drops the oldest-tagged conversations past 1000 a tag, as documented", async () => {
    ok(await setTags("a", [{ tagId: "t1", tagName: "Big" }]));
    for (let call = 0; call < 11; call++) {
      const chunk = Array.from({ length: 100 }, (_, i) => p(`u${call * 100 + i}`));
      ok(await tag("a", "t1", chunk));
    }
    const kept = await conversationsOf("a", "t1");
    expect(kept).toHaveLength(1000);
    expect(kept[0]).toEqual(p("u100"));
    expect(kept.at(-1)).toEqual(p("u1099"));
  });
});

describe("GET /conversation/attribute/get.json (§1.5)", () => {
  it("gives pin, do-not-disturb and tags when set, and leaves out what never was", async () => {
    const attrs = async () =>
      ok(
        await get("/conversation/attribute/get.json", {
          userId: "a",
          targetId: "g1",
          conversationType: "3",
        }),
      ).data;
    expect(await attrs()).toEqual({ targetId: "g1", conversationType: 3 });
    ok(
      await fx.rc.post("/conversation/top/set.json", {
        userId: "a",
        conversationType: 3,
        targetId: "g1",
        setTop: "true",
      }),
    );
    ok(
      await fx.rc.post("/conversation/notification/set.json", {
        requestId: "a",
        conversationType: 3,
        targetId: "g1",
        unpushLevel: 5,
      }),
    );
    ok(
      await setTags("a", [
        { tagId: "t1", tagName: "Work" },
        { tagId: "t2", tagName: "Other" },
      ]),
    );
    ok(await tag("a", "t1", [g("g1")]));
    expect(await attrs()).toEqual({
      targetId: "g1",
      conversationType: 3,
      top: { top: true, topTime: expect.any(Number) },
      mute: { mute: 5 },
      tags: [{ tagId: "t1", tagName: "Work" }],
    });
    const bad = await get("/conversation/attribute/get.json", {
      userId: "a",
      targetId: "g1",
      conversationType: "4",
    });
    expect(codeOf(bad)).toEqual([400, 1002]);
  });
});
