import type { ImError } from "./errors.js";

/** One item of a batch: partial success is normal, so each key carries its own outcome. */
export type ItemResult<T> =
  | { key: string; ok: true; value: T }
  | { key: string; ok: false; error: ImError };

export function itemOk<T>(key: string, value: T): ItemResult<T> {
  return { key, ok: true, value };
}

export function itemError<T>(key: string, error: ImError): ItemResult<T> {
  return { key, ok: false, error };
}
