import {
  type ConversationType,
  GROUP_PROFILE_FIELDS,
  type ImAdapter,
  type ImEvent,
  type OperationInput,
  type OperationName,
  type OperationOutput,
} from "@imgraph/core";

// The events of writes made through the gateway, for the changes a vendor reports by no
// callback of its own (none of the three calls back for deletes or reactions; only some for
// edits and reads). Where the vendor does call back, its callback is the one event.

/** An event as a write's builder says it: writeEvents adds the app and the time of the write. */
type WriteEvent = Unstamped<ImEvent>;
type Unstamped<E> = E extends ImEvent ? Omit<E, "appId" | "at"> : never;

type Builder<N extends OperationName> = (
  input: OperationInput<N>,
  output: OperationOutput<N>,
  adapter: ImAdapter,
  at: Date,
) => WriteEvent[];

/** Which event each write made through the gateway is reported as (the support matrix lists it). */
export const EVENT_OF_WRITE = {
  editMessage: "MESSAGE_EDITED",
  recallMessage: "MESSAGE_RECALLED",
  deleteMessages: "MESSAGE_DELETED",
  deleteGroupMessagesBySender: "MESSAGE_DELETED",
  markConversationRead: "CONVERSATION_READ",
  addReaction: "REACTION_CHANGED",
  removeReaction: "REACTION_CHANGED",
  updateGroupProfile: "GROUP_PROFILE_UPDATED",
  muteGroup: "GROUP_MUTED",
  setGroupMemberRole: "GROUP_MEMBER_ROLE_CHANGED",
  setGroupAttributes: "GROUP_ATTRIBUTES_CHANGED",
  removeGroupAttributes: "GROUP_ATTRIBUTES_CHANGED",
  clearGroupAttributes: "GROUP_ATTRIBUTES_CHANGED",
  createLiveRoom: "LIVE_ROOM_CREATED",
  destroyLiveRoom: "LIVE_ROOM_DESTROYED",
  kickLiveRoomMembers: "LIVE_ROOM_MEMBER_LEFT",
} as const satisfies { [N in OperationName]?: ImEvent["type"] };

/** One builder per write above: the compiler keeps the two lists the same. */
const BUILDERS: { [N in keyof typeof EVENT_OF_WRITE]: Builder<N> } = {
  editMessage(input, _output, adapter) {
    const about = aboutMessage(adapter, input.messageId);
    if (!about) return [];
    const editorId = input.actorId ?? about.senderId;
    return [{ type: "MESSAGE_EDITED", ...about, editorId, content: input.content }];
  },
  recallMessage(input, _output, adapter) {
    const about = aboutMessage(adapter, input.messageId);
    return about ? [{ type: "MESSAGE_RECALLED", ...about }] : [];
  },
  deleteMessages(input, output, adapter) {
    return output.flatMap((result, i) => {
      const messageId = input.messageIds[i];
      const about = result.ok && messageId ? aboutMessage(adapter, messageId) : null;
      if (!about) return [];
      return [{ type: "MESSAGE_DELETED" as const, ...about, forUserId: input.userId }];
    });
  },
  deleteGroupMessagesBySender(input) {
    return [
      {
        type: "MESSAGE_DELETED",
        messageId: null,
        conversation: { type: "GROUP", id: input.groupId },
        senderId: input.senderId,
        forUserId: null,
      },
    ];
  },
  markConversationRead(input, _output, _adapter, at) {
    return [
      {
        type: "CONVERSATION_READ",
        userId: input.userId,
        conversation: input.conversation,
        readUpTo: input.upTo ?? at,
      },
    ];
  },
  updateGroupProfile(input) {
    const fields = GROUP_PROFILE_FIELDS.filter((f) => input[f] !== undefined);
    return [{ type: "GROUP_PROFILE_UPDATED", groupId: input.groupId, fields }];
  },
  muteGroup({ groupId, muted }) {
    return [{ type: "GROUP_MUTED", groupId, muted }];
  },
  setGroupMemberRole(input) {
    return [
      {
        type: "GROUP_MEMBER_ROLE_CHANGED",
        groupId: input.groupId,
        userId: input.userId,
        role: input.role,
      },
    ];
  },
  setGroupAttributes: (input) => attributes(input.groupId, Object.keys(input.attributes)),
  removeGroupAttributes: (input) => attributes(input.groupId, input.keys),
  clearGroupAttributes: (input) => attributes(input.groupId, []),
  // Every vendor calls back for these: the gateway's own reach apps without callbacks.
  createLiveRoom: (input) => [
    { type: "LIVE_ROOM_CREATED", roomId: input.roomId, ownerId: input.ownerId ?? null },
  ],
  destroyLiveRoom: (input) => [{ type: "LIVE_ROOM_DESTROYED", roomId: input.roomId }],
  kickLiveRoomMembers(input, output) {
    // The users the vendor took the kick for (some take one for a user already gone).
    const userIds = output.filter((result) => result.ok).map((result) => result.key);
    if (userIds.length === 0) return [];
    return [{ type: "LIVE_ROOM_MEMBER_LEFT", roomId: input.roomId, userIds, reason: "KICKED" }];
  },
  addReaction: (input, _output, adapter) => reaction(input, adapter, true),
  removeReaction: (input, _output, adapter) => reaction(input, adapter, false),
};

