import { createHmac } from 'node:crypto';
import type { EmulatorServices } from '../../server/services.js';

const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/**
 * A random-looking password from the emulator's seeded PRNG (`emu.random('passwords')`), so the
 * credentials of device users and microservice users repeat for the same seed and call order.
 */
export function generatePassword(emu: Pick<EmulatorServices, 'random'>, length = 24): string {
  const random = emu.random('passwords');
  let out = '';
  for (let i = 0; i < length; i++) out += PASSWORD_ALPHABET[Math.floor(random() * PASSWORD_ALPHABET.length)] ?? 'x';
  return out;
}

/** A 16-character base32 TOTP secret (80 bits), like `5XLQP7HIKZBDH6ZZ`, from the seeded PRNG. */
export function generateTotpSecret(emu: Pick<EmulatorServices, 'random'>): string {
  const random = emu.random('totp');
  let out = '';
  for (let i = 0; i < 16; i++) out += BASE32[Math.floor(random() * 32)] ?? 'A';
  return out;
}

/** Decodes RFC 4648 base32 (case-insensitive, padding and spaces ignored). */
export function base32Decode(secret: string): Buffer {
  const clean = secret.toUpperCase().replace(/[\s=]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of clean) {
    const idx = BASE32.indexOf(ch);
    if (idx < 0) throw new Error(`Invalid base32 character '${ch}'`);
    value = (value << 5) | idx;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/**
 * The RFC 6238 TOTP code (HMAC-SHA1, 30-second steps, 6 digits) of a base32 `secret` at `time`
 * — what an authenticator app shows. Tests use it to compute the `tfa_code` the emulator accepts.
 */
export function totp(secret: string, time: Date | number = Date.now(), stepSeconds = 30, digits = 6): string {
  const counter = Math.floor(new Date(time).getTime() / 1000 / stepSeconds);
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const hmac = createHmac('sha1', base32Decode(secret)).update(message).digest();
  const offset = (hmac[hmac.length - 1] ?? 0) & 0x0f;
  const binary = hmac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** True if `code` is the TOTP of `secret` for the step at `time` or one step either side (clock drift). */
export function verifyTotp(secret: string, code: string, time: Date): boolean {
  const t = time.getTime();
  return [-30_000, 0, 30_000].some((drift) => totp(secret, t + drift) === code.trim());
}
