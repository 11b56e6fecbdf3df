import type { JsonObject } from "./json.js";

export interface User {
  id: string;
  name: string | null;
  avatarUrl: string | null;
  /** Free-form data the vendor stores beside the profile (where it can). */
  extra: JsonObject | null;
}

export interface UserInput {
  id: string;
  name?: string;
  avatarUrl?: string;
  extra?: JsonObject;
}

/** A profile update: omitted fields stay as they are. */
export interface UserUpdate {
  id: string;
  name?: string;
  avatarUrl?: string;
  extra?: JsonObject;
}

export type PresenceStatus = "ONLINE" | "OFFLINE";

export interface Presence {
  userId: string;
  status: PresenceStatus;
}

export interface BanInput {
  userIds: string[];
  /** How long the ban lasts; omitted means as long as the vendor allows (see capability limits). */
  durationSeconds?: number;
}
