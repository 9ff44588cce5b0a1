/**
 * The HTML part of an e-mail: the same content as the text part, as a small table with inline
 * styles (mail clients ignore style sheets). Every value is escaped: names, reasons and comments
 * are typed by people.
 */
import type { MailLine, MailContent } from './content.js';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

function rows(lines: readonly MailLine[]): string {
  return lines
    .map(
      ({ label, value }) =>
        `<tr><th style="text-align:left;vertical-align:top;padding:2px 12px 2px 0;white-space:nowrap">${escape(label)}</th><td style="padding:2px 0">${escape(value)}</td></tr>`,
    )
    .join('\n');
}

function list(items: readonly string[]): string {
  return `<ul>\n${items.map((item) => `<li>${escape(item)}</li>`).join('\n')}\n</ul>`;
}

/** Lays `content` out as an HTML document in the reader's language. */
export function renderHtml(content: MailContent): string {
  const parts = [
    `<p>${escape(content.greeting)}</p>`,
    `<h2 style="font-size:18px">${escape(content.subject)}</h2>`,
    `<table style="border-collapse:collapse">\n${rows(content.lines)}\n</table>`,
  ];
  if (content.reasons) parts.push(`<h3 style="font-size:15px">${escape(content.reasons.heading)}</h3>`, list(content.reasons.items));
  if (content.next.text !== '') parts.push(`<h3 style="font-size:15px">${escape(content.next.heading)}</h3>`, `<p>${escape(content.next.text)}</p>`);
  if (content.deadlines) {
    parts.push(`<h3 style="font-size:15px">${escape(content.deadlines.heading)}</h3>`, `<table style="border-collapse:collapse">\n${rows(content.deadlines.items)}\n</table>`);
  }
  parts.push(
    `<p><a href="${escape(content.link.href)}">${escape(content.link.label)}</a></p>`,
    `<p style="color:#666;font-size:12px">${content.footer.map(escape).join('<br>\n')}</p>`,
  );
  return [
    '<!DOCTYPE html>',
    `<html lang="${content.language}">`,
    `<head><meta charset="utf-8"><title>${escape(content.subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.5;color:#222">',
    ...parts,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
