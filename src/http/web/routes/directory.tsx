/** Registering a conformity assessment body, for a designating authority (its own economy) or an admin. */
import type { Router } from 'express';
import { createCab, type CreateCab } from '../../../schemas/reference.js';
import type { ApiDeps } from '../../api/deps.js';
import { registerCab } from '../../../directory/cab-registry.js';
import { AppError } from '../../../errors.js';
import { context } from '../context.js';
import { CreatePage } from '../pages/create.js';
import { onRefusal } from '../form-refusals.js';
import { refusalOf } from '../refusal.js';
import { sendPage } from '../render.js';
import { bodyFromForm, fieldsOf, formValues } from '../schema-fields.js';

const FIELDS = fieldsOf(createCab);

export function directoryRoutes(router: Router, deps: ApiDeps): void {
  const show = (response: Parameters<typeof sendPage>[0], values: Record<string, string>, error: AppError | null, created?: string) => {
    const page = context(response);
    if (!page.actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
    sendPage(response, page, {
      title: page.text.cab.title,
      ...(error ? { status: error.status } : {}),
      body: (
        <>
          {created && <div class="notice" role="status">{page.text.cab.created(created)}</div>}
          <CreatePage context={page} title={page.text.cab.title} action="/directory/cabs" fields={FIELDS} submit={page.text.cab.submit} values={values} refusal={error ? refusalOf(page, error) : null} />
        </>
      ),
    });
  };

  router.get('/directory/cabs/new', (request, response) => {
    show(response, {}, null, typeof request.query['created'] === 'string' ? request.query['created'] : undefined);
  });

  router.post('/directory/cabs', async (request, response) => {
    const page = context(response);
    if (!page.actor) throw new AppError({ code: 'UNAUTHENTICATED', detail: 'Sign in to see this page.' });
    const form = (request.body ?? {}) as Record<string, unknown>;
    onRefusal(response, (refused) => show(response, formValues(form), refused));
    const body = deps.validator.validate<CreateCab>(createCab.$id, bodyFromForm(FIELDS, form), 'The form');
    const cab = await registerCab(deps.store, body, page.actor);
    response.redirect(303, `/directory/cabs/new?created=${encodeURIComponent(cab.name)}`);
  });
}
