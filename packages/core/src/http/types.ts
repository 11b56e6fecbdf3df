import type { ImError } from "../errors.js";
import type { Vendor } from "../model/app.js";

export type QueryValue = string | number | boolean | undefined | readonly (string | number)[];
export type QueryParams = Record<string, QueryValue>;

export type RequestBody =
  /** application/x-www-form-urlencoded; arrays repeat the key. */
  { type: "form"; fields: QueryParams } | { type: "json"; value: unknown };

/** What a signer adds to one attempt. Called afresh for every attempt. */
export interface SignedParts {
  headers?: Record<string, string>;
  query?: QueryParams;
}

export interface VendorRequest {
  /** The neutral operation, for errors and logs. */
  operation: string;
  method?: "GET" | "POST";
  /** Path on the vendor host, e.g. `/user/getToken.json`. */
  path: string;
  query?: QueryParams;
  body?: RequestBody;
  /**
   * True when repeating the request cannot change the outcome: reads, and writes the
   * vendor deduplicates. Only these are retried after a request may have reached the
   * vendor; everything is retried when it provably did not.
   */
  idempotent: boolean;
  requestId?: string;
  signal?: AbortSignal;
  /** Overall time budget of the call, across retries. */
  deadlineMs?: number;
  /** Answer keys whose long integers (uint64) are read as decimal strings, exactly. */
  exactIntegerKeys?: readonly string[];
}

export interface VendorResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Parsed JSON body. */
  body: unknown;
  origin: string;
}

/**
 * How a vendor's envelope answered. On failure, `retry` says whether the call may be
 * repeated: `"safe"` when the vendor refused before acting (a rate limit), `"transient"`
 * when it failed internally (repeat only idempotent calls), `"never"` (default) when the
 * answer is final.
 */
export type Decoded =
  | { ok: true; value: unknown }
  | { ok: false; error: ImError; retry?: "safe" | "transient" | "never" };

export interface AttemptInfo {
  vendor: Vendor;
  operation: string;
  origin: string;
  path: string;
  attempt: number;
  status: number | null;
  durationMs: number;
  outcome: "ok" | "vendor_error" | "http_error" | "transport_error" | "malformed";
  requestId: string;
  /** A retry sent to another origin than the attempt before it (the vendor's backup host). */
  failover: boolean;
  /** The vendor's own error code, on a vendor_error; else null. */
  vendorCode: string | null;
}
