import { checkId, checkIds, checkInt, checkText } from "@imgraph/core";
import { generatePrivateMapKey, generateUserSig, TrtcPrivilege } from "@imgraph/signing";
import type { Op, TencentContext } from "./context.js";
import { GROUP_ID, USER_ID, USERSIG_DEFAULT_SECONDS, USERSIG_MAX_SECONDS } from "./limits.js";
import { ensureRoom } from "./room-group.js";

/** Requested lifetime; over Tencent's 10-year maximum is refused, never quietly shortened. */
function lifetime(ttlSeconds: number | undefined): number {
  if (ttlSeconds === undefined) return USERSIG_DEFAULT_SECONDS;
  return checkInt("ttlSeconds", ttlSeconds, { min: 1, max: USERSIG_MAX_SECONDS });
}

/** The UserSig a user logs in with (chat and TRTC alike), signed with the app key. */
function userSig(ctx: TencentContext, userId: string, expireSeconds: number, now: number): string {
  return generateUserSig({ sdkAppId: ctx.sdkAppId, key: ctx.key, userId, expireSeconds, now });
}

/**
 * A client logs in with a UserSig signed by the app key: no vendor call. Tencent counts
 * validity from the issue second, so expiresAt is exactly (issue second + lifetime).
 */
export const issueChatCredential: Op<"issueChatCredential"> = (ctx, input) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  if (input.name !== undefined) checkText("name", input.name, { maxBytes: 500 });
  const expireSeconds = lifetime(input.ttlSeconds);
  const now = ctx.now();
  const token = userSig(ctx, userId, expireSeconds, now);
  return {
    vendor: "tencent",
    appId: String(ctx.sdkAppId),
    userId,
    token,
    expiresAt: new Date((Math.floor(now / 1000) + expireSeconds) * 1000),
  };
};

/**
 * A room credential is a TRTC PrivateMapKey for the room's string id: the only Tencent
 * credential bound to one room and to publish rights (enter + receive always, send audio,
 * video and screen share when `canPublish`). The client enters with its UserSig and this
 * key, so the UserSig comes along (`userToken`, same lifetime); the live room's chat
 * (AVChatRoom) needs only the UserSig. Client SDKs can join but not create an AVChatRoom,
 * so the room's chat group is made first unless it exists (see ensureRoom).
 */
export const issueRoomCredential: Op<"issueRoomCredential"> = async (ctx, input, options) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  const roomId = checkId("roomId", input.roomId, GROUP_ID);
  const expireSeconds = lifetime(input.ttlSeconds);
  const receive =
    TrtcPrivilege.enterRoom |
    TrtcPrivilege.receiveAudio |
    TrtcPrivilege.receiveVideo |
    TrtcPrivilege.receiveSubStream;
  const publish = TrtcPrivilege.sendAudio | TrtcPrivilege.sendVideo | TrtcPrivilege.sendSubStream;
  await ensureRoom(ctx, roomId, options);
  const now = ctx.now();
  const token = generatePrivateMapKey({
    sdkAppId: ctx.sdkAppId,
    key: ctx.key,
    userId,
    roomId,
    expireSeconds,
    privilegeMap: input.canPublish ? receive | publish : receive,
    now,
  });
  return {
    appId: String(ctx.sdkAppId),
    userId,
    roomId,
    token,
    userToken: userSig(ctx, userId, expireSeconds, now),
    expiresAt: new Date((Math.floor(now / 1000) + expireSeconds) * 1000),
  };
};
