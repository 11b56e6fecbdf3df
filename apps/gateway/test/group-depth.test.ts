import { describe, expect, it, onTestFinished } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { firstError, inDemoApp } from "./demo-app.js";
import { ok, uniqueIds, withDemo } from "./helpers.js";
import { collect, EVENTS, type Received, sleep, until, wsClient } from "./ws-helpers.js";

// A group described over GraphQL, end to end through each vendor's emulator: the owner and
// admins change the profile, attributes and mute-all; members read; a member sets their own
// name card; the owner names admins; events reach the group's members; bad input is refused
// before any vendor call; gaps answer their reason.

const APPS = ["rongcloud", "tencent", "zego"] as const;
type Heard = Received<Record<string, unknown>>;

const CREATE = `mutation($app: ID, $id: ID!, $owner: ID!, $members: [ID!]!) {
  createGroup(app: $app, input: { id: $id, name: "Depth", ownerId: $owner, memberIds: $members }) { id } }`;
const PROFILE = `mutation($app: ID, $g: ID!, $p: GroupProfileInput!) { updateGroupProfile(app: $app, groupId: $g, profile: $p) }`;
const GROUP = `query($app: ID, $g: ID!) { group(app: $app, id: $g) {
  name announcement allMuted attributes { key value }
  members { nodes { userId role nameCard } } } }`;
const SET_ATTRS = `mutation($app: ID, $g: ID!, $a: [AttributeInput!]!) { setGroupAttributes(app: $app, groupId: $g, attributes: $a) }`;
const ROLE = `mutation($app: ID, $g: ID!, $u: ID!, $r: GroupRole!) { setGroupMemberRole(app: $app, groupId: $g, userId: $u, role: $r) }`;
const ROLES = `query($app: ID, $g: ID!, $u: [ID!]!) { groupMemberRoles(app: $app, groupId: $g, userIds: $u) { userId role error { code } } }`;
const CARD = `mutation($app: ID, $g: ID!, $u: ID!, $c: String) { setGroupMemberProfile(app: $app, groupId: $g, userId: $u, nameCard: $c) }`;
const MUTE = `mutation($app: ID, $g: ID!, $m: Boolean!) { muteGroup(app: $app, groupId: $g, muted: $m) }`;

let g: DemoGateway;
withDemo((started) => {
  g = started;
});

