/**
 * `GET /conversation/attribute/get.json` (rongcloud.md "Conversations and the message
 * lifecycle" §1.5): one user's pin, do-not-disturb level and tags of one conversation.
 * `top` and `mute` are absent when never set (doc); `tags` is absent when the conversation
 * carries none (unverified), elements `{tagId, tagName}` (U11).
 */
import { settingsOf } from "../conversation-state.js";
import { TAGGABLE_TYPES, tagsOfConversation } from "../conversation-tags.js";
import { REF_RULE } from "../params.js";
import type { RouteTable } from "../route.js";

export const conversationAttributeRoutes: RouteTable = {
  "/conversation/attribute/get.json": {
    get: true,
    handle({ app, p }) {
      const userId = p.required("userId", REF_RULE);
      const targetId = p.required("targetId", REF_RULE);
      const conversationType = p.oneOf("conversationType", TAGGABLE_TYPES);
      const c = { conversationType, targetId };
      const settings = settingsOf(app, userId, c);
      const tags = tagsOfConversation(app, userId, c);
      return {
        data: {
          targetId,
          conversationType,
          ...(settings?.top ? { top: settings.top } : {}),
          ...(settings?.unpushLevel !== undefined ? { mute: { mute: settings.unpushLevel } } : {}),
          ...(tags.length > 0 ? { tags } : {}),
        },
      };
    },
  },
};
