import { type CallOptions, isNotFound, type User } from "@imgraph/core";
import { post, type RongCloudContext } from "./context.js";

interface InfoAnswer {
  userName?: string;
  userPortrait?: string;
}

/**
 * A user's profile as RongCloud keeps it (a name and a portrait), or null when it does
 * not know the user. Profile reads and credentials (which must not overwrite it) use it.
 */
export async function readProfile(
  ctx: RongCloudContext,
  userId: string,
  options?: CallOptions,
): Promise<User | null> {
  try {
    const answer = await post<InfoAnswer>(
      ctx,
      "getUsers",
      "/user/info.json",
      { userId },
      options,
      true,
    );
    // An unknown user may also come back as an empty profile (unverified which the server does).
    if (!answer.userName && !answer.userPortrait) return null;
    return {
      id: userId,
      name: answer.userName || null,
      avatarUrl: answer.userPortrait || null,
      extra: null,
    };
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
