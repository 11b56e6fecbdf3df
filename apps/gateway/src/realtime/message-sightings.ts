import { createHash } from "node:crypto";
import type { ImAdapter, ImEvent } from "@imgraph/core";
import type { ReplayStore } from "./replay.js";

/** What a message's record holds after the gateway published an edit it made itself. */
const EDITED_HERE = "e";

/**
 * Some vendors report an edit only by calling back again as a send of the same message, with
 * its new content and no edit marker (ZIM's send_msg: docs/vendors/zego.md §4.2; the adapter
 * says so with `editsReportedAsSendsForMs`). For their apps the gateway keeps, per one-to-one
 * or group message, a fingerprint of what it last heard of it, for the vendor's edit window,
 * and reads each send callback against it:
 * - never heard of: a new message (MESSAGE_SENT, as the callback says);
 * - heard with the same content: the same delivery again, nothing to tell;
 * - edited through the gateway, which published the edit (with its editor) itself: nothing;
 * - heard with other content: an edit made elsewhere, by a client: MESSAGE_EDITED, editor
 *   unknown.
 * A message no longer remembered (past the window, or dropped from the bounded memory store)
 * is taken for a new one, as it was before this existed. Room messages cannot be edited and
 * are not recorded. Only the content's hash is kept, never the content.
 */
export class MessageSightings {
  readonly #store: ReplayStore;

  constructor(store: ReplayStore) {
    this.#store = store;
  }

  /**
   * One callback's events as subscribers should hear them, and `undo`, which forgets what
   * reading them recorded: when they could not be published, the vendor's retry must be
   * news again.
   */
  async fold(adapter: ImAdapter, events: readonly ImEvent[]): Promise<Folded> {
    const windowMs = adapter.editsReportedAsSendsForMs;
    if (!windowMs || !events.some(isRecorded)) return { events, undo: async () => {} };
    const told: ImEvent[] = [];
    const before: Array<[key: string, value: string | null]> = [];
    for (const event of events) {
      if (!isRecorded(event)) {
        told.push(event);
        continue;
      }
      const key = keyOf(event.appId, event.message.id);
      const heard = `s:${fingerprint(event.message.content)}`;
      const previous = await this.#store.swap(key, heard, windowMs);
      before.push([key, previous]);
      const news = newsOf(event, heard, previous);
      if (news) told.push(news);
    }
    const undo = async () => {
      for (const [key, value] of before.reverse()) {
        if (value === null) await this.#store.release(key);
        else await this.#store.swap(key, value, windowMs);
      }
    };
    return { events: told, undo };
  }

  /**
   * Records an edit the gateway made and is about to publish, so that the vendor's send
   * callback for it is not told again. Called before publishing: a callback that arrives
   * while the edit's event goes out is then already known.
   */
  async editedHere(adapter: ImAdapter, messageId: string): Promise<void> {
    const windowMs = adapter.editsReportedAsSendsForMs;
    if (windowMs) await this.#store.swap(keyOf(adapter.info.id, messageId), EDITED_HERE, windowMs);
  }
}

export interface Folded {
  events: readonly ImEvent[];
  undo(): Promise<void>;
}

type SentMessage = Extract<ImEvent, { type: "MESSAGE_SENT" }>;

/** What a send callback tells, given what was heard of its message before (see above). */
function newsOf(event: SentMessage, heard: string, before: string | null): ImEvent | null {
  if (before === null) return event;
  if (before === heard || before === EDITED_HERE) return null;
  const { message } = event;
  return {
    type: "MESSAGE_EDITED",
    appId: event.appId,
    at: event.at,
    messageId: message.id,
    conversation: message.conversation,
    senderId: message.senderId,
    editorId: null,
    content: message.content,
  };
}

/** A send of a message that can be edited later, with an id to know it by. */
function isRecorded(event: ImEvent): event is SentMessage {
  return (
    event.type === "MESSAGE_SENT" &&
    event.message.id !== "" &&
    event.message.conversation.type !== "ROOM"
  );
}

function keyOf(appId: string, messageId: string): string {
  return `${appId}\n${messageId}`;
}

function fingerprint(content: unknown): string {
  return createHash("sha256").update(JSON.stringify(content)).digest("base64url").slice(0, 22);
}
