import { RongCloudAdapter, type RongCloudAdapterOptions } from "@imgraph/adapter-rongcloud";
import { TencentAdapter, type TencentAdapterOptions } from "@imgraph/adapter-tencent";
import { ZegoAdapter, type ZegoAdapterOptions } from "@imgraph/adapter-zego";
import type { AppInfo, ImAdapter, VendorClientOptions } from "@imgraph/core";
import { BadUserInputError } from "@imgraph/core";
import type { AppConfig } from "./config/types.js";

export type AttemptHook = NonNullable<VendorClientOptions["onAttempt"]>;

/** Builds one vendor's adapter from its config options. The only place that maps vendor → adapter. */
const FACTORIES: Record<AppConfig["vendor"], (options: Record<string, unknown>) => ImAdapter> = {
  rongcloud: (options) => new RongCloudAdapter(options as unknown as RongCloudAdapterOptions),
  tencent: (options) => new TencentAdapter(options as unknown as TencentAdapterOptions),
  zego: (options) => new ZegoAdapter(options as unknown as ZegoAdapterOptions),
};

/** The configured apps, each with its adapter; the default app answers when a query names none. */
export class AppRegistry {
  readonly #apps = new Map<string, ImAdapter>();
  readonly defaultAppId: string;

  constructor(apps: ImAdapter[], defaultAppId: string) {
    for (const adapter of apps) this.#apps.set(adapter.info.id, adapter);
    if (!this.#apps.has(defaultAppId))
      throw new TypeError(`default app ${defaultAppId} is not configured`);
    this.defaultAppId = defaultAppId;
  }

  static fromConfig(
    apps: AppConfig[],
    defaultAppId: string,
    extra: { idSecret?: string; onAttempt?: AttemptHook } = {},
  ): AppRegistry {
    const adapters = apps.map((app) => {
      return FACTORIES[app.vendor]({
        ...app.options,
        ...(extra.idSecret ? { idSecret: extra.idSecret } : {}),
        ...(extra.onAttempt ? { onAttempt: extra.onAttempt } : {}),
      });
    });
    return new AppRegistry(adapters, defaultAppId);
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
