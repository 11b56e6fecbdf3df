import type { IncomingHttpHeaders } from "node:http";

/** What happened to a request, as seen from the client's side of the socket. */
export type RequestOutcome = "answered" | "reset" | "no-answer" | "pending";

/** One vendor request as the emulator saw it. Nothing is redacted: it is a local test tool. */
export interface RequestLogEntry {
  seq: number;
  /** Emulated clock time when the request arrived, epoch ms. */
  time: number;
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  headers: IncomingHttpHeaders;
  /** Raw body as text (UTF-8). */
  body: string;
  routeKey: string;
  /** App the vendor emulator attributed the request to, once known (after authentication). */
  app?: string;
  status?: number;
  responseBody?: string;
  outcome: RequestOutcome;
  /** Kind of fault applied, if any. */
  fault?: string;
  durationMs?: number;
}

export interface RequestLogFilter {
  route?: string;
  app?: string;
  /** Entries whose `time` is >= since (epoch ms). */
  since?: number;
  /** Entries whose `seq` is > afterSeq. */
  afterSeq?: number;
  /** Newest N entries (after the other filters), returned oldest first. */
  limit?: number;
}

/** Bounded ring buffer of requests: memory stays flat however long an emulator runs. */
export class RequestLog {
  private readonly entries: (RequestLogEntry | undefined)[];
  private next = 0;
  private size = 0;
  private seq = 0;

  constructor(readonly capacity = 10_000) {
    this.entries = new Array(capacity);
  }

  /** Append an entry (its `seq` is assigned here) and return it so it can be completed later. */
  record(entry: Omit<RequestLogEntry, "seq">): RequestLogEntry {
    const full: RequestLogEntry = { seq: ++this.seq, ...entry };
    this.entries[this.next] = full;
    this.next = (this.next + 1) % this.capacity;
    if (this.size < this.capacity) this.size++;
    return full;
  }

  list(filter: RequestLogFilter = {}): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const start = (this.next - this.size + this.capacity) % this.capacity;
    for (let i = 0; i < this.size; i++) {
      const e = this.entries[(start + i) % this.capacity];
      if (!e) continue;
      if (filter.route !== undefined && e.routeKey !== filter.route) continue;
      if (filter.app !== undefined && e.app !== filter.app) continue;
      if (filter.since !== undefined && e.time < filter.since) continue;
      if (filter.afterSeq !== undefined && e.seq <= filter.afterSeq) continue;
      out.push(e);
    }
    return filter.limit !== undefined && filter.limit >= 0
      ? out.slice(-filter.limit || out.length)
      : out;
  }

  clear(): void {
    this.entries.fill(undefined);
    this.next = 0;
    this.size = 0;
  }

  get length(): number {
    return this.size;
  }
}
