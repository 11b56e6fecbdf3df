import type { OperationName } from "@imgraph/core";
import type { Op } from "./context.js";
import * as classicLists from "./group-lists.js";
import * as classic from "./groups.js";
import * as hosted from "./hosted-groups.js";

// The group operations that both kinds of RongCloud group have: classic groups (/group/*) by
// default, hosted groups (/entrust/group/*) with features.hostedGroups — so that the groups
// the adapter creates are the kind its profile, attribute and role operations work on.

function byMode<N extends OperationName>(classicOp: Op<N>, hostedOp: Op<N>): Op<N> {
  return (ctx, input, options) =>
    ctx.features.hostedGroups ? hostedOp(ctx, input, options) : classicOp(ctx, input, options);
}

export const createGroup = byMode(classic.createGroup, hosted.createGroup);
export const getGroup = byMode(classic.getGroup, hosted.getGroup);
export const listGroupMembers = byMode(classic.listGroupMembers, hosted.listGroupMembers);
export const addGroupMembers = byMode(classic.addGroupMembers, hosted.addGroupMembers);
export const removeGroupMembers = byMode(classic.removeGroupMembers, hosted.removeGroupMembers);
export const dismissGroup = byMode(classic.dismissGroup, hosted.dismissGroup);
export const checkGroupMembers = byMode(classic.checkGroupMembers, hosted.checkGroupMembers);
export const listUserGroups = byMode(classicLists.listUserGroups, hosted.listUserGroups);
