/** Registering a conformity assessment body, for a designating authority (its own economy) or an admin. */
import { createCab, type CreateCab } from '../../../schemas/reference.js';
import type { ApiDeps } from '../../api/deps.js';
import { registerCab } from '../../../directory/cab-registry.js';
import type { AppError } from '../../../errors.js';
import type { PageContext } from '../context.js';
import type { PageAnswer, PageSpec } from '../page-route.js';
import { CreatePage } from '../pages/create.js';
import { refusalOf } from '../refusal.js';
import { fieldsOf, formValues } from '../schema-fields.js';

const FIELDS = fieldsOf(createCab);

export function directoryPages(deps: ApiDeps): PageSpec[] {
  const show = (page: PageContext, values: Record<string, string>, error: AppError | null, created?: string): PageAnswer => ({
    page: {
      title: page.text.cab.title,
      ...(error ? { status: error.status } : {}),
      body: (
        <>
          {created && <div class="notice" role="status">{page.text.cab.created(created)}</div>}
          <CreatePage context={page} title={page.text.cab.title} action="/directory/cabs" fields={FIELDS} submit={page.text.cab.submit} values={values} refusal={error ? refusalOf(page, error) : null} />
        </>
      ),
    },
  });

  return [
    {
      method: 'get',
      path: '/directory/cabs/new',
      access: 'signed-in',
      handle: ({ page, query }) => show(page, {}, null, typeof query['created'] === 'string' ? query['created'] : undefined),
    },
    {
      method: 'post',
      path: '/directory/cabs',
      access: 'signed-in',
      form: { schema: createCab },
      refused: ({ page, form }, refused) => show(page, formValues(form), refused),
      handle: async ({ actor, body }) => {
        const cab = await registerCab(deps.store, body as CreateCab, actor);
        return { redirect: `/directory/cabs/new?created=${encodeURIComponent(cab.name)}` };
      },
    },
  ];
}
