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

function readExtProfile(p: Params): Record<string, unknown> | undefined {
  const ext = p.jsonObject("userExtProfile");
  if (!ext) return undefined;
  const entries = Object.entries(ext);
  if (entries.length > 20) throw tooMany("userExtProfile", 20);
  // Keys must also be registered in the console; the emulator has no console, so any
  // well-formed ext_ key is accepted.
  for (const [k, v] of entries) {
    if (!k.startsWith("ext_")) throw invalid("userExtProfile", `key ${k} must start with ext_`);
    if ([...k].length > 32) throw tooLong(`userExtProfile key ${k}`, 32, "characters");
    if ([...String(v)].length > 256) throw tooLong(`userExtProfile.${k}`, 256, "characters");
  }
  return ext;
}

function view(userId: string, profile: Profile) {
  // Profiles are returned as JSON objects (object vs JSON string is unverified).
  return {
    userId,
    version: profile.version,
    userProfile: profile.userProfile,
    userExtProfile: profile.userExtProfile,
  };
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
      const userExtProfile = readExtProfile(p);
      const prev = app.profiles.get(userId);
      // Given keys are merged into the stored profile (partial update; unverified).
      app.profiles.set(userId, {
        version: (prev?.version ?? 0) + 1,
        userProfile: { ...prev?.userProfile, ...userProfile },
        userExtProfile: { ...prev?.userExtProfile, ...userExtProfile },
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
      // One comma-separated value (Java joins with commas); max count unverified, 100 here.
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
