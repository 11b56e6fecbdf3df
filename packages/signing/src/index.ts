// @imgraph/signing: pure signing functions for RongCloud, Tencent Cloud Chat and
// ZEGOCLOUD. No I/O, nothing logged; every secret or digest comparison is constant time.

export {
  constantTimeEqual,
  constantTimeEqualBytes,
  type HeaderBag,
  type ParamBag,
  readHeader,
  readParam,
  type Verification,
  type VerificationFailure,
  type VerifyFailureReason,
} from "./common.js";
export {
  generatePrivateMapKey,
  type PrivateMapKeyInfo,
  parsePrivateMapKeyUserBuf,
  privateMapKeyUserBuf,
  TrtcPrivilege,
} from "./private-map-key.js";
export {
  type RongCloudCallbackAuth,
  type RongCloudCallbackParams,
  type RongCloudRequestAuth,
  type RongCloudRequestHeaders,
  rongCloudSignature,
  signRongCloudCallback,
  signRongCloudRequest,
  verifyRongCloudCallback,
  verifyRongCloudRequest,
} from "./rongcloud.js";
export {
  parseRtcPrivilegePayload,
  type RtcPrivilege,
  rtcPrivilegePayload,
} from "./rtc-privilege.js";
export {
  type TencentCallbackAuth,
  tencentCallbackSign,
  verifyTencentCallback,
} from "./tencent-callback.js";
export {
  generateLegacyToken04,
  generateToken04,
  type Token04Claims,
  type Token04Input,
  type VerifyToken04Options,
  verifyToken04,
} from "./token04.js";
export {
  decodeUserSig,
  generateUserSig,
  type UserSigClaims,
  type UserSigCompression,
  type UserSigInput,
  type VerifyUserSigOptions,
  verifyUserSig,
} from "./usersig.js";
export {
  verifyZegoCallback,
  type ZegoCallbackAuth,
  zegoCallbackSignature,
} from "./zego-callback.js";
export {
  signZegoRequest,
  verifyZegoRequest,
  type ZegoCommonParams,
  type ZegoRequestAuth,
  zegoSignature,
} from "./zego-request.js";
