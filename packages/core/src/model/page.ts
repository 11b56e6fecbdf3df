/** One page of a list. `nextCursor` is opaque and null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface PageInput {
  /** At most this many items; adapters clamp to the vendor's page limit. */
  limit?: number;
  cursor?: string | null;
}
