import { checkId, checkIds, checkInt } from "@imgraph/core";
import { generateToken04, rtcPrivilegePayload } from "@imgraph/signing";
import type { Op, ZegoContext } from "./context.js";
import {
  ROOM_ID,
  TOKEN_DEFAULT_SECONDS,
  TOKEN_MAX_SECONDS,
  TOKEN_MIN_SECONDS,
  USER_ID,
} from "./limits.js";

/** A Token04, made locally (no vendor call), and its exact expiry. */
function token(
  ctx: ZegoContext,
  userId: string,
  ttlSeconds: number | undefined,
  payload?: string,
): { token: string; expiresAt: Date } {
  // ZEGO's bounds (ZIM refuses tokens with < 30 s left or lifetimes > 24 days): a lifetime
  // outside them is refused, never quietly changed.
  const lifetime =
    ttlSeconds === undefined
      ? TOKEN_DEFAULT_SECONDS
      : checkInt("ttlSeconds", ttlSeconds, { min: TOKEN_MIN_SECONDS, max: TOKEN_MAX_SECONDS });
  const now = Date.now();
  const value = generateToken04({
    appId: ctx.zegoAppId,
    userId,
    serverSecret: ctx.serverSecret,
    effectiveTimeInSeconds: lifetime,
    now,
    ...(payload !== undefined ? { payload } : {}),
  });
  // The token's expire is ctime (whole seconds) + lifetime.
  return { token: value, expiresAt: new Date((Math.floor(now / 1000) + lifetime) * 1000) };
}

/** ZIM login token: Token04 without payload. */
export const issueChatCredential: Op<"issueChatCredential"> = (ctx, input) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const made = token(ctx, userId, input.ttlSeconds);
  return { vendor: "zego", appId: String(ctx.zegoAppId), userId, ...made };
};

/** RTC room token: Token04 with the privilege payload (login always, publish on request). */
export const issueRoomCredential: Op<"issueRoomCredential"> = (ctx, input) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const roomId = checkId("roomId", input.roomId, ROOM_ID);
  const payload = rtcPrivilegePayload({
    roomId,
    canLogin: true,
    canPublish: input.canPublish === true,
  });
  const made = token(ctx, userId, input.ttlSeconds, payload);
  // Token04 with the room privileges is all the ZEGO Express SDK needs to log in to a room.
  return { appId: String(ctx.zegoAppId), userId, roomId, userToken: null, ...made };
};
