import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * 国密 for PII at rest (密评, GB/T 39786): SM4-CTR encryption + HMAC-SM3 over iv‖ciphertext
 * (encrypt-then-MAC; Node has no sm4-gcm), plus an HMAC-SM3 blind index so an exact 身份证号 can be
 * looked up without decrypting. Keys come from a file outside the database.
 */
export interface Keys {
  encKey: Buffer; // 16 bytes SM4
  macKey: Buffer; // 32 bytes HMAC-SM3
  indexKey: Buffer; // 32 bytes HMAC-SM3 for blind indexes
}

let current: Keys | undefined;

export function sm3(data: string | Buffer): string {
  return crypto.createHash('sm3').update(data).digest('hex');
}

export function hmacSm3(key: Buffer, data: string | Buffer): Buffer {
  return crypto.createHmac('sm3', key).update(data).digest();
}

/** Loads the key file, creating it (mode 0600) on first start. */
export function loadKeys(keyFile: string): Keys {
  if (!fs.existsSync(keyFile)) {
    fs.mkdirSync(path.dirname(keyFile), { recursive: true });
    const fresh = { v: 1, enc: crypto.randomBytes(16).toString('hex'), mac: crypto.randomBytes(32).toString('hex'), index: crypto.randomBytes(32).toString('hex') };
    fs.writeFileSync(keyFile, JSON.stringify(fresh), { mode: 0o600 });
  }
  const raw = JSON.parse(fs.readFileSync(keyFile, 'utf8')) as { enc: string; mac: string; index: string };
  current = { encKey: Buffer.from(raw.enc, 'hex'), macKey: Buffer.from(raw.mac, 'hex'), indexKey: Buffer.from(raw.index, 'hex') };
  return current;
}

export function useKeys(keys: Keys) {
  current = keys;
}

function keys(): Keys {
  if (!current) throw new Error('PII keys not loaded: call loadKeys() at start');
  return current;
}

const PREFIX = 'sm4ctr1:';

export function encryptPii(plain: string): string {
  const { encKey, macKey } = keys();
  const iv = crypto.randomBytes(16);
  const cipher = crypto.createCipheriv('sm4-ctr', encKey, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = hmacSm3(macKey, Buffer.concat([iv, ct]));
  return PREFIX + Buffer.concat([iv, ct, mac]).toString('base64');
}

export function decryptPii(token: string): string {
  const { encKey, macKey } = keys();
  if (!token.startsWith(PREFIX)) throw new Error('not an SM4 token');
  const buf = Buffer.from(token.slice(PREFIX.length), 'base64');
  const iv = buf.subarray(0, 16);
  const mac = buf.subarray(buf.length - 32);
  const ct = buf.subarray(16, buf.length - 32);
  if (!crypto.timingSafeEqual(mac, hmacSm3(macKey, Buffer.concat([iv, ct])))) throw new Error('PII integrity check failed (HMAC-SM3)');
  const decipher = crypto.createDecipheriv('sm4-ctr', encKey, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/** Deterministic blind index for exact-match lookup of a PII value. */
export function piiIndex(plain: string): string {
  return hmacSm3(keys().indexKey, plain.trim().toUpperCase()).toString('hex');
}

/** 身份证号 → 3301**********1234; phone → 138****5678; other → first and last char. */
export function maskPii(value: string | null | undefined): string | null {
  if (!value) return value ?? null;
  const v = value.trim();
  if (/^\d{17}[\dXx]$/.test(v) || /^\d{15}$/.test(v)) return v.slice(0, 4) + '*'.repeat(v.length - 8) + v.slice(-4);
  if (/^1\d{10}$/.test(v)) return v.slice(0, 3) + '****' + v.slice(-4);
  if (v.length <= 2) return v[0] + '*';
  return v[0] + '*'.repeat(Math.max(1, v.length - 2)) + v[v.length - 1];
}

/** Everything a PII column pair needs: ciphertext, masked copy and blind index. */
export function protectPii(value: string | null | undefined) {
  if (value == null || value === '') return { enc: null, masked: null, index: null };
  return { enc: encryptPii(value), masked: maskPii(value), index: piiIndex(value) };
}
