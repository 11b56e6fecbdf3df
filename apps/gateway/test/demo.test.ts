import { describe, expect, it } from "vitest";
import {
  DEMO_ANNOUNCEMENT,
  DEMO_EDITED_TEXT,
  DEMO_GROUP_ATTRIBUTES,
  DEMO_LIVE_ROOM,
  DEMO_QUERY,
  DEMO_REACTION,
} from "../src/demo/seed.js";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, gql, withDemo } from "./helpers.js";

describe("demo mode", () => {
  let g: DemoGateway;
  withDemo((started) => {
    g = started;
  });

  it("serves seeded users to the demo admin key", async () => {
    const r = await gql<{
      apps: Array<{ id: string }>;
      users: Array<{ id: string; name: string } | null>;
    }>(
      g.url,
      '{ apps { id vendor capabilities } users(ids: ["alice", "bob"]) { id name } }',
      {},
      admin(g),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.apps.map((a) => a.id)).toContain("rongcloud");
    expect(r.data?.users).toEqual([
      { id: "alice", name: "Alice" },
      { id: "bob", name: "Bob" },
    ]);
  });

  it("accepts the demo user token as alice", async () => {
    const r = await gql<{ viewer: { role: string; userId: string } }>(
      g.url,
      "{ viewer { role userId } }",
      {},
      bearer(g.userToken),
    );
    expect(r.data?.viewer).toEqual({ role: "USER", userId: "alice" });
  });

  it("answers the playground's first query with alice's friends and blocklist on every app", async () => {
    const page = await fetch(g.url, { headers: { accept: "text/html" } });
    expect(await page.text()).toContain(JSON.stringify(DEMO_QUERY).slice(1, 40));
    for (const app of ["rongcloud", "tencent", "zego"]) {
      // The same query, pointed at each app.
      const query = DEMO_QUERY.replace(/\(userId: "alice"\)/g, `(userId: "alice", app: "${app}")`)
        .replace('user(id: "alice")', `user(id: "alice", app: "${app}")`)
        .replace('group(id: "demogroup")', `group(id: "demogroup", app: "${app}")`)
        .replace(/\(roomId: "demolive"\)/g, `(roomId: "demolive", app: "${app}")`);
      const r = await gql<{
        friends: { nodes: Array<{ userId: string; alias: string | null }> };
        blockedUsers: { nodes: Array<{ userId: string }> };
      }>(g.url, query, {}, admin(g));
      expect(r.errors, app).toBeUndefined();
      const friends = r.data?.friends.nodes.map((f) => [f.userId, f.alias]).sort();
      expect(friends, app).toEqual([
        ["bob", "Bobby"],
        ["carol", null],
      ]);
      expect(r.data?.blockedUsers.nodes, app).toEqual([{ userId: "dave" }]);
      // The demo group with its announcement and attributes (every vendor keeps both).
      const { group } = r.data as unknown as {
        group: { announcement: string | null; attributes: unknown };
      };
      // The demo live room, with the two users the emulated clients brought in.
      const live = r.data as unknown as {
        liveRoom: { id: string; memberCount: number | null } | null;
        liveRoomMembers: { nodes: Array<{ userId: string }> };
      };
      expect(live.liveRoom?.id, app).toBe(DEMO_LIVE_ROOM.roomId);
      if (live.liveRoom?.memberCount !== null) expect(live.liveRoom?.memberCount, app).toBe(2);
      expect(live.liveRoomMembers.nodes.map((m) => m.userId).sort(), app).toEqual(
        DEMO_LIVE_ROOM.viewers.map((v) => v.id).sort(),
      );
      expect(group, app).toMatchObject({
        announcement: DEMO_ANNOUNCEMENT,
        attributes: expect.arrayContaining(
          Object.entries(DEMO_GROUP_ATTRIBUTES).map(([key, value]) => ({ key, value })),
        ),
      });
    }
  });

  it("gives alice a conversation list with an unread badge, an edited message and a reaction", async () => {
    const r = await gql<{
      conversations: {
        nodes: Array<{
          conversation: { type: string; id: string };
          unreadCount: number | null;
          lastMessage: {
            senderId: string;
            content: { text?: string };
            reactions: Array<{ emoji: string; userIds: string[] }> | null;
          } | null;
        }>;
      };
    }>(g.url, DEMO_QUERY, {}, admin(g));
    expect(r.errors).toBeUndefined();
    const nodes = r.data?.conversations.nodes ?? [];
    const withBob = nodes.find(
      (n) => n.conversation.type === "USER" && n.conversation.id === "bob",
    );
    // Bob's reply is unread, edited and carries alice's reaction.
    expect(withBob?.unreadCount).toBe(1);
    expect(withBob?.lastMessage).toMatchObject({
      senderId: "bob",
      content: { text: DEMO_EDITED_TEXT },
      reactions: [{ emoji: DEMO_REACTION, userIds: ["alice"] }],
    });
    const group = nodes.find((n) => n.conversation.type === "GROUP");
    expect(group?.conversation.id).toBe("demogroup");
    expect(group?.unreadCount).toBe(0);
  });

  it("runs the playground's commented examples as they are written", async () => {
    // Each "# mutation Name {" … "# }" block of the first query, uncommented.
    const examples = new Map<string, string>();
    for (const [, name, body] of DEMO_QUERY.matchAll(
      /^# mutation (\w+) \{\n((?:#.*\n)*?)# \}$/gm,
    )) {
      const lines = (body as string).split("\n").map((l) => l.replace(/^# ?/, ""));
      examples.set(name as string, `mutation ${name} {\n${lines.join("\n")}}`);
    }
    expect([...examples.keys()]).toEqual(["BlockedSend", "Push"]);
    const blocked = await gql<{ sendMessage: Array<{ error: { code: string } | null }> }>(
      g.url,
      examples.get("BlockedSend") as string,
      {},
      admin(g),
    );
    expect(blocked.errors).toBeUndefined();
    expect(blocked.data?.sendMessage[0]?.error?.code).toBe("VENDOR_REJECTED");
    type Pushed = { pushToUsers: { taskId: string | null; repeated: boolean } };
    const push = () => gql<Pushed>(g.url, examples.get("Push") as string, {}, admin(g));
    const first = await push();
    expect(first.errors).toBeUndefined();
    const again = await push();
    expect(again.data?.pushToUsers).toEqual({
      taskId: first.data?.pushToUsers.taskId,
      repeated: true,
    });
  });
});
