/** The plain-text part of an e-mail: labelled lines a person reads in any client or terminal. */
import type { MailContent } from './content.js';

/**
 * A value of several lines (a note, a request) continues indented under its label, so no line a
 * user typed starts at the margin, where it could pass for one of the e-mail's own labelled lines
 * ("By: …", "Subject: …").
 */
function continued(value: string): string {
  return value.split('\n').join('\n    ');
}

/** Lays `content` out as plain text, lines ending in `\n` (the transport turns them into CRLF). */
export function renderText(content: MailContent): string {
  const lines: string[] = [content.greeting, '', content.subject, ''];
  for (const { label, value } of content.lines) lines.push(`${label}: ${continued(value)}`);
  if (content.reasons) {
    lines.push('', `${content.reasons.heading}:`, ...content.reasons.items.map((item) => `  - ${continued(item)}`));
  }
  if (content.next.text !== '') lines.push('', `${content.next.heading}:`, content.next.text);
  if (content.deadlines) {
    lines.push('', `${content.deadlines.heading}:`, ...content.deadlines.items.map(({ label, value }) => `  - ${label}: ${value}`));
  }
  // "-- " on its own line is the signature delimiter mail clients recognise.
  lines.push('', `${content.link.label}: ${content.link.href}`, '', '-- ', ...content.footer);
  return `${lines.join('\n')}\n`;
}
