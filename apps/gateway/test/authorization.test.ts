import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoGateway } from "../src/demo/start.js";
import { admin, bearer, demo, gql } from "./helpers.js";

// Every mutation and sensitive query × anonymous, end user acting as self, end user acting
// as someone else, admin. "allowed" means the policy let it through (whatever the vendor
// then answered); the others must fail with exactly that code.

type Who = "anonymous" | "self" | "other" | "admin";
type Expect = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN";

let g: DemoGateway;
let tokens: Record<"alice" | "bob", string>;
let aliceMessageId = "";

// The Tencent app keeps group owners, so owner checks are real there.
const APP = "tencent";

beforeAll(async () => {
  g = await demo();
  tokens = { alice: await g.tokenFor("alice"), bob: await g.tokenFor("bob") };
  const sent = await gql<{ sendMessage: Array<{ messageId: string }> }>(
    g.url,
    'mutation { sendMessage(app: "rongcloud", input: {from: "alice", toUserIds: ["bob"], content: {text: {text: "mine"}}}) { messageId } }',
    {},
    admin(g),
  );
  aliceMessageId = sent.data?.sendMessage[0]?.messageId ?? "";
});
afterAll(async () => {
  await g?.close();
});

/** Who calls: alice is "self" for operations about alice (the demo group's owner). */
function headers(who: Who): Record<string, string> {
  switch (who) {
    case "anonymous":
      return {};
    case "self":
      return bearer(tokens.alice);
    case "other":
      return bearer(tokens.bob);
    case "admin":
      return admin(g);
  }
}

const SELF_OR_ADMIN: Record<Who, Expect> = {
  anonymous: "UNAUTHENTICATED",
  self: "allowed",
  other: "FORBIDDEN",
  admin: "allowed",
};
const ADMIN_ONLY: Record<Who, Expect> = {
  anonymous: "UNAUTHENTICATED",
  self: "FORBIDDEN",
  other: "FORBIDDEN",
  admin: "allowed",
};
const ANY_USER: Record<Who, Expect> = {
  anonymous: "UNAUTHENTICATED",
  self: "allowed",
  other: "allowed",
  admin: "allowed",
};

// Operations are phrased about alice's things; "other" is bob acting on them.
const CASES: Array<[string, string, Record<Who, Expect>]> = [
  ["apps", "{ apps { id } }", ANY_USER],
  ["users (profiles)", `{ users(app: "${APP}", ids: ["alice"]) { id } }`, ANY_USER],
  ["presence", `{ presence(app: "${APP}", userIds: ["alice"]) { status } }`, ANY_USER],
  [
    "group (member)",
    `{ group(app: "${APP}", id: "demogroup") { id } }`,
    { ...SELF_OR_ADMIN, other: "allowed" },
  ],
  [
    "groups of a user",
    `{ groups(app: "${APP}", userId: "alice") { nodes { id } } }`,
    SELF_OR_ADMIN,
  ],
  ["groups of the app", `{ groups(app: "${APP}") { nodes { id } } }`, ADMIN_ONLY],
  [
    "messages (own conversation)",
    `{ messages(app: "${APP}", conversation: {type: USER, userId: "alice", id: "bob"}) { nodes { id } } }`,
    SELF_OR_ADMIN,
  ],
  [
    "messages (group)",
    `{ messages(app: "${APP}", conversation: {type: GROUP, id: "demogroup"}) { nodes { id } } }`,
    { ...SELF_OR_ADMIN, other: "allowed" },
  ],
  [
    "registerUsers",
    `mutation { registerUsers(app: "${APP}", users: [{id: "zed"}]) { userId } }`,
    ADMIN_ONLY,
  ],
  [
    "updateUser",
    `mutation { updateUser(app: "${APP}", input: {id: "alice", name: "Alice"}) { id } }`,
    SELF_OR_ADMIN,
  ],
  [
    "deleteUsers",
    `mutation { deleteUsers(app: "${APP}", userIds: ["nobody1"]) { key } }`,
    ADMIN_ONLY,
  ],
  [
    "banUsers",
    `mutation { banUsers(app: "${APP}", userIds: ["dave"], durationSeconds: 60) { key } }`,
    ADMIN_ONLY,
  ],
  ["unbanUsers", `mutation { unbanUsers(app: "${APP}", userIds: ["dave"]) { key } }`, ADMIN_ONLY],
  [
    "issueChatCredential",
    `mutation { issueChatCredential(app: "${APP}", userId: "alice") { token } }`,
    SELF_OR_ADMIN,
  ],
  [
    "createGroup",
    `mutation { createGroup(app: "${APP}", input: {name: "x", ownerId: "alice", memberIds: ["carol"]}) { id } }`,
    SELF_OR_ADMIN,
  ],
  [
    "addGroupMembers",
    `mutation { addGroupMembers(app: "${APP}", groupId: "demogroup", userIds: ["dave"]) { key } }`,
    SELF_OR_ADMIN,
  ],
  [
    "removeGroupMembers",
    `mutation { removeGroupMembers(app: "${APP}", groupId: "demogroup", userIds: ["dave"]) { key } }`,
    SELF_OR_ADMIN,
  ],
  [
    "muteGroupMembers",
    `mutation { muteGroupMembers(app: "${APP}", groupId: "demogroup", userIds: ["carol"], durationSeconds: 60) { key } }`,
    SELF_OR_ADMIN,
  ],
  [
    "unmuteGroupMembers",
    `mutation { unmuteGroupMembers(app: "${APP}", groupId: "demogroup", userIds: ["carol"]) { key } }`,
    SELF_OR_ADMIN,
  ],
  [
    "sendMessage",
    `mutation { sendMessage(app: "${APP}", input: {from: "alice", toUserIds: ["bob"], content: {text: {text: "hi"}}}) { messageId } }`,
    SELF_OR_ADMIN,
  ],
  [
    "sendSystemMessage",
    `mutation { sendSystemMessage(app: "${APP}", from: "alice", userIds: ["bob"], content: {text: {text: "hi"}}) { messageId } }`,
    ADMIN_ONLY,
  ],
  [
    "broadcastMessage",
    `mutation { broadcastMessage(app: "${APP}", from: "alice", content: {text: {text: "hi"}}) { messageId } }`,
    ADMIN_ONLY,
  ],
  [
    "issueRoomCredential",
    `mutation { issueRoomCredential(app: "${APP}", roomId: "r1", userId: "alice") { token } }`,
    SELF_OR_ADMIN,
  ],
  [
    "kickRoomUsers",
    `mutation { kickRoomUsers(app: "${APP}", roomId: "r1", userIds: ["alice"]) { key } }`,
    ADMIN_ONLY,
  ],
  [
    "sendRoomMessage",
    `mutation { sendRoomMessage(app: "${APP}", roomId: "r1", from: "alice", content: {text: {text: "hi"}}) { messageId } }`,
    SELF_OR_ADMIN,
  ],
];

