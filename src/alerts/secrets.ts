// Channel secrets at rest: AES-256-GCM with the key from TINGFENG_SECRET_KEY, or one generated on first
// run into <data dir>/secret.key (0600). Secrets leave the server only masked.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../config";

/** What the API, the UI and the audit log show instead of a secret. */
export const MASK = "******";

const PREFIX = "v1:";

/** Parses a 32-byte key given as 64 hex digits or base64. */
export function parseKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(t) ? Buffer.from(t, "hex") : Buffer.from(t, "base64");
  if (key.length !== 32) throw new Error("secrets: TINGFENG_SECRET_KEY must be 32 bytes (64 hex digits or base64)");
  return key;
}

/** Where the generated key of a data folder lives (used when TINGFENG_SECRET_KEY is not set). */
export const secretKeyFile = (dataDir: string): string => path.join(dataDir, "secret.key");

/** The key of this installation: the configured one, else <data dir>/secret.key, created (0600) when missing. */
export function loadSecretKey(config: Pick<Config, "secretKey" | "dataDir">): Buffer {
  if (config.secretKey) return parseKey(config.secretKey);
  const file = secretKeyFile(config.dataDir);
  if (!existsSync(file)) {
    mkdirSync(config.dataDir, { recursive: true });
    // flag wx: two processes starting at once cannot overwrite each other's key.
    try {
      writeFileSync(file, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw new Error("secrets: cannot create the key file", { cause: err });
    }
  }
  chmodSync(file, 0o600);
  return parseKey(readFileSync(file, "utf8"));
}

/** Encrypts a secret: "v1:" + base64(iv | tag | ciphertext). */
export function encryptSecret(key: Buffer, plain: string): string {
  const iv = randomBytes(12);
  const c = createCipheriv("aes-256-gcm", key, iv);
  const body = Buffer.concat([c.update(plain, "utf8"), c.final()]);
  return PREFIX + Buffer.concat([iv, c.getAuthTag(), body]).toString("base64");
}

/** Decrypts what encryptSecret stored; throws when the key is wrong or the text was altered. */
export function decryptSecret(key: Buffer, stored: string): string {
  if (!stored.startsWith(PREFIX)) throw new Error("secrets: unknown format");
  const raw = Buffer.from(stored.slice(PREFIX.length), "base64");
  const d = createDecipheriv("aes-256-gcm", key, raw.subarray(0, 12));
  d.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([d.update(raw.subarray(28)), d.final()]).toString("utf8");
}

// Robot and webhook URLs often carry their access token (WeCom `key`, DingTalk `access_token`, a Feishu
// hook id in the path): such a URL is a secret too. It is stored encrypted and shown masked.
const TOKEN_PARAMS = /^(key|access_?token|token|secret|sign|sig|signature|api_?key|auth)$/i;
const TOKEN_PATH = /\/(hook|hooks|webhook|robot|bot)\/([^/?#]{6,})/i;

/** A URL with its token parts (token-like query values, a hook id in the path) replaced by the mask. */
export function maskUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  for (const k of [...u.searchParams.keys()]) if (TOKEN_PARAMS.test(k)) u.searchParams.set(k, MASK);
  if (u.password) u.password = MASK;
  return u.toString().replace(TOKEN_PATH, (_m, seg: string) => `/${seg}/${MASK}`);
}

/** How a channel URL is stored: encrypted when it carries a token, else as it is. */
export function sealUrl(key: Buffer, url: string): string {
  return maskUrl(url) === url ? url : encryptSecret(key, url);
}

/** A stored channel URL in the clear (decrypted when sealed). */
export function openUrl(key: Buffer, stored: string): string {
  return stored.startsWith(PREFIX) ? decryptSecret(key, stored) : stored;
}
