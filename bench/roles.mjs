// @ts-check
// Servers the gateway benchmark runs in processes of their own (forked by load.mjs), so
// that the load generator does not share an event loop with what it measures:
//
//   node roles.mjs emulators   every emulator (demo credentials, rate limits off)
//   node roles.mjs limited-emulators   Tencent and ZEGO with rate limits on; counts their refusals
//   node roles.mjs tencent     Tencent alone, options over IPC (rate limits, WAN-like mode, and
//                              optionally a TCP relay in front that delays every packet); keeps
//                              every request's arrival time and route for the windows it reports
//   node roles.mjs gateway     the gateway (built package), config sent over IPC
//   node roles.mjs yoga        the gateway's schema on a bare graphql-yoga server
//   node roles.mjs execution   measures execution.mjs once and reports the result
//
// Each reports what it serves as its first IPC message and exits when the parent
// disconnects (or dies). Loopback only.
import { createServer } from "node:http";

const role = process.argv[2];

/**
 * A TCP relay to `port` on loopback that holds every chunk `oneWayMs` in each direction, in
 * order: a distance every round trip pays, the TCP and TLS handshakes included (a new
 * connection's first bytes wait one round trip, as after SYN / SYN-ACK).
 * @param {number} port @param {number} oneWayMs
 */
