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

/**
 * A user's custom attributes: string values by the app's own keys (declared at the vendor
 * where it asks for that). Kept apart from `extra`, which is one free-form JSON value.
 */
export type UserAttributes = Record<string, string>;

export interface SetUserAttributesInput {
  userId: string;
  /** Set these keys; keys not named keep their values. */
  attributes: UserAttributes;
}

export interface RemoveUserAttributesInput {
  userId: string;
  keys: string[];
}

/** Tags for push targeting, given to (or taken from) each of several users. */
export interface UserTagsInput {
  userIds: string[];
  tags: string[];
}

/**
 * Where an app-wide mute stops a user sending: DIRECT — one-to-one messages; GROUPS —
 * messages in every group. Messages sent through the server API are never stopped.
 */
export type MuteScope = "DIRECT" | "GROUPS";

export interface MuteUsersInput {
  userIds: string[];
  scopes: MuteScope[];
  /** How long, in seconds; omitted means until lifted. */
  durationSeconds?: number;
}

export interface UnmuteUsersInput {
  userIds: string[];
  scopes: MuteScope[];
}

/** One scope a user is muted in. */
export interface UserMute {
  scope: MuteScope;
  /** When the mute ends; null when it lasts until lifted. */
  until: Date | null;
}
