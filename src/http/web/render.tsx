/**
 * Pages are preact components rendered to a string on the server: every value is escaped for
 * HTML by the renderer, and no page carries inline script or style (the Content-Security-Policy
 * forbids both). `sendPage` wraps a page's body in the layout and writes it.
 */
import type { Response } from 'express';
import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import type { PageContext } from './context.js';
import { Layout } from './layout.js';

export function sendPage(response: Response, context: PageContext, page: { title: string; status?: number; body: ComponentChildren }): void {
  const html = render(
    <Layout context={context} title={page.title}>
      {page.body}
    </Layout>,
  );
  response
    .status(page.status ?? 200)
    .type('text/html; charset=utf-8')
    .setHeader('Cache-Control', 'no-store')
    .send(`<!doctype html>\n${html}`);
}
