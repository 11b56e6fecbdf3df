import { gap } from "@imgraph/core";

// Tencent's app word list was the dirty-word API (openim_dirty_words get/add/delete: 50
// words of 200 bytes, enforced after 5 minutes, 80001 on a hit); it is gone from the
// current REST API list and was already answered with 10042 "this interface is invalid"
// in 2019. Its successor is the paid Cloud Moderation add-on's keyword libraries
// (im_msg_audit_mgr/*_cloud_audit_keywords): per library id, some data centres only, no
// replacements, caps and enforcement undocumented. Neither is a list we can promise.
const WHY =
  'Tencent retired its app dirty-word list (openim_dirty_words answers 10042 "this interface is invalid"); its keyword libraries belong to the paid Cloud Moderation add-on (im_msg_audit_mgr, per library id, some data centres only) with undocumented caps and enforcement — moderate through the before-send callbacks instead';

export const SENSITIVE_WORDS_GAPS = {
  addSensitiveWords: gap(WHY),
  removeSensitiveWords: gap(WHY),
  listSensitiveWords: gap(WHY),
};
