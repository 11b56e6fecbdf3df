// The RTC privilege payload carried inside a Token04 (zego.md §3.6):
// {"room_id": string, "privilege": {"1": 0|1 login, "2": 0|1 publish}, "stream_id_list": string[] | null}

/** What an RTC privilege token allows. `streamIds: null` means "any stream id". */
export interface RtcPrivilege {
  roomId: string;
  canLogin: boolean;
  canPublish: boolean;
  streamIds: string[] | null;
}

/**
 * Builds the payload string for an RTC privilege Token04. Defaults: login allowed,
 * publish not allowed, no stream-id restriction (`null`).
 */
export function rtcPrivilegePayload(p: {
  roomId: string;
  canLogin?: boolean;
  canPublish?: boolean;
  streamIds?: string[] | null;
}): string {
  if (typeof p.roomId !== "string" || p.roomId.length === 0) {
    throw new TypeError("roomId must be a non-empty string");
  }
  const streamIds = p.streamIds ?? null;
  if (streamIds !== null && !streamIds.every((id) => typeof id === "string")) {
    throw new TypeError("streamIds must be an array of strings or null");
  }
  return JSON.stringify({
    room_id: p.roomId,
    privilege: { "1": p.canLogin === false ? 0 : 1, "2": p.canPublish === true ? 1 : 0 },
    stream_id_list: streamIds,
  });
}

function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === 0) return false;
  if (value === 1) return true;
  return undefined;
}

/**
 * Parses an RTC privilege payload. Returns undefined when it is not one (not JSON, no
 * string `room_id`, privilege values other than 0/1, bad stream list). An absent
 * privilege entry reads as 0 (not allowed); an absent `stream_id_list` as null.
 */
export function parseRtcPrivilegePayload(payload: string): RtcPrivilege | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(payload);
  } catch {
    return undefined;
  }
  if (typeof doc !== "object" || doc === null || Array.isArray(doc)) return undefined;
  const o = doc as Record<string, unknown>;
  if (typeof o.room_id !== "string") return undefined;
  const privilege = o.privilege ?? {};
  if (typeof privilege !== "object" || privilege === null || Array.isArray(privilege)) {
    return undefined;
  }
  const bits = privilege as Record<string, unknown>;
  const canLogin = flag(bits["1"]);
  const canPublish = flag(bits["2"]);
  if (canLogin === undefined || canPublish === undefined) return undefined;
  const list = o.stream_id_list ?? null;
  let streamIds: string[] | null = null;
  if (list !== null) {
    if (!Array.isArray(list) || !list.every((id): id is string => typeof id === "string")) {
      return undefined;
    }
    streamIds = list;
  }
  return { roomId: o.room_id, canLogin, canPublish, streamIds };
}
