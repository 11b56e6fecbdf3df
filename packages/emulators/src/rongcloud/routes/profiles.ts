/** User profile hosting (`/user/profile/*`), a separately enabled product (§2.1). */
import { invalid, tooLong, tooMany } from "../errors.js";
import type { Params } from "../params.js";
import { REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";
import type { AppState, Profile } from "../state.js";

/** Documented `userProfile` keys: max length for strings, [min, max] for numbers. */
const PROFILE_KEYS: Record<string, number | [number, number]> = {
  uniqueId: 32,
  name: 64,
  portraitUri: 1024,
  email: 128,
  birthday: 32,
  location: 32,
  gender: [0, 2],
  role: [0, 100],
  level: [0, 100],
};

function readUserProfile(p: Params): Record<string, unknown> | undefined {
  const profile = p.jsonObject("userProfile");
  if (!profile) return undefined;
  for (const [k, v] of Object.entries(profile)) {
    const rule = PROFILE_KEYS[k];
    if (rule === undefined) throw invalid("userProfile", `has an unknown key: ${k}`);
    if (typeof rule === "number") {
      if (typeof v !== "string") throw invalid(`userProfile.${k}`, "must be a string");
      if ([...v].length > rule) throw tooLong(`userProfile.${k}`, rule, "characters");
    } else {
      const n = typeof v === "string" ? Number(v) : v;
      if (typeof n !== "number" || !Number.isInteger(n) || n < rule[0] || n > rule[1]) {
        throw invalid(`userProfile.${k}`, `must be an integer ${rule[0]}-${rule[1]}`);
      }
    }
  }
  return profile;
}

/** `ext_` + letters, digits or `_` (the wider of the documented alphabets, §4). */
const EXT_KEY = /^ext_[A-Za-z0-9_]+$/;

function readExtProfile(p: Params, app: AppState): Record<string, unknown> | undefined {
  const ext = p.jsonObject("userExtProfile");
  if (!ext) return undefined;
  const entries = Object.entries(ext);
  const max = app.config.userExtMax;
  if (entries.length > max) throw tooMany("userExtProfile", max);
  // The real codes for a bad or unregistered key are unverified (§4): 1002 here.
  for (const [k, v] of entries) {
    if (!EXT_KEY.test(k))
      throw invalid("userExtProfile", `key ${k} must be ext_ followed by letters, digits or _`);
    if ([...k].length > 32) throw tooLong(`userExtProfile key ${k}`, 32, "characters");
    if (app.config.userExtKeys && !app.config.userExtKeys.has(k))
      throw invalid("userExtProfile", `key ${k} does not exist (create it in the console)`);
    if (typeof v !== "string") throw invalid(`userExtProfile.${k}`, "must be a string");
    if ([...v].length > 256) throw tooLong(`userExtProfile.${k}`, 256, "characters");
  }
  return ext;
}

/** Answers carry both profiles as JSON text (the doc tables' "String, JSON", §4). */
function view(userId: string, profile: Profile) {
  return {
    userId,
    version: profile.version,
    userProfile: JSON.stringify(profile.userProfile),
    userExtProfile: JSON.stringify(profile.userExtProfile),
  };
}

/** A given part replaces the stored one (or is merged into it when the app says so, §4). */
function nextPart(
  app: AppState,
  prev: Record<string, unknown> | undefined,
  given: Record<string, unknown> | undefined,
): Record<string, unknown> {
  if (!given) return prev ?? {};
  return app.config.profileSetMerges ? { ...prev, ...given } : given;
}

function registeredAt(app: AppState, userId: string, profile: Profile): number {
  return app.users.get(userId)?.createdAt ?? profile.createdAt;
}

export const profileRoutes: RouteTable = {
  "/user/profile/set.json": {
    feature: "profileHosting",
    handle({ app, p, now, callbacks }) {
      const userId = p.required("userId", REF_RULE);
      const userProfile = readUserProfile(p);
      const userExtProfile = readExtProfile(p, app);
      const prev = app.profiles.get(userId);
      const ext = nextPart(app, prev?.userExtProfile, userExtProfile);
      if (Object.keys(ext).length > app.config.userExtMax)
        throw tooMany("userExtProfile", app.config.userExtMax);
      app.profiles.set(userId, {
        version: (prev?.version ?? 0) + 1,
        userProfile: nextPart(app, prev?.userProfile, userProfile),
        userExtProfile: ext,
        createdAt: prev?.createdAt ?? now,
      });
      callbacks.profileChange(app, {
        userId,
        type: 1,
        time: now,
        ...(userProfile ? { userProfile } : {}),
        ...(userExtProfile ? { userExtProfile } : {}),
      });
      return undefined;
    },
  },
  "/user/profile/clean.json": {
    feature: "profileHosting",
    handle({ app, p, now, callbacks }) {
      const userId = p.required("userId", REF_RULE);
      if (app.profiles.delete(userId)) callbacks.profileChange(app, { userId, type: 0, time: now });
      return undefined;
    },
  },
  "/user/profile/batch/query.json": {
    feature: "profileHosting",
    handle({ app, p }) {
      // ≤100 (§4). The doc repeats the key, Java and Go join with commas: both work. A user
      // with no hosted profile is left out (unverified: omitted or empty entry).
      const userIds = p.list("userId", { required: true, comma: true, max: 100, ...REF_RULE });
      const userList = userIds.flatMap((u) => {
        const profile = app.profiles.get(u);
        return profile ? [view(u, profile)] : [];
      });
      return { userList };
    },
  },
  "/user/profile/query.json": {
    feature: "profileHosting",
    emptyOk: true,
    handle({ app, p }) {
      const page = p.int("page", { min: 1 }) ?? 1;
      const size = p.int("size", { min: 1, max: 100 }) ?? 20;
      const order = p.oneOf("order", [0, 1] as const, 0);
      const sorted = [...app.profiles].sort((a, b) => {
        const d = registeredAt(app, a[0], a[1]) - registeredAt(app, b[0], b[1]);
        return order === 0 ? d : -d;
      });
      return {
        userList: sorted.slice((page - 1) * size, page * size).map(([u, pr]) => view(u, pr)),
      };
    },
  },
};
