import {
  checkIds,
  checkRemoveUserAttributes,
  checkSetUserAttributes,
  checkText,
  itemOk,
  runIdBatches,
} from "@imgraph/core";
import { type Op, post } from "./context.js";
import { vendorAttributes } from "./ext-attributes.js";
import { readHostedProfile, readHostedProfiles, writeHostedProfile } from "./hosted-profiles.js";
import {
  PROFILES_PER_READ,
  USER_ATTRIBUTE_MAX_CHARS,
  USER_ATTRIBUTE_RULES,
  USER_ID,
} from "./limits.js";

// Custom user attributes are the userExtProfile of RongCloud's hosted user profiles
// (vendor reference §4; the profile-hosting product must be enabled, else code 1009). There
// is no per-key write: set and remove read the user's map, change it and write it whole,
// sending only userExtProfile so the basic profile stays as it is. Not atomic: a change
// made by someone else between the read and the write is lost.

export const getUserAttributes: Op<"getUserAttributes"> = async (ctx, userIds, options) => {
  const ids = checkIds("userIds", userIds, USER_ID);
  return runIdBatches(ctx, ids, PROFILES_PER_READ, async (chunk) => {
    const found = await readHostedProfiles(ctx, "getUserAttributes", chunk, options);
    // A user never given a profile has no attributes.
    return chunk.map((id) => itemOk(id, found.get(id)?.attributes ?? {}));
  });
};

export const setUserAttributes: Op<"setUserAttributes"> = async (ctx, input, options) => {
  const { userId, attributes } = checkSetUserAttributes(input, USER_ATTRIBUTE_RULES);
  // RongCloud counts characters; the shared check counted bytes.
  for (const [key, value] of Object.entries(attributes))
    checkText(`attributes.${key}`, value, { maxChars: USER_ATTRIBUTE_MAX_CHARS, allowEmpty: true });
  const kept = await readHostedProfile(ctx, "setUserAttributes", userId, options);
  const userExtProfile = vendorAttributes({ ...kept.attributes, ...attributes });
  await writeHostedProfile(ctx, "setUserAttributes", userId, { userExtProfile }, options);
};

/**
 * Whether set replaces userExtProfile or merges into it is unverified (§4): if a removed
 * key is still there after the write, the server merged, and the profile is cleaned and
 * written again whole (basic part and remaining attributes).
 */
export const removeUserAttributes: Op<"removeUserAttributes"> = async (ctx, input, options) => {
  const { userId, keys } = checkRemoveUserAttributes(input, USER_ATTRIBUTE_RULES);
  const operation = "removeUserAttributes";
  const kept = await readHostedProfile(ctx, operation, userId, options);
  if (!keys.some((k) => k in kept.attributes)) return;
  const remaining = { ...kept.attributes };
  for (const key of keys) delete remaining[key];
  const userExtProfile = vendorAttributes(remaining);
  await writeHostedProfile(ctx, operation, userId, { userExtProfile }, options);
  const after = await readHostedProfile(ctx, operation, userId, options);
  if (!keys.some((k) => k in after.attributes)) return;
  await post(ctx, operation, "/user/profile/clean.json", { userId }, options, true);
  const parts = {
    ...(after.basic !== "{}" ? { userProfile: after.basic } : {}),
    ...(Object.keys(remaining).length > 0 ? { userExtProfile } : {}),
  };
  if (Object.keys(parts).length > 0)
    await writeHostedProfile(ctx, operation, userId, parts, options);
};
