/**
 * A finished e-mail, ready for a transport, and the identifiers that make it recognisable: the
 * Message-ID is derived from the outbox message's id, which never changes, so a message sent
 * again after a crash carries the same Message-ID as the first copy and a reader (or a filter)
 * can tell it is the same e-mail.
 */
import addressparser from 'nodemailer/lib/addressparser';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { SendMailOptions } from 'nodemailer';
import type { Kind } from '../../kinds/types.js';

export interface MailMessage {
  /** The outbox message this e-mail is. */
  outboxId: string;
  /** `<outbox id@domain of MAIL_FROM>` */
  messageId: string;
  /** One id per instance, referenced by all its e-mails so that mail clients thread them. */
  threadId: string;
  from: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  language: 'en' | 'vi';
  /** When the transition happened: the e-mail's origination date, the same for every copy. */
  date: Date;
}

// One MAIL_FROM serves every message: its address is parsed once, not twice per message.
const senders = new Map<string, string>();

function senderAddress(mailFrom: string): string {
  let address = senders.get(mailFrom);
  if (address === undefined) {
    address = addressparser(mailFrom, { flatten: true })[0]?.address ?? '';
    senders.set(mailFrom, address);
  }
  return address;
}

/** The domain of the sender address: `MRA Engine <no-reply@mra.example.gov.vn>` -> `mra.example.gov.vn`. */
export function senderDomain(mailFrom: string): string {
  const domain = senderAddress(mailFrom).split('@')[1];
  return domain === undefined || domain === '' ? 'localhost' : domain.toLowerCase();
}

/**
 * The Message-ID of an outbox message.
 *
 * @example messageIdFor('0194f3a2-…', 'MRA Engine <no-reply@localhost>') // '<0194f3a2-…@localhost>'
 */
export function messageIdFor(outboxId: string, mailFrom: string): string {
  return `<${outboxId}@${senderDomain(mailFrom)}>`;
}

/** The id every e-mail about one instance refers to (`References`), so they show as one thread. */
export function threadIdFor(kind: Kind, instanceId: string, mailFrom: string): string {
  return `<${kind}.${instanceId}@${senderDomain(mailFrom)}>`;
}

/** The message as nodemailer builds it. */
export function nodemailerMessage(message: MailMessage): SendMailOptions {
  return {
    from: message.from,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    messageId: message.messageId,
    references: message.threadId,
    date: message.date,
    // Quoted-printable keeps Vietnamese text legible in the raw message, where base64 would not.
    textEncoding: 'quoted-printable',
    headers: {
      'Content-Language': message.language,
      // RFC 3834: tells auto-responders (out-of-office replies) not to answer.
      'Auto-Submitted': 'auto-generated',
    },
  };
}

/**
 * The message as raw RFC 5322 bytes with the line ends of the wire, written by nodemailer's
 * composer itself (no transport plugin stage): what a `.eml` file holds.
 */
export function rawMessage(message: MailMessage): Promise<Buffer> {
  return new MailComposer({ ...nodemailerMessage(message), newline: 'windows' }).compile().build();
}
