/**
 * Simulated client SDKs (the control API's clients/login and clients/logout): ZIM login /
 * logout (one session per `device`, each with its `user_action`; zim-sessions.ts), ZIM room
 * enter / exit, RTC room login / logout.
 * A Token04, when given (or required by the `requireLoginToken` option), is checked the way
 * zego.md §3.4 describes and refused with the SDK's error code (§3.7).
 */
import { parseRtcPrivilegePayload, verifyToken04 } from "@imgraph/signing";
import { ControlError } from "../framework/index.js";
import type { ZegoCallbacks } from "./callbacks.js";
import { isValidId } from "./ids.js";
import { enterRoom, exitRoom, liveRoom } from "./rooms.js";
import { addStream, rtcLogin, rtcLogout } from "./rtc-rooms.js";
import type { AppState } from "./state.js";
import { endSession, sessionOn, startSession } from "./zim-sessions.js";

export const OS_VALUES = [
  "PC",
  "IOS_PHONE",
  "ANDROID",
  "MAC",
  "LINUX",
  "WEB",
  "MINIPROGRAM",
  "ANDROID_TV",
];

function text(input: Record<string, unknown>, name: string, required = false): string | undefined {
  const v = input[name];
  if (v === undefined || v === null || v === "") {
    if (required) throw new ControlError(400, `${name} is required`);
    return undefined;
  }
  if (typeof v !== "string") throw new ControlError(400, `${name} must be a string`);
  return v;
}

function productOf(input: Record<string, unknown>): "zim" | "rtc" {
  const p = input.product ?? "zim";
  if (p !== "zim" && p !== "rtc") throw new ControlError(400, 'product must be "zim" or "rtc"');
  return p;
}

/** ZIM: 6000103 invalid, 6000101 wrong AppID, 6000106 expired, 6000108 < 30 s left. RTC: 1002033. */
function checkToken(
  app: AppState,
  token: string,
  userId: string,
  product: "zim" | "rtc",
  now: number,
  roomId?: string,
  streamId?: string,
) {
  const v = verifyToken04(token, {
    serverSecret: app.config.serverSecret,
    appId: app.config.appId,
    userId,
    now,
  });
  const refuse = (zimCode: number, why: string) => {
    const code = product === "rtc" ? 1002033 : zimCode;
    return new ControlError(401, `${code}: ${why}`);
  };
  if (!v.ok) {
    if (v.reason === "expired") throw refuse(6000106, "token expired");
    if (v.reason === "wrong_app") throw refuse(6000101, "token was issued for another AppID");
    throw refuse(6000103, `token invalid (${v.message})`);
  }
  if (product === "zim" && v.value.expiresAt - Math.floor(now / 1000) < 30) {
    throw refuse(6000108, "token validity is shorter than 30 s");
  }
  if (product === "rtc" && v.value.payload !== "") {
    const privilege = parseRtcPrivilegePayload(v.value.payload);
    if (!privilege || privilege.roomId !== roomId || !privilege.canLogin) {
      throw refuse(1002033, "the token does not allow logging in to this room");
    }
    // Publishing needs privilege "2" and, with a stream list, a listed stream id (1003072).
    const listed = privilege.streamIds === null || privilege.streamIds.includes(streamId ?? "");
    if (streamId !== undefined && (!privilege.canPublish || !listed)) {
      throw new ControlError(401, "1003072: the token does not allow publishing this stream");
    }
  }
}

