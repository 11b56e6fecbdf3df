/**
 * ZIM client sessions: one per device a user is logged in on, each reported by its own
 * `user_action` callback with its own `session_id`: the callback page calls it the unique ID of
 * one connection (docs/vendors/zego.md "Multi-device login and user_action sessions"). Times in the callback are Unix seconds, as the callback page states.
 */
import type { ZegoCallbacks } from "./callbacks.js";
import { sessionsToKick } from "./login-policy.js";
import { exitRoom } from "./rooms.js";
import type { AppState, Session, User } from "./state.js";

/** How a session ends: the client's logout, a lost connection, or another device's login. */
export type SessionEnd = "logout" | "offline" | "kicked";

/**
 * `logout_reason` (a String; the page lists no values, so both are unverified): "0" for a
 * client logout, "3" for a kick by another device's login (RTC's room_logout uses 3 for
 * "logged in again or kicked out").
 */
const LOGOUT_REASON = { logout: "0", kicked: "3" } as const;

const seconds = (ms: number) => Math.floor(ms / 1000);

function report(app: AppState, cb: ZegoCallbacks, user: User, s: Session, fields: object): void {
  cb.send(app, "user_action", {
    user_id: user.userId,
    user_name: user.userName,
    os: s.os,
    session_id: s.sessionId,
    login_time: seconds(s.loginTime),
    // A property of the session: the page's logout example carries "1" too.
    relogin: s.relogin ? "1" : "0",
    ...fields,
  });
}

/** The user's online session on `device`, if any (a second login there changes nothing). */
export function sessionOn(user: User, device: string): Session | undefined {
  for (const s of user.sessions.values()) if (s.device === device) return s;
  return undefined;
}

/**
 * A login on a device not yet online: the new session's callback first, then one logout per
 * session the policy kicks (the real order is unverified; receivers should accept either).
 */
export function startSession(
  app: AppState,
  cb: ZegoCallbacks,
  user: User,
  where: { os: string; device: string },
  now: number,
): { session: Session; kicked: Session[] } {
  const kicked = sessionsToKick(app.config.loginPolicy, user.sessions.values(), where.os);
  const session: Session = {
    sessionId: app.nextSessionId(),
    ...where,
    loginTime: now,
    relogin: user.droppedDevices.delete(where.device),
  };
  user.sessions.set(session.sessionId, session);
  user.presence = "online";
  report(app, cb, user, session, { action: 0 });
  for (const old of kicked) endSession(app, cb, user, old, "kicked", now);
  return { session, kicked };
}

/** Ends one session; only the user's last one takes them out of their ZIM rooms. */
export function endSession(
  app: AppState,
  cb: ZegoCallbacks,
  user: User,
  session: Session,
  how: SessionEnd,
  now: number,
): void {
  user.sessions.delete(session.sessionId);
  if (how === "offline") user.droppedDevices.add(session.device);
  if (user.sessions.size === 0) {
    user.presence = how === "offline" ? "offline" : "logout";
    for (const room of [...app.zimRooms.values()]) {
      if (room.members.has(user.userId))
        exitRoom(app, cb, room, [user.userId], "Quit", user.userId, now);
    }
  }
  report(
    app,
    cb,
    user,
    session,
    how === "offline"
      ? { action: 2, offline_time: seconds(now) }
      : { action: 1, logout_time: seconds(now), logout_reason: LOGOUT_REASON[how] },
  );
}
