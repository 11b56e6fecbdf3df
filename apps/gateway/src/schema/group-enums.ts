import type * as core from "@imgraph/core";
import { COUNTER_MODES, JOIN_POLICIES } from "@imgraph/core";
import { enumFrom } from "./enums.js";

// The group-depth enums, in a file of their own so that types.ts (Group) and
// group-depth-types.ts can both use them without importing each other.

export type JoinPolicy = core.JoinPolicy;
export const JoinPolicy = enumFrom(JOIN_POLICIES, "JoinPolicy", "Who may join a group.", {
  OPEN: "Anyone may join.",
  APPROVAL: "The owner or an admin approves each request.",
  CLOSED: "Nobody may ask to join; members are added.",
});

export type CounterMode = core.CounterMode;
export const CounterMode = enumFrom(COUNTER_MODES, "CounterMode", "How a counter changes.", {
  SET: "Set it to the value.",
  INCREASE: "Add the value.",
  DECREASE: "Subtract the value.",
});
