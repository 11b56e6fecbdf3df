// TRTC PrivateMapKey (tencent.md §1.6): a UserSig whose userbuf is a binary room
// permission ticket. All integers big-endian.
//   version:u8 (0 numeric room, 1 string room) | accountLen:u16 | account |
//   sdkappid:u32 | roomId:u32 | expiresAt:u32 | privilegeMap:u32 | accountType:u32 |
//   [roomLen:u16 | room]   (only when version = 1)
import { Buffer } from "node:buffer";
import { toSeconds } from "./common.js";
import { requireAppId, requireInteger, requireLifetime, resolveNow } from "./input-checks.js";
import { generateUserSig, type UserSigCompression } from "./usersig.js";

/** Privilege bits of a PrivateMapKey (255 = all). */
export const TrtcPrivilege = {
  createRoom: 1,
  enterRoom: 2,
  sendAudio: 4,
  receiveAudio: 8,
  sendVideo: 16,
  receiveVideo: 32,
  sendSubStream: 64,
  receiveSubStream: 128,
  all: 255,
} as const;

/** The decoded content of a PrivateMapKey userbuf. */
export interface PrivateMapKeyInfo {
  userId: string;
  sdkAppId: number;
  /** A number for a numeric room (version 0), a string for a string room id (version 1). */
  roomId: number | string;
  /** Absolute expiry, epoch seconds. */
  expiresAt: number;
  privilegeMap: number;
  accountType: number;
}

const UINT16_MAX = 0xffff;
const UINT32_MAX = 0xffff_ffff;

function requireUint32(name: string, value: unknown): number {
  const n = requireInteger(name, value);
  if (n < 0 || n > UINT32_MAX) throw new RangeError(`${name} must be a uint32`);
  return n;
}

function requireBytes(name: string, value: unknown): Buffer {
  if (typeof value !== "string" || value.length === 0) {
    throw new TypeError(`${name} must be a non-empty string`);
  }
  const bytes = Buffer.from(value, "utf8");
  if (bytes.length > UINT16_MAX) throw new RangeError(`${name} is too long`);
  return bytes;
}

/**
 * Builds the PrivateMapKey userbuf. A numeric `roomId` gives version 0; a string room id
 * gives version 1 (numeric field 0, room string appended). Strings are UTF-8 (the official
 * Node SDK writes UTF-16 code units truncated to bytes: identical for ASCII ids).
 */
export function privateMapKeyUserBuf(input: {
  userId: string;
  sdkAppId: number;
  roomId: number | string;
  expireSeconds: number;
  privilegeMap: number;
  now?: number;
}): Uint8Array {
  const account = requireBytes("userId", input.userId);
  const sdkAppId = requireAppId("sdkAppId", input.sdkAppId);
  const expireSeconds = requireLifetime("expireSeconds", input.expireSeconds);
  const privilegeMap = requireUint32("privilegeMap", input.privilegeMap);
  const expiresAt = toSeconds(resolveNow(input.now)) + expireSeconds;
  if (expiresAt > UINT32_MAX) throw new RangeError("expireSeconds is too large");
  const room =
    typeof input.roomId === "string"
      ? requireBytes("roomId", input.roomId)
      : requireUint32("roomId", input.roomId);

  const size = 1 + 2 + account.length + 20 + (typeof room === "number" ? 0 : 2 + room.length);
  const buf = Buffer.alloc(size);
  let offset = buf.writeUInt8(typeof room === "number" ? 0 : 1, 0);
  offset = buf.writeUInt16BE(account.length, offset);
  offset += account.copy(buf, offset);
  offset = buf.writeUInt32BE(sdkAppId, offset);
  offset = buf.writeUInt32BE(typeof room === "number" ? room : 0, offset);
  offset = buf.writeUInt32BE(expiresAt, offset);
  offset = buf.writeUInt32BE(privilegeMap, offset);
  offset = buf.writeUInt32BE(0, offset); // account type
  if (typeof room !== "number") {
    offset = buf.writeUInt16BE(room.length, offset);
    room.copy(buf, offset);
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/** Parses a PrivateMapKey userbuf; undefined when it is not one. */
export function parsePrivateMapKeyUserBuf(userBuf: Uint8Array): PrivateMapKeyInfo | undefined {
  const buf = Buffer.from(userBuf.buffer, userBuf.byteOffset, userBuf.byteLength);
  if (buf.length < 3) return undefined;
  const version = buf.readUInt8(0);
  if (version !== 0 && version !== 1) return undefined;
  const accountLength = buf.readUInt16BE(1);
  let offset = 3 + accountLength;
  if (offset + 20 > buf.length) return undefined;
  const userId = buf.toString("utf8", 3, offset);
  const sdkAppId = buf.readUInt32BE(offset);
  const numericRoom = buf.readUInt32BE(offset + 4);
  const expiresAt = buf.readUInt32BE(offset + 8);
  const privilegeMap = buf.readUInt32BE(offset + 12);
  const accountType = buf.readUInt32BE(offset + 16);
  offset += 20;
  let roomId: number | string = numericRoom;
  if (version === 1) {
    if (offset + 2 > buf.length) return undefined;
    const roomLength = buf.readUInt16BE(offset);
    offset += 2;
    if (offset + roomLength > buf.length) return undefined;
    roomId = buf.toString("utf8", offset, offset + roomLength);
    offset += roomLength;
  }
  if (offset !== buf.length) return undefined;
  return { userId, sdkAppId, roomId, expiresAt, privilegeMap, accountType };
}

/**
 * Generates a TRTC PrivateMapKey: a UserSig carrying the room permission userbuf. With
 * `compression: "zlib"`, the same output as the official `genPrivateMapKey` (numeric
 * room) and `genPrivateMapKeyWithStringRoomID` (string room) for ASCII ids.
 */
export function generatePrivateMapKey(input: {
  sdkAppId: number;
  key: string;
  userId: string;
  expireSeconds: number;
  roomId: number | string;
  privilegeMap: number;
  now?: number;
  /** See UserSigInput.compression. */
  compression?: UserSigCompression;
}): string {
  const now = resolveNow(input.now);
  const userBuf = privateMapKeyUserBuf({
    userId: input.userId,
    sdkAppId: input.sdkAppId,
    roomId: input.roomId,
    expireSeconds: input.expireSeconds,
    privilegeMap: input.privilegeMap,
    now,
  });
  return generateUserSig({
    sdkAppId: input.sdkAppId,
    key: input.key,
    userId: input.userId,
    expireSeconds: input.expireSeconds,
    now,
    userBuf,
    ...(input.compression === undefined ? {} : { compression: input.compression }),
  });
}
