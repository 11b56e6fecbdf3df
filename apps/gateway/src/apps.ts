import { rongcloudModule } from "@imgraph/adapter-rongcloud";
import { tencentModule } from "@imgraph/adapter-tencent";
import { zegoModule } from "@imgraph/adapter-zego";
import type {
  AppInfo,
  ImAdapter,
  RateShaper,
  RuntimeOptions,
  Vendor,
  VendorModule,
} from "@imgraph/core";
import { BadUserInputError, clientHooks } from "@imgraph/core";
import type { AppConfig } from "./config/types.js";
import { type RateShaping, shaperFor } from "./rate-shaping.js";
import type { ReadCache } from "./read-cache/read-cache.js";
import { SharedReads } from "./read-coalescer.js";
import { MessageSightings } from "./realtime/message-sightings.js";
import { MemoryReplayStore, type ReplayStore } from "./realtime/replay.js";
import { spareCapacity } from "./spare-capacity.js";

/**
 * Every vendor the gateway speaks, as its adapter package describes it (option schema,
 * secrets, factory). The only place that maps a vendor name to its package.
 */
export const VENDOR_MODULES: { readonly [V in Vendor]: VendorModule<unknown> } = {
  rongcloud: rongcloudModule,
  tencent: tencentModule,
  zego: zegoModule,
};

/** Builds one app's adapter: its options are checked by the vendor's own schema. */
function build<O>(module: VendorModule<O>, options: unknown, runtime: RuntimeOptions): ImAdapter {
  const checked = module.configSchema.safeParse(options);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new TypeError(`${module.vendor} options: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return module.create({ ...checked.data, ...runtime });
}

/** The configured apps, each with its adapter; the default app answers when a query names none. */
export class AppRegistry {
  readonly #apps = new Map<string, ImAdapter>();
  /** Each app's rate shaper, where shaping is on (metrics read their bucket levels). */
  readonly shapers: readonly RateShaper[];
  /** Profile and presence reads merged across requests (none: each request reads alone). */
  readonly reads: SharedReads | undefined;
  /** Profiles and group info served within their staleness bound (none: off). */
  readonly cache: ReadCache | undefined;
  /** Answers of idempotent writes by their caller's key (Redis when configured). */
  readonly idempotency: ReplayStore;
  /** What was heard of each message, where edits come back as sends (see message-sightings). */
  readonly sightings: MessageSightings;
  readonly defaultAppId: string;

  constructor(
    apps: ImAdapter[],
    defaultAppId: string,
    shapers: readonly RateShaper[] = [],
    reads?: SharedReads,
    cache?: ReadCache,
    idempotency: ReplayStore = new MemoryReplayStore(),
    sightings = new MessageSightings(new MemoryReplayStore()),
  ) {
    for (const adapter of apps) this.#apps.set(adapter.info.id, adapter);
    this.shapers = shapers;
    this.reads = reads;
    this.cache = cache;
    this.idempotency = idempotency;
    this.sightings = sightings;
    if (!this.#apps.has(defaultAppId))
      throw new TypeError(`default app ${defaultAppId} is not configured`);
    this.defaultAppId = defaultAppId;
  }

  static fromConfig(
    apps: AppConfig[],
    defaultAppId: string,
    extra: Pick<RuntimeOptions, "idSecret" | "onAttempt" | "contextHeaders"> & {
      rateShaping?: RateShaping;
      /** Merge concurrent profile and presence reads within this many ms (absent: don't). */
      readCoalesceMs?: number;
      readCache?: ReadCache;
      idempotency?: ReplayStore;
      sightings?: MessageSightings;
    } = {},
  ): AppRegistry {
    const shapers: RateShaper[] = [];
    const adapters = apps.map((app) => {
      const module = VENDOR_MODULES[app.vendor];
      const rateShaper = shaperFor(app, module, extra.rateShaping);
      if (rateShaper) shapers.push(rateShaper);
      return build(module, app.options, {
        id: app.id,
        ...(extra.idSecret ? { idSecret: extra.idSecret } : {}),
        ...(rateShaper ? { rateShaper } : {}),
        ...clientHooks(extra),
      });
    });
    // 0 (or absent): each request reads alone.
    const shaperOf = (adapter: ImAdapter) => shapers.find((s) => s.app === adapter.info.id);
    const reads = extra.readCoalesceMs
      ? new SharedReads(extra.readCoalesceMs, (adapter) => spareCapacity(shaperOf(adapter)))
      : undefined;
    return new AppRegistry(
      adapters,
      defaultAppId,
      shapers,
      reads,
      extra.readCache,
      extra.idempotency,
      extra.sightings,
    );
  }

  /** The app named by a query's `app` argument, or the default. */
  get(appId?: string | null): ImAdapter {
    const id = appId ?? this.defaultAppId;
    const adapter = this.#apps.get(id);
    if (!adapter) throw new BadUserInputError("app", `No app "${id}" is configured.`);
    return adapter;
  }

  list(): AppInfo[] {
    return [...this.#apps.values()].map((a) => a.info);
  }

  async close(): Promise<void> {
    await Promise.all([...this.#apps.values()].map((a) => a.close()));
  }
}
