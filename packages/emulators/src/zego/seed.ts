/**
 * Control API seed data: `{app?, users?: [{userId, userName?, avatar?, extra?}],
 * groups?: [{groupId, owner, groupName?, notice?, avatar?, members?: string[]}],
 * rooms?: [{roomId, name?}]}`. Unknown owners / members are registered; no callbacks fire.
 */
import { ControlError } from "../framework/index.js";
import { addMember } from "./actions/group.js";
import { isValidId } from "./ids.js";
import { newRoom } from "./rooms.js";
import type { AppState } from "./state.js";

type Row = Record<string, unknown>;

function rows(data: Row, name: string): Row[] {
  const v = data[name];
  if (v === undefined) return [];
  if (!Array.isArray(v) || !v.every((r) => typeof r === "object" && r !== null)) {
    throw new ControlError(400, `${name} must be an array of objects`);
  }
  return v as Row[];
}

function id(row: Row, name: string): string {
  const v = row[name];
  if (typeof v !== "string" || !isValidId(v, name === "roomId")) {
    throw new ControlError(400, `${name} must be a valid id (≤ 32 bytes, allowed characters)`);
  }
  return v;
}

const str = (row: Row, name: string): string =>
  typeof row[name] === "string" ? (row[name] as string) : "";

export function seed(app: AppState, data: Row, now: number): Record<string, number> {
  const ensure = (userId: string) => app.users.get(userId) ?? app.register(userId, now);
  const users = rows(data, "users");
  for (const row of users) {
    const u = ensure(id(row, "userId"));
    if (typeof row.userName === "string") u.userName = row.userName;
    if (typeof row.avatar === "string") u.avatar = row.avatar;
    if (typeof row.extra === "string") u.extra = row.extra;
  }
  const groups = rows(data, "groups");
  for (const row of groups) {
    const groupId = id(row, "groupId");
    const owner = id(row, "owner");
    ensure(owner);
    const g = {
      groupId,
      name: str(row, "groupName"),
      notice: str(row, "notice"),
      avatar: str(row, "avatar"),
      owner,
      members: new Map(),
      createdAt: now,
      dataSeq: 1,
      attributes: new Map<string, string>(),
      limit: { MemberCountLimit: 0, JoinMode: 0, InviteMode: 0, BeInvitedMode: 0 },
      pendingInvites: new Set<string>(),
    };
    addMember(g, owner, 1, now);
    const members = Array.isArray(row.members) ? row.members : [];
    for (const m of members) {
      if (typeof m !== "string" || !isValidId(m))
        throw new ControlError(400, "members must be valid user ids");
      ensure(m);
      if (!g.members.has(m)) addMember(g, m, 3, now);
    }
    app.groups.set(groupId, g);
  }
  const rooms = rows(data, "rooms");
  for (const row of rooms) {
    const roomId = id(row, "roomId");
    if (!app.zimRooms.has(roomId))
      app.zimRooms.set(roomId, newRoom(roomId, now, true, str(row, "name")));
  }
  return { users: users.length, groups: groups.length, rooms: rooms.length };
}
