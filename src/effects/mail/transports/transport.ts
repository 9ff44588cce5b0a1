/** Where finished e-mails go: an SMTP server, or `.eml` files when no server is configured. */
import type { MailMessage } from '../mail-message.js';

export interface MailTransport {
  /** `smtp` or `eml`, for the start-up log. */
  readonly kind: 'smtp' | 'eml';
  /** Where e-mail goes, without credentials: `smtp://mail.example.gov.vn:587`, or a folder. */
  readonly target: string;
  /**
   * Hands the message over; answers what the receiving side said (the SMTP server's reply).
   * Rejects with the transport's error, which carries the SMTP reply code when there is one.
   */
  send(message: MailMessage): Promise<string>;
  /** Lets go of connections; the next `send` opens new ones. */
  close(): Promise<void>;
}
