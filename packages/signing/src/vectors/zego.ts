// Test vectors copied from zego.md (§1.4 request signatures, §3.5 Token04, §5.1 callbacks).

/** §1.4: MD5 request signatures. The first row is the docs' own example. */
export const zegoRequestVectors = [
  {
    appId: 12345,
    nonce: "4fd24687296dd9f3",
    serverSecret: "9193cc662a4c0ec135ec71fb57194b38",
    timestamp: 1615186943,
    signature: "43e5cfcca828314675f91b001390566a",
  },
  {
    appId: 1234567890,
    nonce: "0011223344556677",
    serverSecret: "fa94dd0f974cf2e293728a526b028271",
    timestamp: 1700000000,
    signature: "33ac30071319036e8d4dbb36474a3191",
  },
] as const;

/** §5.1: SHA-1 callback signatures. The first is the docs' example. */
export const zegoCallbackVectors = [
  {
    callbackSecret: "secret",
    timestamp: "1470820198",
    nonce: "123412",
    signature: "5bd59fd62953a8059fb7eaba95720f66d19e4517",
  },
  {
    callbackSecret: "cbsecret0123",
    timestamp: "1700000000",
    nonce: "987654",
    signature: "d4cd6a4bc60b02147c32a1017dfc40e89e6d6b45",
  },
] as const;

/** §3.5: Token04 vectors from the official Node generators with randomness and clock pinned. */
export const token04Common = {
  serverSecret: "9193cc662a4c0ec135ec71fb57194b38",
  appId: 12345,
  userId: "user1",
  effectiveTimeInSeconds: 3600,
  /** Pinned clock: epoch seconds. */
  time: 1700000000,
  expire: 1700003600,
} as const;

export const token04Vectors = [
  {
    name: "GCM, empty payload",
    mode: "gcm",
    /** GCM nonce: bytes 00..0b. */
    ivHex: "000102030405060708090a0b",
    /** The `nonce` claim produced by random() = 0.25. */
    nonceClaim: -1073741824,
    payload: "",
    plaintext:
      '{"app_id":12345,"user_id":"user1","nonce":-1073741824,"ctime":1700000000,"expire":1700003600,"payload":""}',
    binaryLength: 147,
    token:
      "04AAAAAGVT/xAADAABAgMEBQYHCAkKCwB6zEs1Idx2F/HCtu7aWrajkdKLUG7bHgDu1eIcK95uyPth0Jvl+vXMANv+Zo8/t8xNat40hWTVBlBM98XVne+zlxjNzhPZ3L8f1BeTlgQUk5JLXH58xwxTN2avlWtCORSJDykLuRiqVJvPr8PFI92UXwj7emBT298fXrEB",
  },
  {
    name: "GCM, RTC privilege payload",
    mode: "gcm",
    ivHex: "000102030405060708090a0b",
    nonceClaim: -1073741824,
    payload: '{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}',
    plaintext: undefined,
    binaryLength: 226,
    token:
      "04AAAAAGVT/xAADAABAgMEBQYHCAkKCwDJzEs1Idx2F/HCtu7aWrajkdKLUG7bHgDu1eIcK95uyPth0Jvl+vXMANv+Zo8/t8xNat40hWTVBlBM98XVne+zlxjNzhPZ3L8f1BeTlgQUk5JLXH58xwxTN2avlWtCORSJDykLuRiqVJuWju7AI3Cw9xhPnGb1tYdHEFAQyDRgqIWg+QsyvAha0yFaYdIhWaz1gjOJ7imhNyhapfzwXuu8SnhHXFfAcTxO2mzYtRMQSnrb/oxIFbf4iBzJgorv/W3GKHYSYK0COs0FAQ==",
  },
  {
    name: "CBC (legacy), empty payload",
    mode: "cbc",
    /** IV: the 16 ASCII characters "9999999999999999". */
    ivHex: "39393939393939393939393939393939",
    nonceClaim: 536870912,
    payload: "",
    plaintext:
      '{"app_id":12345,"user_id":"user1","nonce":536870912,"ctime":1700000000,"expire":1700003600,"payload":""}',
    binaryLength: 140,
    token:
      "04AAAAAGVT/xAAEDk5OTk5OTk5OTk5OTk5OTkAcN1i+YgwF/E4INKN5+cECPfSdS/YQ5bXnHEKGpkvgluoJtIEOVRpYAH4XNfUbkUzMlwXPWxdDBqwilX06u/zidQLXh50D84k5wsPk8nxgN1aiwFx7sF8/qtvrVxgK3b2BKMe/Mxj8pfK3ipfEtJsl4o=",
  },
] as const;

/** §3.5: the first vector's header, decoded by hand in the docs. */
export const token04HeaderHex = "000000006553ff10000c";
