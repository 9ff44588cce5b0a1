/** The home page: what the service is, and where each kind of reader goes. */
import type { PageContext } from '../context.js';

export function HomePage({ context }: { context: PageContext }) {
  const { text, actor } = context;
  const links = text.home.links;
  return (
    <>
      <h1>{text.home.title}</h1>
      <p class="lead">{text.home.lead}</p>
      <div class="columns">
        <section>
          <h2>{text.home.publicHeading}</h2>
          <ul class="link-list">
            <li><a href="/lookup">{links.lookup}</a></li>
            <li><a href="/statuses">{links.statuses}</a></li>
            <li><a href="/register">{links.register}</a></li>
            <li><a href="/verify">{links.verify}</a></li>
            <li><a href="/coverage">{links.coverage}</a></li>
            <li><a href="/statistics">{links.statistics}</a></li>
            <li><a href="/how-it-works">{links.machines}</a></li>
          </ul>
        </section>
        <section>
          <h2>{text.home.signedInHeading}</h2>
          <ul class="link-list">
            {actor ? <li><a href="/work">{links.work}</a></li> : <li><a href="/sign-in">{links.signIn}</a></li>}
          </ul>
        </section>
      </div>
    </>
  );
}
