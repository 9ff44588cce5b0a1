/**
 * `/watching`: the person's own watches, and a form per watch that removes it. A watch e-mail
 * points here to stop it, so nobody needs the API (`POST /watches/{id}/remove`) to unsubscribe.
 * As in the API, only the owner sees or removes a watch; anyone else's id is the 404 page.
 */
import { listWatches, MAX_WATCHES_PER_PRINCIPAL, removeWatch } from '../../../effects/watches/watches.js';
import { watchingTexts } from '../../../i18n/pages/watching.js';
import { workflows } from '../../../kinds/index.js';
import type { WatchRecord } from '../../../store/port.js';
import type { ApiDeps } from '../../api/deps.js';
import type { PageContext } from '../context.js';
import type { PageSpec } from '../page-route.js';
import { economyName } from '../components/names.js';
import { WatchingPage, type WatchRow } from '../pages/watching.js';

export function watchingPages(deps: ApiDeps): PageSpec[] {
  const { store } = deps;

  const describe = async (page: PageContext, watch: WatchRecord, economies: Awaited<ReturnType<typeof store.listEconomies>>): Promise<string> => {
    const words = watchingTexts[page.language];
    const byCode = new Map(economies.map((e) => [e.code, e]));
    const { target } = watch;
    if (target.type === 'instance') return words.instance(page.wording.nouns[target.kind] ?? workflows[target.kind].noun, target.id);
    if (target.type === 'model') return words.model(target.model, target.manufacturer, economyName(page, byCode, target.economy));
    const cab = await store.getCab(target.cabId);
    return words.recognition(cab?.name ?? target.cabId, economyName(page, byCode, target.economy));
  };

  return [
    {
      method: 'get',
      path: '/watching',
      access: 'signed-in',
      handle: async ({ page, actor, query }) => {
        // A principal holds at most MAX_WATCHES_PER_PRINCIPAL watches: one page shows them all.
        const watches = await listWatches(store, actor, { limit: MAX_WATCHES_PER_PRINCIPAL });
        const economies = await store.listEconomies();
        const rows: WatchRow[] = await Promise.all(watches.items.map(async (w) => ({ id: w.id, what: await describe(page, w, economies), createdAt: w.createdAt })));
        const words = watchingTexts[page.language];
        return { page: { title: words.title, body: <WatchingPage context={page} rows={rows} removed={query['done'] === 'removed'} /> } };
      },
    },
    {
      method: 'post',
      path: '/watching/{id}/remove',
      access: 'signed-in',
      handle: async ({ actor, params }) => {
        await removeWatch(store, actor, params['id']!);
        return { redirect: '/watching?done=removed' };
      },
    },
  ];
}
