/**
 * A tiny vendor used to test the framework on its own: POST /count increments a per-app
 * counter (app from the `x-app` header, "unknown" answers 401); login/logout toggle presence.
 */
import { ControlError, type VendorEmulator, type VendorFactory } from "../framework/index.js";

export interface ToyState {
  counts: Map<string, number>;
  online: Set<string>;
  seeded: unknown[];
}

export const toyVendor =
  (state: ToyState = { counts: new Map(), online: new Set(), seeded: [] }): VendorFactory =>
  (ctx): VendorEmulator => ({
    vendor: "toy",
    routeKey: (req) => req.path,
    handle(req) {
      const app = String(req.headers["x-app"] ?? "");
      const headers = { "content-type": "application/json" };
      if (app === "unknown") return { status: 401, headers, body: '{"err":"auth"}' };
      if (req.path === "/count") {
        const decision = ctx.limits.consume(
          app,
          req.routeKey,
          [{ limit: 3, window: "second" }],
          1,
          req.receivedAt,
        );
        if (!decision.ok) return { status: 429, headers, body: '{"err":"rate"}', app };
        const n = (state.counts.get(app) ?? 0) + 1;
        state.counts.set(app, n);
        return {
          status: 200,
          headers,
          body: JSON.stringify({ count: n, now: req.receivedAt }),
          app,
        };
      }
      if (req.path === "/echo") {
        return { status: 200, headers, body: JSON.stringify({ body: req.rawBody }), app };
      }
      return { status: 404, headers, body: '{"err":"path"}', app };
    },
    faultAnswer: (fault) => ({
      status: fault.status ?? 400,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ err: fault.code, message: fault.message ?? "" }),
    }),
    bodyTooLarge: () => ({
      status: 413,
      headers: { "content-type": "application/json" },
      body: '{"err":"big"}',
    }),
    baseHeaders: () => ({ "x-toy": "1" }),
    reset(app) {
      if (app === undefined) state.counts.clear();
      else state.counts.delete(app);
    },
    seed(data) {
      state.seeded.push(data);
      return { seeded: state.seeded.length };
    },
    state: (app) => ({
      counts: Object.fromEntries(
        app === undefined ? state.counts : [[app, state.counts.get(app) ?? 0]],
      ),
      online: [...state.online],
    }),
    login(input) {
      if (typeof input.userId !== "string") throw new ControlError(400, "userId required");
      state.online.add(input.userId);
      return { online: state.online.size };
    },
    logout(input) {
      state.online.delete(String(input.userId));
      return { online: state.online.size };
    },
  });
