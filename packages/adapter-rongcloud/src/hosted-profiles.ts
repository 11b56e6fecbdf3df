import { type CallOptions, isJsonObject } from "@imgraph/core";
import { post, type RongCloudContext } from "./context.js";
import { neutralAttributes } from "./ext-attributes.js";

// Reading and writing RongCloud's hosted user profiles (/user/profile/*, vendor reference
// §4): a basic part (userProfile) and the custom attributes (userExtProfile).

export interface HostedProfile {
  /** The basic part as the vendor gave it, JSON text ("{}" when none). */
  basic: string;
  /** Custom attributes, neutral keys. */
  attributes: Record<string, string>;
}

interface BatchAnswer {
  userList?: Array<{ userId?: unknown; userProfile?: unknown; userExtProfile?: unknown }>;
}

/** JSON text of a profile part the vendor gave as text (an object tolerated). */
function asText(part: unknown): string {
  if (typeof part === "string" && part !== "") return part;
  return isJsonObject(part) ? JSON.stringify(part) : "{}";
}

/**
 * The hosted profiles of up to 100 users; a user without one is left out of the answer
 * (whether it is omitted or empty is unverified: both read as no profile).
 */
export async function readHostedProfiles(
  ctx: RongCloudContext,
  operation: string,
  userIds: string[],
  options: CallOptions | undefined,
): Promise<Map<string, HostedProfile>> {
  // The SDKs send one comma-joined value (the doc's example repeats the key).
  const answer = await post<BatchAnswer>(
    ctx,
    operation,
    "/user/profile/batch/query.json",
    { userId: userIds.join(",") },
    options,
    true,
  );
  const found = new Map<string, HostedProfile>();
  for (const entry of answer.userList ?? []) {
    found.set(String(entry.userId), {
      basic: asText(entry.userProfile),
      attributes: neutralAttributes(entry.userExtProfile),
    });
  }
  return found;
}

/** The profile of one user, empty when it has none. */
export async function readHostedProfile(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  options: CallOptions | undefined,
): Promise<HostedProfile> {
  const found = await readHostedProfiles(ctx, operation, [userId], options);
  return found.get(userId) ?? { basic: "{}", attributes: {} };
}

/** Sends only the parts given: the documented set replaces a part that is present (§4). */
export function writeHostedProfile(
  ctx: RongCloudContext,
  operation: string,
  userId: string,
  parts: { userProfile?: string; userExtProfile?: string },
  options: CallOptions | undefined,
): Promise<unknown> {
  return post(ctx, operation, "/user/profile/set.json", { userId, ...parts }, options, true);
}
