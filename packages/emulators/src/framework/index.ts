export {
  type CallbackAttempt,
  type CallbackDelivery,
  CallbackDispatcher,
  type CallbackFilter,
  type CallbackRequest,
  DEFAULT_RETRY,
  type RetryPolicy,
} from "./callbacks.js";
export { generateCertificate, type TlsMaterial } from "./certificate.js";
export { type Clock, createClock } from "./clock.js";
export { type ClockChange, createControlHandler, type EmulatorControl } from "./control.js";
export { definedFields } from "./defined.js";
export {
  type DownloadHost,
  startDownloadHost,
  startEmulatorWithDownloads,
} from "./download-host.js";
export {
  type EmulatorOptions,
  type RunningEmulator,
  SHARED_OPTIONS,
  type SharedEmulatorOptions,
  startEmulator,
} from "./emulator.js";
export {
  type Fault,
  type FaultKind,
  type FaultPlan,
  type FaultSpec,
  FaultStore,
  validateFaultSpec,
} from "./faults.js";
export { hourKeyStart } from "./hour-key.js";
export { getOrCreate } from "./maps.js";
export { type RateDecision, RateLimiter, type RateRule, type RateWindow } from "./rate-limit.js";
export {
  RequestLog,
  type RequestLogEntry,
  type RequestLogFilter,
  type RequestOutcome,
} from "./request-log.js";
export {
  CONTROL_PREFIX,
  DEFAULT_MAX_BODY_BYTES,
  type EmulatorServer,
  type EmulatorServerOptions,
  type HttpOutcome,
  type RawRequest,
  startEmulatorServer,
} from "./server.js";
export {
  type ClientSessionInput,
  ControlError,
  type EmulatorContext,
  type VendorAnswer,
  type VendorEmulator,
  type VendorFactory,
  type VendorRequest,
} from "./vendor.js";
export { MAX_LATENCY_MS, type TlsOption } from "./wan-options.js";