describe.each(APPS)("group depth on %s", (app) => {
  const { q, as, supported, expectGap, vendorRequests, register } = inDemoApp(() => g, app, "gd");
  const uid = uniqueIds();

  async function group(): Promise<{ id: string; owner: string; member: string; outsider: string }> {
    const [owner, member, outsider] = (await register(3)) as [string, string, string];
    const id = uid("gd");
    ok(await q(CREATE, { id, owner, members: [member] }));
    return { id, owner, member, outsider };
  }

  it("the owner changes the profile; a member reads it and may not change it", async () => {
    const { id, owner, member } = await group();
    const byMember = await q(PROFILE, { g: id, p: { name: "Mine" } }, await as(member));
    const renamed = await q(PROFILE, { g: id, p: { name: "Renamed" } }, await as(owner));
    if (!supported("UPDATE_GROUP_PROFILE")) return expectGap(renamed, "UPDATE_GROUP_PROFILE");
    expect(firstError(byMember)).toMatchObject({ code: "FORBIDDEN" });
    ok(renamed);
    const read = await q<{ group: { name: string } }>(GROUP, { g: id }, await as(member));
    expect(ok(read).group.name).toBe("Renamed");
    // Empty input and a bad join policy are refused before any vendor call.
    const before = vendorRequests();
    expect(firstError(await q(PROFILE, { g: id, p: {} }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "name",
    });
    expect(firstError(await q(PROFILE, { g: id, p: { name: "" } }))).toMatchObject({
      code: "BAD_USER_INPUT",
    });
    expect(vendorRequests()).toBe(before);
  });

  it("the owner names an admin, who may then change attributes; roles read back", async () => {
    const { id, owner, member, outsider } = await group();
    const named = await q(ROLE, { g: id, u: member, r: "ADMIN" }, await as(owner));
    if (!supported("SET_GROUP_MEMBER_ROLE")) return expectGap(named, "SET_GROUP_MEMBER_ROLE");
    ok(named);
    expect(firstError(await q(ROLE, { g: id, u: member, r: "OWNER" }))).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "role",
    });
    if (supported("GET_GROUP_MEMBER_ROLES")) {
      const roles = await q<{ groupMemberRoles: Array<{ role: string | null; error: unknown }> }>(
        ROLES,
        { g: id, u: [owner, member, outsider] },
      );
      expect(ok(roles).groupMemberRoles.map((r) => r.role ?? r.error)).toEqual([
        "OWNER",
        "ADMIN",
        { code: "NOT_FOUND" },
      ]);
    }
    if (supported("SET_GROUP_ATTRIBUTES")) {
      const set = await q(
        SET_ATTRS,
        { g: id, a: [{ key: "topic", value: "cats" }] },
        await as(member),
      );
      ok(set);
      const read = await q<{ group: { attributes: Array<{ key: string; value: string }> } }>(
        GROUP,
        { g: id },
      );
      expect(ok(read).group.attributes).toEqual([{ key: "topic", value: "cats" }]);
      // An outsider may not, and a key given twice is refused before any call.
      const outside = await q(
        SET_ATTRS,
        { g: id, a: [{ key: "x", value: "1" }] },
        await as(outsider),
      );
      expect(firstError(outside)).toMatchObject({ code: "FORBIDDEN" });
      const twice = await q(SET_ATTRS, {
        g: id,
        a: [
          { key: "k", value: "1" },
          { key: "k", value: "2" },
        ],
      });
      expect(firstError(twice)).toMatchObject({ code: "BAD_USER_INPUT", field: "attributes" });
    }
  });

  it("a member sets their own name card, not another's", async () => {
    const { id, owner, member } = await group();
    const own = await q(CARD, { g: id, u: member, c: "Captain" }, await as(member));
    if (!supported("SET_GROUP_MEMBER_PROFILE")) return expectGap(own, "SET_GROUP_MEMBER_PROFILE");
    ok(own);
    const other = await q(CARD, { g: id, u: owner, c: "Boss" }, await as(member));
    expect(firstError(other)).toMatchObject({ code: "FORBIDDEN" });
    const read = await q<{
      group: { members: { nodes: Array<{ userId: string; nameCard: string | null }> } };
    }>(GROUP, { g: id });
    expect(ok(read).group.members.nodes.find((m) => m.userId === member)?.nameCard).toBe("Captain");
  });

  /** Subscribes each caller to the app's events of `types`; resolves once all are listening. */
  async function listen(types: string[], ...headers: Array<Record<string, string>>) {
    const before = g.realtime.pubsub.stats().listeners;
    const subs = headers.map((h) => {
      const client = wsClient(g.url, h);
      onTestFinished(() => client.dispose());
      return collect<Record<string, unknown>>(client, EVENTS, { app, types });
    });
    await until(() => g.realtime.pubsub.stats().listeners === before + subs.length);
    return subs as Heard[];
  }

  it("a profile change reaches members once per field: the vendor's callback or the gateway", async () => {
    const { id, owner, member } = await group();
    const [members] = await listen(["GROUP_PROFILE_UPDATED"], await as(member));
    const changed = await q(
      PROFILE,
      { g: id, p: { name: "Both", joinPolicy: "APPROVAL" } },
      await as(owner),
    );
    if (!supported("UPDATE_GROUP_PROFILE")) return expectGap(changed, "UPDATE_GROUP_PROFILE");
    ok(changed);
    await until(() => {
      const fields = members?.events.flatMap((e) => e.fields as string[]) ?? [];
      return fields.includes("name") && fields.includes("joinPolicy");
    });
    // Whatever reports a field (the vendor calling back, or the gateway where it does not),
    // it is reported once: late copies would arrive within the wait.
    await sleep(300);
    const fields = members?.events.flatMap((e) => e.fields as string[]) ?? [];
    expect(fields.sort()).toEqual(["joinPolicy", "name"]);
    for (const e of members?.events ?? []) expect(e).toMatchObject({ groupId: id });
  });

  it("mute-all is visible on the group and its change reaches members as an event", async () => {
    const { id, owner, member, outsider } = await group();
    const [members, outside] = await listen(["GROUP_MUTED"], await as(member), await as(outsider));
    const muted = await q(MUTE, { g: id, m: true }, await as(owner));
    if (!supported("MUTE_GROUP")) return expectGap(muted, "MUTE_GROUP");
    ok(muted);
    const read = await q<{ group: { allMuted: boolean | null } }>(GROUP, { g: id });
    expect(ok(read).group.allMuted).toBe(true);
    const [event] = (await members?.waitFor(1)) ?? [];
    expect(event).toMatchObject({ type: "GROUP_MUTED", groupId: id, muted: true });
    await sleep(200);
    expect(members?.events).toHaveLength(1);
    expect(outside?.events).toEqual([]);
  });
});
