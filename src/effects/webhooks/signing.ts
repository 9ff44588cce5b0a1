/**
 * Webhook signatures, to the Standard Webhooks specification through its own `standardwebhooks`
 * package: `webhook-id`, `webhook-timestamp` (seconds) and `webhook-signature`, HMAC-SHA256 over
 * `id.timestamp.body`. During a secret rotation's overlap a delivery carries one signature per
 * live secret, space-separated as the specification allows, so a receiver that has either secret
 * verifies it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import type { WebhookSecret } from '../../store/port.js';

/** A new signing secret in the `whsec_` form every Standard Webhooks library takes. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/** The three headers of one delivery attempt, signed with every secret given. */
export function signedHeaders(input: { id: string; timestamp: Date; body: string; secrets: readonly string[] }): Record<string, string> {
  const signatures = input.secrets.map((secret) => new Webhook(secret).sign(input.id, input.timestamp, input.body));
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(Math.floor(input.timestamp.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
}

/** The secrets an attempt at `now` signs with: the current one, and the old one until its overlap ends. */
export function liveSecrets(secrets: readonly WebhookSecret[], now: Date): WebhookSecret[] {
  return secrets.filter((s) => s.expiresAt === null || Date.parse(s.expiresAt) > now.getTime());
}

/**
 * Signing secrets cannot be hashed (we need them to sign), so they are sealed at rest with
 * AES-256-GCM under a key derived from MRA_KEY_SECRET: a copy of the store alone does not give
 * them away. Changing MRA_KEY_SECRET makes the sealed secrets unreadable: rotate every endpoint's.
 */
export class SecretBox {
  readonly #key: Buffer;

  constructor(keySecret: string) {
    this.#key = Buffer.from(hkdfSync('sha256', keySecret, 'mra-engine', 'webhook signing secrets', 32));
  }

  seal(secret: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv);
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), sealed.toString('base64url')].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || iv === undefined || tag === undefined || data === undefined) throw new Error('not a sealed webhook secret');
    const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  }
}
