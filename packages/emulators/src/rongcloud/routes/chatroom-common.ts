/** What every chatroom route shares: the clock's sweep and the unknown-room answer. */
import { sweepChatrooms } from "../chatroom-state.js";
import { RcError } from "../errors.js";
import type { RouteContext, RouteDef } from "../route.js";
import type { AppState, Chatroom } from "../state.js";

/** Every chatroom route sees rooms as of its own time. */
export const swept = (def: RouteDef): RouteDef => ({
  ...def,
  handle(ctx: RouteContext) {
    sweepChatrooms(ctx.app, ctx.now, ctx.callbacks);
    return def.handle(ctx);
  },
});

/** 23410 "Chatroom does not exist", with HTTP 200 (#17 §2.3, §U9). */
export function existing(app: AppState, chatroomId: string): Chatroom {
  const room = app.chatrooms.get(chatroomId);
  if (!room) throw new RcError(200, 23410, `Chatroom does not exist: ${chatroomId}`);
  return room;
}
