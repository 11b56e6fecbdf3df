/** ZIM identifiers (zego.md §1.9): ≤ 32 bytes of letters, digits, space and some punctuation. */
import { ZIM } from "./errors.js";
import { bytes, type Params } from "./params.js";

const ID_CHARS = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~]+$/;
/** Some room pages also allow ","; unverified, so room ids accept it (tolerant). */
const ROOM_ID_CHARS = /^[A-Za-z0-9 !#$%&()+\-:;<=.>?@[\]^_{}|~,]+$/;

export const MAX_ID_BYTES = 32;

export function isValidId(id: string, room = false): boolean {
  return bytes(id) <= MAX_ID_BYTES && (room ? ROOM_ID_CHARS : ID_CHARS).test(id);
}

/** A required user / group id parameter (660000002 when missing, too long or bad charset). */
export function idParam(p: Params, name: string): string {
  const id = p.str(name);
  if (!isValidId(id)) throw p.fail(`${name} must be ≤ 32 bytes of the allowed characters`);
  return id;
}

export function roomIdParam(p: Params, name = "RoomId"): string {
  const id = p.str(name);
  if (!isValidId(id, true)) throw p.fail(`${name} must be ≤ 32 bytes of the allowed characters`);
  return id;
}

/** A user id at registration: SubCode 660000012 when over 32 bytes, 660000002 for bad charset. */
export function registerIdSubCode(id: string): number | undefined {
  if (bytes(id) > MAX_ID_BYTES) return ZIM.userIdTooLong;
  if (!ID_CHARS.test(id)) return ZIM.badParam;
  return undefined;
}

const GENERATED_ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** Server-made group ids start with "#" (§1.9). */
export function generateGroupId(): string {
  let id = "#";
  for (let i = 0; i < 12; i++)
    id += GENERATED_ID_CHARS[Math.floor(Math.random() * GENERATED_ID_CHARS.length)];
  return id;
}
