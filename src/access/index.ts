/** People and keys, as the service wires them: the key hasher, credentials, and what the API needs. */
import type { Clock } from '../clock.js';
import { DEVELOPMENT_KEY_SECRET, type Config } from '../config.js';
import type { AccessStore, DirectoryStore } from '../store/port.js';
import { Credentials } from './credentials.js';
import { KeyHasher } from './key-hash.js';

export { upgradeLegacyKeyHashes } from './api-keys.js';
export { EXPIRED_ACCESS_SWEEP_MS, sweepExpiredAccess } from './expiry-sweep.js';
export { KeyHasher } from './key-hash.js';

/** How sign-in and sessions behave: what the API and the pages need of access besides the credentials. */
export interface AccessSettings {
  /** Refused credentials (and sign-in link requests) one client address may send in 15 minutes. */
  failureLimit: number;
  /** Sign-in links one e-mail address may be asked for in 15 minutes. */
  signInLinksPerAddress: number;
  signInLinkMinutes: number;
  sessionLifetimeMs: number;
  /** Signs the session cookie. */
  cookieSecret: string;
  /** Base of sign-in links. */
  publicUrl: string;
}

/** The access settings of a configuration, with the development secret when none is set. */
export function accessSettings(config: Pick<Config, 'keySecret' | 'authFailureLimit' | 'signInLinksPerAddress' | 'signInLinkMinutes' | 'sessionHours' | 'publicUrl'>): AccessSettings {
  return {
    failureLimit: config.authFailureLimit,
    signInLinksPerAddress: config.signInLinksPerAddress,
    signInLinkMinutes: config.signInLinkMinutes,
    sessionLifetimeMs: config.sessionHours * 3_600_000,
    // The session cookie is signed with a key of its own, derived from the secret.
    cookieSecret: new KeyHasher(config.keySecret ?? DEVELOPMENT_KEY_SECRET).hash('session-cookie'),
    publicUrl: config.publicUrl,
  };
}

export function credentialsFor(config: Pick<Config, 'keySecret'>, store: AccessStore & DirectoryStore, clock: Clock): Credentials {
  return new Credentials({ store, clock, hasher: new KeyHasher(config.keySecret ?? DEVELOPMENT_KEY_SECRET) });
}
