/**
 * Seed data for POST /__emulator/seed: users (with tokens), classic groups, hosted groups,
 * chatrooms and online users, for one app (`app`, default: the first configured app).
 */
import { ControlError } from "../framework/index.js";
import { newChatroom } from "./chatroom-state.js";
import { clientToken } from "./ids.js";
import {
  type AppState,
  HOSTED_MEMBER,
  HOSTED_OWNER,
  type HostedMember,
  hostedMember,
} from "./state.js";

export interface RongCloudSeed {
  app?: string;
  users?: { userId: string; name?: string; portraitUri?: string }[];
  groups?: { groupId: string; name?: string; members?: string[] }[];
  hostedGroups?: { groupId: string; name?: string; owner: string; members?: string[] }[];
  chatrooms?: { chatroomId: string; name?: string }[];
}

const str = (v: unknown, what: string): string => {
  if (typeof v !== "string" || v === "")
    throw new ControlError(400, `${what} must be a non-empty string`);
  return v;
};

export function applySeed(app: AppState, seed: RongCloudSeed, now: number) {
  const tokens: { userId: string; token: string }[] = [];
  for (const u of seed.users ?? []) {
    const userId = str(u.userId, "users[].userId");
    const prev = app.users.get(userId);
    app.users.set(userId, {
      userId,
      name: u.name ?? prev?.name ?? userId,
      portraitUri: u.portraitUri ?? prev?.portraitUri ?? "",
      createdAt: prev?.createdAt ?? now,
    });
    const token = clientToken(app.config.appKey, userId);
    app.tokens.set(token, { userId, issuedAt: now });
    tokens.push({ userId, token });
  }
  for (const g of seed.groups ?? []) {
    const id = str(g.groupId, "groups[].groupId");
    const group = app.groups.get(id) ?? {
      id,
      name: g.name ?? id,
      members: new Map(),
      createdAt: now,
    };
    if (g.name !== undefined) group.name = g.name;
    for (const m of g.members ?? []) if (!group.members.has(m)) group.members.set(m, now);
    app.groups.set(id, group);
  }
  for (const g of seed.hostedGroups ?? []) {
    const id = str(g.groupId, "hostedGroups[].groupId");
    const owner = str(g.owner, "hostedGroups[].owner");
    const members = new Map<string, HostedMember>([[owner, hostedMember(HOSTED_OWNER, now)]]);
    for (const m of g.members ?? [])
      if (!members.has(m)) members.set(m, hostedMember(HOSTED_MEMBER, now));
    app.hostedGroups.set(id, {
      groupId: id,
      name: g.name ?? id,
      creator: owner,
      owner,
      members,
      groupProfile: {},
      permissions: {},
      groupExtProfile: {},
      createdAt: now,
    });
  }
  for (const c of seed.chatrooms ?? []) {
    const id = str(c.chatroomId, "chatrooms[].chatroomId");
    if (!app.chatrooms.has(id)) app.chatrooms.set(id, newChatroom(id, c.name ?? id, now));
  }
  return { app: app.config.appKey, users: tokens };
}
