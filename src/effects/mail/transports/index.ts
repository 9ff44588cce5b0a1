/** The transport the configuration asks for. */
import type { Config } from '../../../config.js';
import { EmlFileTransport } from './eml-file-transport.js';
import { SmtpTransport } from './smtp-transport.js';
import type { MailTransport } from './transport.js';

/** SMTP when `SMTP_URL` is set, `.eml` files under `MRA_MAIL_DIR` otherwise. */
export function transportFor(config: Pick<Config, 'smtpUrl' | 'mailDir'>): MailTransport {
  return config.smtpUrl === null ? new EmlFileTransport(config.mailDir) : new SmtpTransport(config.smtpUrl);
}

export { EmlFileTransport } from './eml-file-transport.js';
export { SmtpTransport } from './smtp-transport.js';
export type { MailTransport } from './transport.js';
