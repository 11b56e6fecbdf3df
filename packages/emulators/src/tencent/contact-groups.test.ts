// Conversation groups (recentcontact/*_contact_group) over real HTTP: shapes, limits, codes.
import { describe, expect, it } from "vitest";
import {
  type Body,
  createGroup,
  demoState,
  ok,
  SDK_APP_ID,
  useTencent,
  withTencent,
} from "./test-support.js";

const fx = useTencent();
const call = (command: string, body: Body) => fx.tim.call(`recentcontact/${command}`, body);
const c2c = (id: string) => ({ Type: 1, To_Account: id });
const grp = (id: string) => ({ Type: 2, ToGroupId: id });
const seed = (...accounts: string[]) => fx.emu.seed({ app: SDK_APP_ID, accounts });
const create = (from: string, name: string, items: Body[] = []) =>
  call("create_contact_group", {
    From_Account: from,
    GroupContactItem: [{ GroupName: name, ContactItem: items }],
  });
const members = (from: string, name: string, items: [number, Body][]) =>
  call("update_contact_group", {
    From_Account: from,
    UpdateType: 1,
    UpdateGroup: {
      UpdateGroupType: 2,
      OldGroupName: name,
      ContactUpdateItem: items.map(([op, item]) => ({ ContactOptType: op, ContactItem: item })),
    },
  });
const rename = (from: string, oldName: string, newName: string) =>
  call("update_contact_group", {
    From_Account: from,
    UpdateType: 1,
    UpdateGroup: { UpdateGroupType: 1, OldGroupName: oldName, NewGroupName: newName },
  });
const get = (from: string, start = 0) =>
  call("get_contact_group", { From_Account: from, StartIndex: start });