export function login(
  app: AppState,
  cb: ZegoCallbacks,
  input: Record<string, unknown>,
  now: number,
  requireToken: boolean,
): Record<string, unknown> {
  const userId = text(input, "userId", true) as string;
  const product = productOf(input);
  const roomId = text(input, "roomId", product === "rtc");
  const userName = text(input, "userName") ?? "";
  const token = text(input, "token");
  // RTC only: publish a stream right after logging in to the room.
  const streamId = product === "rtc" ? text(input, "streamId") : undefined;
  if (token !== undefined || requireToken) {
    if (token === undefined)
      throw new ControlError(
        401,
        product === "rtc" ? "1002033: token required" : "6000103: token required",
      );
    checkToken(app, token, userId, product, now, roomId, streamId);
  }
  if (product === "rtc") {
    const role = input.role ?? 1;
    if (role !== 1 && role !== 2 && role !== 4)
      throw new ControlError(400, "role must be 1 host, 2 audience or 4 admin");
    const room = rtcLogin(app, cb, { roomId: roomId as string, userId, userName, role, now });
    if (streamId !== undefined) {
      const existing = room.streams.get(streamId);
      if (existing && existing.userId !== userId)
        throw new ControlError(409, "1012: stream id already in use");
      if (!existing)
        addStream(app, cb, room, { streamId, userId, userName, title: "", extraInfo: "" }, now);
    }
    return { product, userId, roomId, ...(streamId ? { streamId } : {}) };
  }
  if (!isValidId(userId))
    throw new ControlError(400, "userId must be ≤ 32 bytes of the allowed characters");
  if (Buffer.byteLength(userName, "utf8") > 256)
    throw new ControlError(400, "50014: UserName is longer than 256 bytes");
  const os = text(input, "os") ?? "WEB";
  if (!OS_VALUES.includes(os))
    throw new ControlError(400, `os must be one of ${OS_VALUES.join(", ")}`);
  const device = text(input, "device") ?? os;
  if (device.length > 64) throw new ControlError(400, "device must be at most 64 characters");
  // Logging in once registers the user (§2.1).
  const user = app.users.get(userId) ?? app.register(userId, now, userName);
  if (userName !== "") user.userName = userName;
  // Already online on this device: same session, nothing to report.
  const current = sessionOn(user, device);
  const started = current ? undefined : startSession(app, cb, user, { os, device }, now);
  if (roomId !== undefined) enterRoom(app, cb, roomId, userId, now);
  return {
    product,
    userId,
    sessionId: (current ?? started?.session)?.sessionId,
    device,
    ...(started?.kicked.length ? { kicked: started.kicked.map((s) => s.sessionId) } : {}),
    ...(roomId ? { roomId } : {}),
  };
}

export function logout(
  app: AppState,
  cb: ZegoCallbacks,
  input: Record<string, unknown>,
  now: number,
): Record<string, unknown> {
  const userId = text(input, "userId", true) as string;
  const product = productOf(input);
  const roomId = text(input, "roomId", product === "rtc");
  if (product === "rtc") {
    const room = app.rtcRooms.get(roomId as string);
    const left = room ? rtcLogout(app, cb, room, [userId], "logout", now) : [];
    return { product, userId, roomId, left: left.length > 0 };
  }
  if (roomId !== undefined) {
    // A ZIM room holds the user, not one of their devices.
    if (input.sessionId !== undefined)
      throw new ControlError(
        400,
        "sessionId cannot be combined with roomId (a room exit is per user)",
      );
    const room = liveRoom(app, cb, roomId, now);
    const left = room ? exitRoom(app, cb, room, [userId], "Quit", userId, now) : [];
    return { product, userId, roomId, left: left.length > 0 };
  }
  // Without a sessionId every session of the user ends, one user_action each.
  const sessionId = text(input, "sessionId");
  const user = app.users.get(userId);
  let ending = user ? [...user.sessions.values()] : [];
  if (sessionId !== undefined) {
    const one = user?.sessions.get(sessionId);
    if (!one) throw new ControlError(404, `user ${userId} has no online session ${sessionId}`);
    ending = [one];
  }
  if (!user || ending.length === 0) return { product, userId, changed: false };
  // reason "offline" = the connection dropped (QueryUserOnlineState then says "Offline").
  const how = input.reason === "offline" ? "offline" : "logout";
  for (const session of ending) endSession(app, cb, user, session, how, now);
  return { product, userId, changed: true, sessionIds: ending.map((s) => s.sessionId) };
}
