import type { ImAdapter } from "@imgraph/core";
import type { Logger } from "pino";
import { AddressRanges, parseRange } from "./addresses.js";

const RETRY_MS = 60_000;

/**
 * The addresses a vendor says its callbacks come from (Tencent: ConfigSvc/GetIPList), read
 * at start and again every `refreshMs`. Until the first read succeeds the list is unknown
 * (callbacks relying on it are answered 503, so the vendor retries); a failed refresh keeps
 * the last good list and tries again sooner.
 */
export class VendorSources {
  #ranges: AddressRanges | null = null;
  #timer: NodeJS.Timeout | undefined;
  #closed = false;
  #loading: Promise<void> | undefined;

  constructor(
    private readonly adapter: ImAdapter,
    private readonly refreshMs: number,
    private readonly log: Logger,
  ) {
    if (!adapter.webhookSources)
      throw new TypeError(`${adapter.vendor} publishes no callback source addresses`);
  }

  /** Null until the vendor's list was read once. */
  get ranges(): AddressRanges | null {
    return this.#ranges;
  }

  /** Starts reading; resolves after the first attempt (successful or not). */
  start(): Promise<void> {
    this.#loading ??= this.#load();
    return this.#loading;
  }

  close(): void {
    this.#closed = true;
    clearTimeout(this.#timer);
  }

  async #load(): Promise<void> {
    let next = this.refreshMs;
    try {
      const list = await (this.adapter.webhookSources as NonNullable<ImAdapter["webhookSources"]>)({
        signal: AbortSignal.timeout(15_000),
      });
      const wide = list.find((text) => {
        const range = parseRange(text);
        return typeof range !== "string" && range.prefix < (range.family === "ipv4" ? 8 : 16);
      });
      // A vendor list that opens to a huge range would quietly switch the guard off.
      if (wide) throw new Error(`the vendor's list holds ${wide}, wider than any callback egress`);
      this.#ranges = new AddressRanges(list);
      this.log.info(
        { app: this.adapter.info.id, ranges: list.length },
        "vendor callback source addresses loaded",
      );
    } catch (error) {
      next = Math.min(RETRY_MS, this.refreshMs);
      this.log.warn(
        { app: this.adapter.info.id, error: (error as Error).message, kept: this.#ranges !== null },
        "vendor callback source addresses not loaded",
      );
    }
    if (this.#closed) return;
    this.#timer = setTimeout(() => {
      this.#loading = this.#load();
    }, next);
    this.#timer.unref();
  }
}