describe("recentcontact conversation groups", () => {
  it("creates, fills, renames and deletes a group; get answers its conversations", async () => {
    seed("me", "p1", "p2");
    const gid = await createGroup(fx.tim, {
      Owner_Account: "p1",
      MemberList: [{ Member_Account: "me" }],
    });
    const created = ok(await create("me", "Work", [c2c("p1")]));
    expect(created.GroupResultItem).toEqual([
      {
        GroupItem: { GroupName: "Work", GroupId: 1 },
        ResultItem: [{ ContactItem: c2c("p1"), ResultCode: 0, ResultInfo: "" }],
      },
    ]);
    const added = ok(
      await members("me", "Work", [
        [1, grp(gid)],
        [1, c2c("p2")],
        [2, c2c("p1")],
      ]),
    );
    expect(added.UpdateType).toBe(1);
    expect(added.UpdateGroupResult).toMatchObject({
      UpdateGroupType: 2,
      GroupName: "Work",
      GroupId: 1,
    });
    expect(added.UpdateGroupResult.ContactResultItem.map((r: Body) => r.ResultCode)).toEqual([
      0, 0, 0,
    ]);
    expect(added.UpdateGroupResult.ContactResultItem[2].ContactOptType).toBe(2);
    ok(await rename("me", "Work", "Team"));
    const listed = ok(await get("me"));
    expect(listed.GroupItem).toEqual([{ GroupName: "Team", GroupId: 1 }]);
    expect(listed.CompleteFlag).toBe(1);
    expect(listed.ContactItem).toEqual([
      {
        Type: 2,
        ToGroupId: gid,
        StandardMark: "0",
        ContactGroupId: [1],
        Timestamp: expect.any(Number),
      },
      {
        Type: 1,
        To_Account: "p2",
        StandardMark: "0",
        ContactGroupId: [1],
        Timestamp: expect.any(Number),
      },
    ]);
    // Groups are the user's own.
    expect(ok(await get("p1"))).toMatchObject({ ContactItem: [], GroupItem: [] });
    const found = ok(
      await call("search_contact_group", {
        From_Account: "me",
        ContactItem: [c2c("p2"), c2c("p1")],
      }),
    );
    expect(found.ContactResultItem[0]).toMatchObject({ To_Account: "p2", ContactGroupId: [1] });
    expect(found.ContactResultItem[1]).toEqual({ ...c2c("p1"), StandardMark: "0" });
    expect(
      ok(await call("del_contact_group", { From_Account: "me", GroupName: ["Team"] })).GroupItem,
    ).toEqual([{ GroupName: "Team", GroupId: 1 }]);
    expect(ok(await get("me"))).toMatchObject({ ContactItem: [], GroupItem: [] });
  });

  it("answers 51009 for a group that does not exist, 51010 for the 21st, 51011 for a long name", async () => {
    seed("me", "p1");
    expect((await members("me", "Nope", [[1, c2c("p1")]])).ErrorCode).toBe(51009);
    expect((await rename("me", "Nope", "X")).ErrorCode).toBe(51009);
    expect(
      (await call("del_contact_group", { From_Account: "me", GroupName: ["Nope"] })).ErrorCode,
    ).toBe(51009);
    for (let i = 0; i < 20; i++) ok(await create("me", `g${i}`));
    expect((await create("me", "g20")).ErrorCode).toBe(51010);
    expect((await create("other", "x")).ErrorCode).toBe(50001);
    seed("fresh");
    expect((await create("fresh", "x".repeat(33))).ErrorCode).toBe(51011);
    ok(await create("fresh", `${"名".repeat(10)}ab`)); // 32 bytes
    expect((await rename("fresh", `${"名".repeat(10)}ab`, "y".repeat(33))).ErrorCode).toBe(51011);
    // One group a call; a taken name (unverified code).
    const two = await call("create_contact_group", {
      From_Account: "fresh",
      GroupContactItem: [
        { GroupName: "a", ContactItem: [] },
        { GroupName: "b", ContactItem: [] },
      ],
    });
    expect(two.ErrorCode).toBe(50002);
    ok(await create("fresh", "a"));
    expect((await create("fresh", "a")).ErrorCode).toBe(50002);
    expect(
      (await call("del_contact_group", { From_Account: "fresh", GroupName: ["a", "b"] })).ErrorCode,
    ).toBe(50002);
  });

  it("refuses more than 100 conversations a call (51006) and answers refused rows per conversation", async () => {
    seed("me", "p1", "owner");
    const many = Array.from({ length: 101 }, (_, i) => c2c(`u${i}`));
    expect((await create("me", "big", many)).ErrorCode).toBe(51006);
    const gid = await createGroup(fx.tim, { Owner_Account: "owner" });
    const made = ok(await create("me", "W", [grp(gid), c2c("ghost"), c2c("p1")]));
    expect(made.GroupResultItem[0].ResultItem.map((r: Body) => r.ResultCode)).toEqual([
      51007, 50001, 0,
    ]);
    expect((await create("me", "bad", [{ Type: 3, To_Account: "p1" }])).ErrorCode).toBe(50002);
    // Taking out what is not in the group is no error.
    const out = ok(await members("me", "W", [[2, grp(gid)]]));
    expect(out.UpdateGroupResult.ContactResultItem[0].ResultCode).toBe(0);
  });

  it("pages get_contact_group by StartIndex until CompleteFlag 1", async () => {
    const peers = Array.from({ length: 150 }, (_, i) => `q${i}`);
    seed("me", ...peers);
    ok(await create("me", "A", peers.slice(0, 100).map(c2c)));
    ok(
      await members(
        "me",
        "A",
        peers.slice(100).map((p) => [1, c2c(p)] as [number, Body]),
      ),
    );
    const first = ok(await get("me"));
    expect(first).toMatchObject({ CompleteFlag: 0, NextStartIndex: 100 });
    expect(first.ContactItem).toHaveLength(100);
    const second = ok(await get("me", first.NextStartIndex));
    expect(second).toMatchObject({ CompleteFlag: 1, GroupItem: [{ GroupName: "A", GroupId: 1 }] });
    expect(second.ContactItem.map((c: Body) => c.To_Account)).toEqual(peers.slice(100));
  });

  it("caps a user's grouped or marked conversations at 1000 (51008 per conversation)", async () => {
    const peers = Array.from({ length: 1001 }, (_, i) => `c${i}`);
    seed("me", ...peers);
    ok(await create("me", "A", []));
    for (let i = 0; i < 1000; i += 100) {
      ok(
        await members(
          "me",
          "A",
          peers.slice(i, i + 100).map((p) => [1, c2c(p)] as [number, Body]),
        ),
      );
    }
    const over = ok(
      await members("me", "A", [
        [1, c2c("c1000")],
        [1, c2c("c0")],
      ]),
    );
    expect(over.UpdateGroupResult.ContactResultItem.map((r: Body) => r.ResultCode)).toEqual([
      51008, 0,
    ]);
  });

  it("needs the Pro edition or higher: 51013 below it", async () => {
    await withTencent({ edition: "standard" }, async (tim, emu) => {
      emu.seed({ app: SDK_APP_ID, accounts: ["me"] });
      const r = await tim.call("recentcontact/get_contact_group", {
        From_Account: "me",
        StartIndex: 0,
      });
      expect(r.ErrorCode).toBe(51013);
    });
  });

  it("shows each user's groups in the state dump", async () => {
    seed("me", "p1");
    ok(await create("me", "W", [c2c("p1")]));
    const state = demoState(fx.emu);
    expect(state.conversationGroups.me).toEqual({
      GroupItem: [{ GroupName: "W", GroupId: 1 }],
      ContactItem: [
        {
          ...c2c("p1"),
          StandardMark: "0",
          ContactGroupId: [1],
          Timestamp: expect.any(Number),
          MarkBits: [],
        },
      ],
    });
  });
});