describe("authorization matrix", () => {
  const whos: Who[] = ["anonymous", "self", "other", "admin"];
  for (const [name, query, expected] of CASES) {
    for (const who of whos) {
      it(`${name} × ${who} → ${expected[who]}`, async () => {
        const r = await gql(g.url, query, {}, headers(who));
        const codes = (r.errors ?? []).map((e) => e.extensions?.code);
        if (expected[who] === "allowed") {
          expect(codes).not.toContain("UNAUTHENTICATED");
          expect(codes).not.toContain("FORBIDDEN");
        } else {
          expect(codes[0], JSON.stringify(r.errors)).toBe(expected[who]);
          // A refused mutation did nothing: no data for it.
          expect(
            r.data === null ||
              r.data === undefined ||
              Object.values(r.data).every((v) => v === null),
          ).toBe(true);
        }
      });
    }
  }

  it("recallMessage: the sender and admins may, anyone else may not", async () => {
    const query = 'mutation($id: ID!) { recallMessage(app: "rongcloud", messageId: $id) }';
    expect(
      (await gql(g.url, query, { id: aliceMessageId }, headers("anonymous"))).errors?.[0]
        ?.extensions?.code,
    ).toBe("UNAUTHENTICATED");
    expect(
      (await gql(g.url, query, { id: aliceMessageId }, headers("other"))).errors?.[0]?.extensions
        ?.code,
    ).toBe("FORBIDDEN");
    const own = await gql(g.url, query, { id: aliceMessageId }, headers("self"));
    expect(own.errors).toBeUndefined();
  });

  it("a token bound to one app cannot act in another", async () => {
    const token = await g.tokenFor("alice", { app: "rongcloud" });
    const r = await gql(
      g.url,
      `{ users(app: "${APP}", ids: ["alice"]) { id } }`,
      {},
      bearer(token),
    );
    expect(r.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("bad credentials are UNAUTHENTICATED with HTTP 401, never anonymous", async () => {
    const variants: Array<Record<string, string>> = [
      { "x-api-key": "wrong" },
      { authorization: "Bearer not.a.jwt" },
      { authorization: "Basic abc" },
      { authorization: `Bearer ${await g.tokenFor("alice", { expiresIn: "-1m" })}` },
    ];
    for (const h of variants) {
      const r = await gql(g.url, "{ viewer { role } }", {}, h);
      expect(r.status, JSON.stringify(h)).toBe(401);
      expect(r.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
  });

  it("an admin role claim makes a JWT an admin", async () => {
    const r = await gql<{ viewer: { role: string } }>(
      g.url,
      "{ viewer { role } }",
      {},
      bearer(await g.tokenFor("ops", { role: "admin" })),
    );
    expect(r.data?.viewer.role).toBe("ADMIN");
  });
});
