import { ImError } from "@imgraph/core";

// ZIM room answers the live room operations turn into results rather than errors.

/** QueryRoomUserList: the room does not exist / is empty, waiting out its destroy delay. */
export const ROOM_MISSING = "660300001";
export const ROOM_EMPTY = "660300008";

/** Whether an error is ZEGO's answer `code`. */
export function isCode(error: unknown, code: string): boolean {
  return error instanceof ImError && error.vendorCode === code;
}
