import type { GroupAttributes } from "@imgraph/core";

// Custom member fields are Tencent's AppMemberDefinedData: [{Key, Value}], keys declared in
// the console (options.groupMemberFields); Value "" deletes a field.

/** The declared fields of one member as neutral fields ("" values are absent). */
export function memberFields(data: unknown, declared: readonly string[]): GroupAttributes {
  const fields: GroupAttributes = {};
  for (const d of Array.isArray(data) ? (data as Array<{ Key?: unknown; Value?: unknown }>) : []) {
    if (typeof d?.Key !== "string" || !declared.includes(d.Key)) continue;
    if (typeof d.Value === "string" && d.Value !== "") fields[d.Key] = d.Value;
  }
  return fields;
}

/** Neutral fields as AppMemberDefinedData items. */
export function toMemberData(fields: GroupAttributes): Array<{ Key: string; Value: string }> {
  return Object.entries(fields).map(([Key, Value]) => ({ Key, Value }));
}