function attributes(groupId: string, keys: string[]): WriteEvent[] {
  return [{ type: "GROUP_ATTRIBUTES_CHANGED", groupId, keys }];
}

function reaction(
  input: OperationInput<"addReaction">,
  adapter: ImAdapter,
  added: boolean,
): WriteEvent[] {
  const about = aboutMessage(adapter, input.messageId);
  if (!about) return [];
  return [{ type: "REACTION_CHANGED", ...about, userId: input.userId, emoji: input.emoji, added }];
}

/**
 * The fields every event about one message starts with, as the adapter reads them from the
 * message's id; null where it cannot (then the write is reported by no event).
 */
function aboutMessage(adapter: ImAdapter, messageId: string) {
  const message = adapter.describeMessageId?.(messageId);
  if (!message) return null;
  const { conversation, senderId } = message;
  return { messageId, conversation, senderId };
}

/**
 * The events a successful write of `name` makes, less those the vendor's own callbacks will
 * report (when the app receives its callbacks at all).
 */
export function writeEvents<N extends OperationName>(
  adapter: ImAdapter,
  name: N,
  input: OperationInput<N>,
  output: OperationOutput<N>,
  at = new Date(),
): ImEvent[] {
  const build = (BUILDERS as { [K in OperationName]?: Builder<K> })[name] as Builder<N> | undefined;
  if (!build) return [];
  const callbacks = adapter.parseWebhook !== undefined;
  const calledBack = (event: ImEvent) =>
    callbacks && adapter.reportsByCallback?.(event.type, conversationKind(event)) === true;
  const reportedFields = new Set(callbacks ? (adapter.profileFieldsByCallback?.() ?? []) : []);
  return build(input, output, adapter, at)
    .map((event): ImEvent => ({ ...event, appId: adapter.info.id, at }))
    .filter((event) => !calledBack(event))
    .flatMap((event) => (reportedFields.size > 0 ? fieldsLeft(event, reportedFields) : [event]));
}

/** The kind of conversation an event is about: live room events name a room, not a conversation. */
function conversationKind(event: ImEvent): ConversationType {
  if ("conversation" in event) return event.conversation.type;
  return "roomId" in event ? "ROOM" : "GROUP";
}

/**
 * A profile update as far as the vendor's callback does not report it: only the other
 * fields, or no event when the callback reports them all.
 */
function fieldsLeft(event: ImEvent, reported: ReadonlySet<string>): ImEvent[] {
  if (event.type !== "GROUP_PROFILE_UPDATED") return [event];
  const fields = event.fields.filter((f) => !reported.has(f));
  return fields.length > 0 ? [{ ...event, fields }] : [];
}
