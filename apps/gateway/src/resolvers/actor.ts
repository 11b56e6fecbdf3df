import type { GatewayContext } from "../context.js";

/** The caller's user id, for vendors that record who made a change. */
export function actor(ctx: GatewayContext): { actorId?: string } {
  const v = ctx.viewer;
  return v.role !== "ANONYMOUS" && v.userId ? { actorId: v.userId } : {};
}