async function delayRelay(port, oneWayMs) {
  const { connect, createServer: createTcpServer } = await import("node:net");
  /** @param {import("node:net").Socket} from @param {import("node:net").Socket} to */
  const delayed = (from, to) => {
    from.on("data", (chunk) => setTimeout(() => to.writable && to.write(chunk), oneWayMs));
    // Half-closes cross too, after the data before them; a reset resets the other side.
    from.on("end", () => setTimeout(() => to.end(), oneWayMs));
    from.on("error", () => setTimeout(() => to.destroy(), oneWayMs));
  };
  // allowHalfOpen: a FIN from one side must not end the other direction's delayed data.
  const server = createTcpServer({ allowHalfOpen: true }, (client) => {
    // The TCP handshake's round trip: the client's first bytes leave one round trip later.
    client.pause();
    client.setNoDelay(true);
    client.on("error", () => {}); // before upstream exists; then the relay passes it on
    setTimeout(() => {
      if (client.destroyed) return;
      const upstream = connect({ port, host: "127.0.0.1", allowHalfOpen: true });
      upstream.setNoDelay(true);
      delayed(client, upstream);
      delayed(upstream, client);
      client.resume();
    }, 2 * oneWayMs);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  return { port: address.port, close: () => server.close() };
}

/** @param {() => Promise<void>} close */
function exitOnDisconnect(close) {
  process.on("disconnect", () => {
    const force = setTimeout(() => process.exit(0), 5_000);
    force.unref();
    close().finally(() => process.exit(0));
  });
}

if (role === "limited-emulators") {
  // Tencent and ZEGO with their published rate limits on (the vendors' 429s counted).
  const { emulatorRegistry } = await import("@imgraph/emulators");
  const running = await Promise.all(
    emulatorRegistry
      .filter((r) => r.vendor === "tencent" || r.vendor === "zego")
      .map(async (r) => {
        const emulator = await r.start({ host: "127.0.0.1", port: 0 });
        emulator.setRateLimits(true);
        return { vendor: r.vendor, demo: r.demo, emulator };
      }),
  );
  exitOnDisconnect(async () => {
    await Promise.all(running.map((r) => r.emulator.close()));
  });
  process.on("message", (m) => {
    const { cmd, since } = /** @type {{ cmd?: string, since?: number }} */ (m);
    if (cmd !== "refusals") return;
    // Rate-limit refusals since `since`: Tencent 60007/60011, ZEGO app/Action limits.
    const limited = /"(ErrorCode|Code)":\s*(60007|60011|660300005|660300006|7)\b/;
    const counts = running.map((r) => {
      const log = r.emulator.requests({ since: since ?? 0 });
      return {
        vendor: r.vendor,
        calls: log.length,
        refused: log.filter((e) => e.status === 429 || limited.test(e.responseBody ?? "")).length,
      };
    });
    process.send?.({ counts });
  });
  process.send?.({
    emulators: running.map((r) => ({ vendor: r.vendor, demo: r.demo, url: r.emulator.url })),
  });
} else if (role === "tencent") {
  // Tencent alone: `{ rateLimits, tls, latencyMs }` over IPC. The request log is a ring of
  // 10,000, so what it holds is drained every 100 ms into per-route counts per epoch
  // millisecond of arrival, answered (from `since`) by { cmd: "calls" }.
  const { findEmulator } = await import("@imgraph/emulators");
  const input =
    /** @type {{ rateLimits?: boolean, tls?: { cert: string, key: string }, latencyMs?: number, relayRttMs?: number }} */ (
      await new Promise((resolve) => process.once("message", resolve))
    );
  const registration = /** @type {NonNullable<ReturnType<typeof findEmulator>>} */ (
    findEmulator("tencent")
  );
  const emulator = await registration.start({
    host: "127.0.0.1",
    port: 0,
    ...(input.tls ? { tls: input.tls } : {}),
    latencyMs: input.latencyMs ?? 0,
  });
  emulator.setRateLimits(input.rateLimits ?? false);
  const limited = /"ErrorCode":\s*(60007|60011)\b/;
  /** @type {{ time: number, route: string, refused: boolean }[]} */
  const seen = [];
  let done = 0;
  const drain = () => {
    for (const e of emulator.requests({ afterSeq: done })) {
      if (e.outcome === "pending") break; // its answer is still to come: read it next time
      done = e.seq;
      const refused = e.status === 429 || limited.test(e.responseBody ?? "");
      seen.push({ time: e.time, route: e.routeKey, refused });
    }
  };
  const timer = setInterval(drain, 100);
  const relay = input.relayRttMs
    ? await delayRelay(emulator.port, input.relayRttMs / 2)
    : undefined;
  exitOnDisconnect(async () => {
    clearInterval(timer);
    relay?.close();
    await emulator.close();
  });
  process.on("message", (m) => {
    const { cmd, since } = /** @type {{ cmd?: string, since?: number }} */ (m);
    if (cmd !== "calls") return;
    drain();
    process.send?.({ calls: seen.filter((c) => c.time >= (since ?? 0)) });
  });
  process.send?.({
    vendor: "tencent",
    demo: registration.demo,
    url: emulator.url,
    ...(relay ? { relayUrl: emulator.url.replace(`:${emulator.port}`, `:${relay.port}`) } : {}),
  });
} else if (role === "emulators") {
  const { emulatorRegistry } = await import("@imgraph/emulators");
  const running = await Promise.all(
    emulatorRegistry.map(async (r) => {
      const emulator = await r.start({ host: "127.0.0.1", port: 0 });
      emulator.setRateLimits(false);
      return { vendor: r.vendor, demo: r.demo, emulator };
    }),
  );
  exitOnDisconnect(async () => {
    await Promise.all(running.map((r) => r.emulator.close()));
  });
  process.send?.({
    emulators: running.map((r) => ({ vendor: r.vendor, demo: r.demo, url: r.emulator.url })),
  });
} else if (role === "gateway") {
  const { startGateway } = await import("@imgraph/gateway");
  const config = await new Promise((resolve) => process.once("message", resolve));
  const gateway = await startGateway(/** @type {any} */ (config).config);
  exitOnDisconnect(() => gateway.close());
  process.on("message", (m) => {
    if (/** @type {{ cmd?: string }} */ (m).cmd === "memory") {
      // Collect garbage first (run with --expose-gc) so the figure is what stays allocated.
      const gc = /** @type {{ gc?: () => void }} */ (globalThis).gc;
      gc?.();
      gc?.();
      const { rss, heapUsed } = process.memoryUsage();
      process.send?.({ rss, heapUsed, gc: gc !== undefined });
    } else if (/** @type {{ cmd?: string }} */ (m).cmd === "clock") {
      // The monotonic clock, µs: the time base of a --cpu-prof profile's samples.
      process.send?.({ micros: Number(process.hrtime.bigint() / 1000n) });
    } else if (/** @type {{ cmd?: string }} */ (m).cmd === "cpu") {
      // CPU time this process has used (user + system, µs): the cost of its work, whatever
      // else the machine is doing.
      const { user, system } = process.cpuUsage();
      process.send?.({ cpuMicros: user + system });
    }
  });
  process.send?.({ url: gateway.url });
} else if (role === "execution") {
  // In-process execution of the 500-profile answer (execution.mjs), with this process's
  // NODE_ENV (graphql-js reads it once, when loaded).
  const { measureExecution } = await import("./execution.mjs");
  const options = await new Promise((resolve) => process.once("message", resolve));
  process.send?.(await measureExecution(/** @type {any} */ (options)));
  process.disconnect?.();
} else if (role === "yoga") {
  const { createYoga } = await import("graphql-yoga");
  const { buildGatewaySchema } = await import("@imgraph/gateway");
  const yoga = createYoga({
    schema: buildGatewaySchema(),
    graphqlEndpoint: "/graphql",
    graphiql: false,
    logging: false,
    landingPage: false,
    // What the gateway's resolvers read for an anonymous caller; the trivial query needs no more.
    context: () => ({
      viewer: { role: "ANONYMOUS" },
      meta: { operationName: null, operationType: null, errorCodes: [] },
    }),
  });
  const server = createServer(yoga);
  server.keepAliveTimeout = 65_000;
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = /** @type {import("node:net").AddressInfo} */ (server.address());
  exitOnDisconnect(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  process.send?.({ url: `http://127.0.0.1:${address.port}/graphql` });
} else {
  console.error(`unknown role ${role}`);
  process.exit(2);
}
