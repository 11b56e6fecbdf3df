export type { CallOptions, ImAdapter, VendorLimits } from "./adapter.js";
export { type AdapterParts, VendorAdapter } from "./adapter-base.js";
export {
  type BatchOptions,
  chunked,
  distinct,
  forEachLimited,
  runBatched,
  runEach,
  runIdBatches,
} from "./batch.js";
export { callbackRefused, verifiedCallback } from "./callback-checks.js";
export * from "./callback-fields.js";
export { CAPABILITIES, type Capability, isCapability } from "./capabilities.js";
export { checkEncodedSize, checkPushText, unknownContentType } from "./content-checks.js";
export {
  checkConversationFolder,
  checkLogHour,
  checkMarks,
  checkOptionalTime,
  checkUnreadCount,
  checkUserConversation,
  type FolderRules,
  type ListedConversation,
} from "./conversation-inputs.js";
export { type CursorFields, cursorError, decodeCursor, encodeCursor } from "./cursor.js";
export * from "./errors.js";
export {
  COUNTER_MODES,
  checkAttributeKeys,
  checkAttributesRead,
  checkCounterChanges,
  checkGroupAttributes,
  checkGroupMemberProfile,
  checkGroupProfileUpdate,
  checkImportGroup,
  checkMemberRole,
  GROUP_PROFILE_FIELDS,
  type GroupAttributeRules,
  type GroupProfileRules,
  type ImportGroupRules,
  JOIN_POLICIES,
  type MemberProfileRules,
  pickAttributes,
  type TextRule,
} from "./group-depth-inputs.js";
export * from "./http/index.js";
export { IdCodec, type IdCodecOptions, type IdFields } from "./ids.js";
export {
  isJsonObject,
  JSON_DEPTH_MAX,
  jsonDepth,
  parseJsonObject,
  parseJsonValue,
} from "./json-object.js";
export {
  checkLiveRoomPriority,
  checkLiveRoomRestrict,
  checkLiveRoomUsers,
  type LiveRoomRestrictRules,
  type LiveRoomUserRules,
} from "./live-room-inputs.js";
export {
  type MessageIdContext,
  type MessageIdScheme,
  type MessageIds,
  type MessageOrigin,
  messageIds,
} from "./message-ids.js";
export {
  checkExtensionKeys,
  checkExtensionWrites,
  checkImport,
  checkMessageIdList,
  type ExtensionRules,
} from "./message-lifecycle-inputs.js";
export type * from "./model/index.js";
export {
  actorOrOperator,
  checkActor,
  checkGroupUsers,
  checkHistoryConversation,
  checkUserList,
  type GroupUserRules,
} from "./operation-inputs.js";
export * from "./operations/index.js";
export { type ProgressReporter, progressReporter, withProgress } from "./progress.js";
export {
  checkPushAttributes,
  checkPushBase,
  checkPushTags,
  checkPushTaskId,
  checkPushUsers,
  checkSetPushAttributes,
  IDEMPOTENCY_KEY,
  type PushRules,
} from "./push-inputs.js";
export * from "./rate/index.js";
export { reactionKey, reactionsOf, reactionsOverExtensions } from "./reactions.js";
export { type ItemResult, itemError, itemOk } from "./results.js";
export {
  checkSensitiveWordsToAdd,
  checkSensitiveWordsToRemove,
  type SensitiveWordRules,
} from "./sensitive-word-inputs.js";
export { sentItem, type Unnamed } from "./sent-items.js";
export {
  checkFriendIds,
  checkFriendList,
  checkOwnerAndUsers,
  type FriendRules,
  type KeyRule,
} from "./social-inputs.js";
export { fileContent, type ImageDetails, imageContent, knownSize } from "./stored-content.js";
export {
  checkMuteUsers,
  checkRemoveUserAttributes,
  checkSetUserAttributes,
  checkUnmuteUsers,
  checkUserTags,
  type MuteRules,
  type TagRules,
  type UserAttributeRules,
} from "./user-depth-inputs.js";
export * from "./validation.js";
export {
  CONVERSATION_TYPES,
  EVENT_TYPES,
  FRIEND_RELATIONS,
  GROUP_ROLES,
  LIVE_ROOM_LEAVE_REASONS,
  LIVE_ROOM_MESSAGE_PRIORITIES,
  MUTE_SCOPES,
  PRESENCE_STATUSES,
  PUSH_TASK_STATES,
  VENDORS,
} from "./values.js";
export {
  type CallbackEvents,
  type ClientHooks,
  clientHooks,
  coveredBy,
  LIVE_ROOM_CALLBACK_EVENTS,
  type OptionsCheck,
  type OptionsSchema,
  type PreSendSupport,
  type RuntimeOptions,
  type VendorModule,
} from "./vendor-module.js";
export { hourKey, parseWallClock } from "./wall-clock.js";
export type {
  PreSendQuestion,
  WebhookAck,
  WebhookContext,
  WebhookParser,
  WebhookReader,
  WebhookRequest,
  WebhookResult,
} from "./webhook.js";
export { deliveryReplay, jsonAck, textAck } from "./webhook-results.js";
