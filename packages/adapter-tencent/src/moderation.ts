import { checkIds } from "@imgraph/core";
import type { Op } from "./context.js";
import { USER_ID } from "./limits.js";
import { setNoSpeaking } from "./nospeaking.js";
import { secondsOrForever } from "./restriction-times.js";

// A ban is Tencent's global mute (setnospeaking) in both scopes: the user can still log in
// but cannot send one-to-one (20012) or group (10017) messages.
const both = (seconds: number) => ({
  C2CmsgNospeakingTime: seconds,
  GroupmsgNospeakingTime: seconds,
});

export const banUsers: Op<"banUsers"> = async (ctx, input, options) => {
  const ids = checkIds("userIds", input?.userIds, USER_ID);
  const seconds = secondsOrForever(input.durationSeconds);
  return setNoSpeaking(ctx, "banUsers", ids, both(seconds), options);
};

export const unbanUsers: Op<"unbanUsers"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return setNoSpeaking(ctx, "unbanUsers", ids, both(0), options);
};
