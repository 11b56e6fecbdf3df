import { BadUserInputError, checkIds, checkText, ImError } from "@imgraph/core";
import { type Op, post } from "./context.js";
import { NAME_MAX_CHARS, USER_ID } from "./limits.js";
import { readProfile } from "./profile.js";

/**
 * A RongCloud token comes only from getToken, which also overwrites the user's name and
 * portrait: read the current profile first so issuing a credential never changes it.
 * Tokens do not expire unless the console sets a lifetime, so `ttlSeconds` is refused rather
 * than ignored.
 */
export const issueChatCredential: Op<"issueChatCredential"> = async (ctx, input, options) => {
  const [userId] = checkIds("userId", [input?.userId], USER_ID) as [string];
  if (input.name !== undefined) checkText("name", input.name, { maxChars: NAME_MAX_CHARS });
  if (input.ttlSeconds !== undefined)
    throw new BadUserInputError(
      "ttlSeconds",
      "RongCloud tokens have no per-token lifetime (the console sets one for the whole app): omit ttlSeconds.",
    );
  const current = await readProfile(ctx, userId, options);
  const answer = await post<{ token?: unknown }>(
    ctx,
    "issueChatCredential",
    "/user/getToken.json",
    {
      userId,
      name: current?.name ?? input.name ?? userId,
      portraitUri: current?.avatarUrl ?? undefined,
    },
    options,
    true,
  );
  if (typeof answer.token !== "string" || answer.token.length === 0) {
    throw new ImError("VENDOR_UNAVAILABLE", "RongCloud answered getToken without a token.", {
      vendor: "rongcloud",
    });
  }
  return { vendor: "rongcloud", appId: ctx.appKey, userId, token: answer.token, expiresAt: null };
};
