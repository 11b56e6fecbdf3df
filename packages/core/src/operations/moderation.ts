import type { AddSensitiveWordsInput, SensitiveWordList } from "../model/moderation.js";
import type { ItemResult } from "../results.js";
import { operation } from "./declare.js";

// The vendor's own sensitive-word list (RongCloud and Tencent keep one per app; what the
// vendor blocks or replaces when a message holds a listed word). Admins only.

const words = {
  area: "moderation",
  capability: "SENSITIVE_WORDS",
  access: "admin",
  action: "manage sensitive words",
} as const;

export const SENSITIVE_WORD_OPERATIONS = {
  addSensitiveWords: operation<AddSensitiveWordsInput, ItemResult<true>[]>()({
    ...words,
    kind: "write",
    summary:
      "Add words to the vendor's sensitive-word list: each blocks a message holding it, or is replaced where a replacement is given; per word.",
  }),
  removeSensitiveWords: operation<{ words: string[] }, ItemResult<true>[]>()({
    ...words,
    kind: "write",
    summary: "Remove words from the vendor's sensitive-word list, per word.",
  }),
  listSensitiveWords: operation<Record<string, never>, SensitiveWordList>()({
    ...words,
    kind: "read",
    summary:
      "The vendor's sensitive-word list, with the most words it keeps and how long a change takes to apply.",
  }),
};
