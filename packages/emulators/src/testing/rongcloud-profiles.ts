/** Hosted user profiles (`/user/profile/*.json`) as the RongCloud emulator tests drive them. */
import {
  type Form,
  type FormValue,
  ok,
  type RcClient,
  type RcResponse,
} from "./rongcloud-client.js";

/** A profile part: an object is sent as its JSON text, a string as it is (bad JSON tests). */
export type ProfilePart = Record<string, unknown> | string;

export interface ProfileParts {
  userProfile?: ProfilePart;
  userExtProfile?: ProfilePart;
}

/** POSTs `/user/profile/set.json` for `userId` with the given parts; the raw answer. */
export function setProfile(rc: RcClient, userId: string, parts: ProfileParts): Promise<RcResponse> {
  const form: Form = { userId };
  for (const [name, part] of Object.entries(parts)) {
    form[name] = typeof part === "string" ? part : JSON.stringify(part);
  }
  return rc.post("/user/profile/set.json", form);
}

/** One user of a profile query: both parts as JSON text. */
export interface ProfileView {
  userId: string;
  version: number;
  userProfile: string;
  userExtProfile: string;
}

/** The `userList` of a successful `/user/profile/batch/query.json`. */
export async function queryProfiles(rc: RcClient, userId: FormValue): Promise<ProfileView[]> {
  return ok(await rc.post("/user/profile/batch/query.json", { userId })).userList;
}
