/** The frame of every page: skip link, header with navigation, language switch and sign-in, main, footer. */
import type { ComponentChildren } from 'preact';
import type { PageContext } from './context.js';
import { CsrfField } from './components/form-parts.js';
import { workflows } from '../../kinds/index.js';
import type { Kind } from '../../kinds/types.js';

/** Every kind the engine runs has its list in the nav, in the registry's order. */
const NAV_KINDS = Object.keys(workflows) as Kind[];

function NavLink({ href, here, children }: { href: string; here: string; children: ComponentChildren }) {
  const current = here === href || (href !== '/' && here.startsWith(`${href}`));
  return (
    <li>
      <a href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

export function Layout({ context, title, children }: { context: PageContext; title: string; children: ComponentChildren }) {
  const { text, actor, here, language } = context;
  const other = text.language.other;
  return (
    <html lang={language}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowEval":false,"allowScriptTags":false}' />
        <title>{`${title} – ${text.siteName}`}</title>
        <link rel="icon" href="data:," />
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/htmx/htmx.min.js" defer></script>
      </head>
      <body>
        <a class="skip-link" href="#main">
          {text.skipToContent}
        </a>
        <header class="site-header">
          <div class="wrap header-row">
            <a class="site-name" href="/">
              {text.siteName}
            </a>
            <div class="header-tools">
              <a class="language-switch" href={`/language/${other}?back=${encodeURIComponent(here)}`} lang={other} hreflang={other}>
                {text.language.switchTo}
              </a>
              {actor ? (
                <form method="post" action="/sign-out" class="inline-form">
                  <CsrfField context={context} />
                  <span class="who">{text.nav.signedInAs(actor.name ?? actor.id)}</span> <button class="link-button">{text.nav.signOut}</button>
                </form>
              ) : (
                <a href={`/sign-in?back=${encodeURIComponent(here)}`}>{text.nav.signIn}</a>
              )}
            </div>
          </div>
          <nav class="wrap" aria-label={text.nav.label}>
            <ul class="nav">
              <NavLink href="/lookup" here={here}>{text.nav.lookup}</NavLink>
              <NavLink href="/register" here={here}>{text.nav.register}</NavLink>
              <NavLink href="/how-it-works" here={here}>{text.nav.machines}</NavLink>
              {actor && <NavLink href="/work" here={here}>{text.nav.work}</NavLink>}
              {actor &&
                NAV_KINDS.map((kind) => (
                  <NavLink key={kind} href={`/records/${kind}`} here={here}>
                    {text.kinds[kind]}
                  </NavLink>
                ))}
              {(actor?.role === 'admin' || actor?.role === 'designating_authority') && <NavLink href="/directory/cabs/new" here={here}>{text.cab.title}</NavLink>}
              {actor && <NavLink href="/people" here={here}>{text.people.title}</NavLink>}
              {actor?.role === 'admin' && <NavLink href="/outbox" here={here}>{text.nav.outbox}</NavLink>}
            </ul>
          </nav>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="wrap">{text.footer}</div>
        </footer>
      </body>
    </html>
  );
}
