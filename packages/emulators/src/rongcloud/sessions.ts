/**
 * Simulated client SDK connections: the control API's login/logout drive online status
 * (`/user/checkOnline.json`), chatroom membership and the online-status callback.
 */
import { randomUUID } from "node:crypto";
import { ControlError, getOrCreate } from "../framework/index.js";
import type { OnlineStatusEvent, RongCloudCallbacks } from "./callbacks.js";
import { joinChatroom, leaveChatroom } from "./chatroom-state.js";
import { type AppState, isOnline, type Session } from "./state.js";

export interface LoginInput {
  userId: string;
  /** When given, must be a valid token of this user (client error 31004 otherwise). */
  token?: string;
  os?: string;
  clientIp?: string;
  sessionId?: string;
  /** Also join this chatroom (created if absent, like the client's joinChatRoom). */
  chatroomId?: string;
}

export interface LogoutInput {
  userId: string;
  /** End only this session (default: all of the user's sessions). */
  sessionId?: string;
  /** Only leave this chatroom; the user stays connected. */
  chatroomId?: string;
  /** "2" logged out (default) or "1" disconnected. */
  status?: "1" | "2";
}

/** The control API's login and logout name a user (400 without one). */
function requireUserId(input: { userId: unknown }): void {
  if (typeof input.userId !== "string" || input.userId === "")
    throw new ControlError(400, "userId is required");
}

/** One online-status callback entry: a session went online ("0") or offline ("1", "2"). */
function statusEvent(
  userId: string,
  status: OnlineStatusEvent["status"],
  s: Session,
  now: number,
): OnlineStatusEvent {
  return {
    userid: userId,
    status,
    os: s.os,
    time: now,
    clientIp: s.clientIp,
    sessionId: s.sessionId,
  };
}

export function tokenProblem(
  app: AppState,
  userId: string,
  token: string | undefined,
  now: number,
): string | undefined {
  if (app.deactivated.has(userId)) return "user is deactivated";
  const blockedUntil = app.blocked.get(userId);
  if (blockedUntil !== undefined && blockedUntil > now) return "user is blocked";
  if (token === undefined) return undefined;
  const t = app.tokens.get(token);
  if (!t || t.userId !== userId) return "token incorrect (client code 31004)";
  const cutoff = app.tokenCutoff.get(userId);
  if (cutoff !== undefined && t.issuedAt < cutoff) return "token expired (client code 31004)";
  return undefined;
}

export function login(
  app: AppState,
  input: LoginInput,
  now: number,
  callbacks: RongCloudCallbacks,
) {
  requireUserId(input);
  const problem = tokenProblem(app, input.userId, input.token, now);
  if (problem) throw new ControlError(403, problem);
  const sessionId = input.sessionId ?? randomUUID();
  const sessions = getOrCreate(app.sessions, input.userId, () => new Map());
  const session = {
    sessionId,
    os: input.os ?? "Websocket",
    clientIp: input.clientIp ?? "127.0.0.1:50000",
    at: now,
  };
  // A blocked user cannot enter (client code 23409): refused before connecting.
  if (input.chatroomId) joinChatroom(app, input.chatroomId, input.userId, now, callbacks);
  sessions.set(sessionId, session);
  callbacks.onlineStatus(app, [statusEvent(input.userId, "0", session, now)]);
  return { userId: input.userId, sessionId, online: true };
}

export function logout(
  app: AppState,
  input: LogoutInput,
  now: number,
  callbacks: RongCloudCallbacks,
) {
  requireUserId(input);
  if (input.chatroomId) leaveChatroom(app, input.chatroomId, [input.userId], 0, now, callbacks);
  else endSessions(app, input.userId, input.status ?? "2", now, callbacks, input.sessionId);
  return { userId: input.userId, online: isOnline(app, input.userId) };
}

/** End sessions (all or one) with an online-status callback; offline users leave chatrooms. */
export function endSessions(
  app: AppState,
  userId: string,
  status: "1" | "2",
  now: number,
  callbacks: RongCloudCallbacks,
  sessionId?: string,
): void {
  const sessions = app.sessions.get(userId);
  if (!sessions) return;
  const ended = [...sessions.values()].filter(
    (s) => sessionId === undefined || s.sessionId === sessionId,
  );
  for (const s of ended) sessions.delete(s.sessionId);
  callbacks.onlineStatus(
    app,
    ended.map((s) => statusEvent(userId, status, s, now)),
  );
  if (sessions.size === 0) {
    app.sessions.delete(userId);
    // Offline members are auto-exited (status 1).
    for (const id of app.chatrooms.keys()) leaveChatroom(app, id, [userId], 1, now, callbacks);
  }
}
