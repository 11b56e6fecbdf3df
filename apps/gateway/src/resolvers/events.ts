import type * as core from "@imgraph/core";
import { BadUserInputError, ForbiddenError } from "@imgraph/core";
import { GraphQLError } from "graphql";
import { Arg, Ctx, ID, Resolver, Root, Subscription } from "type-graphql";
import { appFor, type GatewayContext } from "../context.js";
import { FilteredStream, LAGGED_CODE, StreamLagged } from "../realtime/stream.js";
import { type EventFilter, matches, maySee } from "../realtime/visibility.js";
import { content } from "../schema/convert.js";
import { EventConversationInput, EventType, ImEventUnion } from "../schema/event-types.js";
import { toMessage } from "./message.js";

interface EventArgs {
  app?: string | null;
  types?: EventType[] | null;
  conversation?: EventConversationInput | null;
}

/** Neutral event → the schema's event object (the union resolves on `type`). */
function toGraphQL(event: core.ImEvent): Record<string, unknown> {
  switch (event.type) {
    case "MESSAGE_SENT":
      return {
        type: event.type,
        app: event.appId,
        at: event.at,
        message: toMessage(event.message),
      };
    case "MESSAGE_EDITED": {
      const { appId: _appId, content: edited, ...rest } = event;
      return { ...rest, app: event.appId, content: edited ? content(edited) : null };
    }
    default: {
      const { appId: _appId, ...rest } = event;
      return { ...rest, app: event.appId };
    }
  }
}

/** Why a subscription ends early: its client did not keep up. */
function laggedError(lagged: StreamLagged): GraphQLError {
  return new GraphQLError(
    `This subscription fell ${lagged.maxBuffered} events behind and was ended; events after that were not delivered. Subscribe again.`,
    { extensions: { code: LAGGED_CODE } },
  );
}

@Resolver()
export class EventResolver {
  @Subscription(() => ImEventUnion, {
    description:
      "Real-time events of an app, from the vendor's callbacks (over graphql-ws on the GraphQL path). End users receive events of their own conversations and groups, live rooms' comings and goings, presence, and the progress of their own long operations; admins receive all. A subscriber that falls `realtime.maxBufferedEvents` events behind gets one error with code SUBSCRIPTION_LAGGED, then the end of the subscription: subscribe again (and read what was missed with the message queries).",
    subscribe: async ({ args, context }) => {
      const ctx = context as GatewayContext;
      const a = args as EventArgs;
      const realtime = ctx.realtime;
      if (!realtime) {
        throw new BadUserInputError("events", "Subscriptions run over WebSocket (graphql-ws).");
      }
      const adapter = appFor(ctx, a.app);
      const conversation = a.conversation ?? null;
      if (conversation && !["USER", "GROUP", "ROOM"].includes(conversation.type)) {
        throw new BadUserInputError(
          "conversation.type",
          "conversation must be USER, GROUP or ROOM (a live room).",
        );
      }
      const filter: EventFilter = {
        types: a.types && a.types.length > 0 ? new Set(a.types as core.ImEventType[]) : null,
        conversation,
      };
      const viewer = ctx.viewer;
      const { members } = realtime;
      const appId = adapter.info.id;
      // Listening to a group one is not in is refused up front (nothing would arrive). The
      // vendor answers, not a cached list (the user may have just been removed); its list
      // is then at hand for this group's events.
      if (conversation?.type === "GROUP" && viewer.role === "USER") {
        const member = await members.isMember(adapter, conversation.id, viewer.userId, {
          fresh: true,
        });
        if (!member) throw new ForbiddenError("You may only listen to groups you belong to.");
      }
      const release = members.watch(appId);
      let source: Awaited<ReturnType<typeof realtime.pubsub.subscribe>>;
      try {
        source = await realtime.pubsub.subscribe(appId);
      } catch (error) {
        release();
        throw error;
      }
      return new FilteredStream(
        source,
        async (event) => {
          // Every membership change keeps the shared lists current, whatever this
          // subscription's own filters keep.
          members.observe(appId, event);
          return matches(viewer, event, filter) && (await maySee(viewer, adapter, event, members))
            ? event
            : null;
        },
        release,
      );
    },
  })
  events(
    @Root() event: core.ImEvent | StreamLagged,
    @Arg("app", () => ID, {
      nullable: true,
      description: "The app to listen to; the default app when omitted.",
    })
    _app: string | null,
    @Arg("types", () => [EventType], {
      nullable: true,
      description: "Only these kinds of events; all kinds when omitted or empty.",
    })
    _types: EventType[] | null,
    @Arg("conversation", () => EventConversationInput, {
      nullable: true,
      description: "Only events of this conversation.",
    })
    _conversation: EventConversationInput | null,
    @Ctx() _ctx: GatewayContext,
  ): Record<string, unknown> {
    if (event instanceof StreamLagged) throw laggedError(event);
    return toGraphQL(event);
  }
}
