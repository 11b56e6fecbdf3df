import { BadUserInputError, UnsupportedByVendorError } from "./errors.js";
import type { Vendor } from "./model/app.js";
import type {
  LiveRoomMessagePriority,
  LiveRoomRestrictInput,
  LiveRoomUsersInput,
} from "./model/live-room.js";
import { checkId, checkIds, checkInt, checkText, type IdRule } from "./validation.js";
import { LIVE_ROOM_MESSAGE_PRIORITIES } from "./values.js";

// Checks of live room inputs that every adapter makes the same way, with its vendor's
// rules, before any vendor call.

export interface LiveRoomUserRules {
  room: IdRule;
  user: IdRule;
  /** Users one vendor call takes (the operation's batch limit). */
  perCall: number;
}

/** A room and a non-empty list of users, distinct, in the order given. */
export function checkLiveRoomUsers(
  input: LiveRoomUsersInput,
  rules: LiveRoomUserRules,
): { roomId: string; userIds: string[] } {
  const roomId = checkId("roomId", input?.roomId, rules.room);
  const userIds = checkIds("userIds", input.userIds, rules.user, { max: rules.perCall });
  return { roomId, userIds: [...new Set(userIds)] };
}

export interface LiveRoomRestrictRules extends LiveRoomUserRules {
  /** The durations the vendor takes, seconds (converted to its unit by the adapter). */
  durationSeconds: { min: number; max: number };
  /** Bytes of a reason the vendor carries; null when it carries none (a reason is then refused). */
  reasonMaxBytes: number | null;
}

/** A timed ban or mute: users, a duration within the vendor's bounds, an optional reason. */
export function checkLiveRoomRestrict(
  vendor: Vendor,
  operation: string,
  input: LiveRoomRestrictInput,
  rules: LiveRoomRestrictRules,
): { roomId: string; userIds: string[]; durationSeconds: number; reason?: string } {
  const users = checkLiveRoomUsers(input, rules);
  const durationSeconds = checkInt("durationSeconds", input.durationSeconds, rules.durationSeconds);
  if (input.reason === undefined || input.reason === null) return { ...users, durationSeconds };
  if (rules.reasonMaxBytes === null) {
    throw new UnsupportedByVendorError(vendor, operation, "the vendor carries no reason here");
  }
  const reason = checkText("reason", input.reason, { maxBytes: rules.reasonMaxBytes });
  return { ...users, durationSeconds, reason };
}

/**
 * A message priority: NORMAL when omitted; a word outside the neutral set is BAD_USER_INPUT,
 * one the vendor cannot express is UNSUPPORTED_BY_VENDOR (never silently sent as another).
 */
export function checkLiveRoomPriority(
  vendor: Vendor,
  value: unknown,
  supported: readonly LiveRoomMessagePriority[],
): LiveRoomMessagePriority {
  if (value === undefined || value === null) return "NORMAL";
  if (!(LIVE_ROOM_MESSAGE_PRIORITIES as readonly unknown[]).includes(value)) {
    throw new BadUserInputError(
      "priority",
      `priority must be one of ${LIVE_ROOM_MESSAGE_PRIORITIES.join(", ")}.`,
    );
  }
  const priority = value as LiveRoomMessagePriority;
  if (!supported.includes(priority)) {
    throw new UnsupportedByVendorError(
      vendor,
      "sendLiveRoomMessage",
      `priority ${priority} has no equivalent here (${supported.join(", ")} do)`,
    );
  }
  return priority;
}
