/** What an account e-mail (a sign-in link) says, laid out like every other e-mail. */
import type { AccountMail, Recipient } from '../../store/port.js';
import type { MailContent } from './content.js';
import type { Wording } from '../../i18n/index.js';

export function accountContent(mail: AccountMail, recipient: Recipient, wording: Wording): MailContent {
  const words = wording.signIn;
  return {
    language: wording.language,
    subject: words.subject,
    greeting: wording.greeting(recipient.name),
    lines: [],
    reasons: null,
    next: { heading: words.heading, text: words.text(wording.instant(mail.expiresAt)) },
    deadlines: null,
    link: { label: words.link, href: mail.link },
    footer: words.footer,
  };
}
