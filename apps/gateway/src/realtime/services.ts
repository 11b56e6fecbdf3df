import type { MembershipCache } from "./membership.js";
import type { MessageSightings } from "./message-sightings.js";
import type { PresenceStore } from "./presence.js";
import type { PubSub } from "./pubsub.js";
import type { ReplayStore } from "./replay.js";

/**
 * What the real-time parts share: fan-out, replay protection, group member lists, presence,
 * and what was heard of each message.
 */
export interface RealtimeServices {
  pubsub: PubSub;
  replay: ReplayStore;
  members: MembershipCache;
  /** Users' connections, for presence per user. */
  presence: PresenceStore;
  /** Where a vendor's edits come back as sends: tells them from new messages. */
  sightings: MessageSightings;
}
