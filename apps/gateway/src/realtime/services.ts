import type { MembershipCache } from "./membership.js";
import type { PresenceStore } from "./presence.js";
import type { PubSub } from "./pubsub.js";
import type { ReplayStore } from "./replay.js";

/** What the real-time parts share: fan-out, replay protection, group member lists, presence. */
export interface RealtimeServices {
  pubsub: PubSub;
  replay: ReplayStore;
  members: MembershipCache;
  /** Users' connections, for presence per user. */
  presence: PresenceStore;
}
