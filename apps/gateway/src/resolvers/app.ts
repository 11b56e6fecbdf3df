import { OPERATIONS } from "@imgraph/core";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { policy } from "../auth/policy.js";
import type { GatewayContext } from "../context.js";
import { App, type Vendor, Viewer, ViewerRole } from "../schema/types.js";

@Resolver()
export class AppResolver {
  @Query(() => [App], {
    description: "The configured apps (vendor accounts). Requires authentication.",
  })
  apps(@Ctx() ctx: GatewayContext): App[] {
    return ctx.apps
      .list()
      .filter((info) => {
        try {
          policy.authenticated(ctx.viewer, info.id);
          return true;
        } catch (error) {
          if (ctx.viewer.role === "ANONYMOUS") throw error;
          return false;
        }
      })
      .map((info) => ({
        id: info.id,
        vendor: info.vendor as Vendor,
        region: info.region,
        publicAppId: info.publicAppId,
        capabilities: [...info.capabilities],
        isDefault: info.id === ctx.apps.defaultAppId,
        operations: ctx.apps.get(info.id).operations.map((op) => ({
          ...op,
          area: OPERATIONS[op.name].area,
          kind: OPERATIONS[op.name].kind,
        })),
      }));
  }

  @Query(() => App, {
    nullable: true,
    description: "One app by id (the default app when omitted).",
  })
  app(
    @Arg("id", () => ID, {
      nullable: true,
      description: "The app id; the default app when omitted.",
    })
    id: string | null,
    @Ctx() ctx: GatewayContext,
  ): App | null {
    const wanted = id ?? ctx.apps.defaultAppId;
    return this.apps(ctx).find((a) => a.id === wanted) ?? null;
  }

  @Query(() => Viewer, { description: "Who is calling. Answers for anonymous callers too." })
  viewer(@Ctx() ctx: GatewayContext): Viewer {
    const v = ctx.viewer;
    if (v.role === "ANONYMOUS") return { role: ViewerRole.ANONYMOUS, userId: null, appId: null };
    if (v.role === "USER") return { role: ViewerRole.USER, userId: v.userId, appId: v.appId };
    return { role: ViewerRole.ADMIN, userId: v.userId, appId: null };
  }
}
