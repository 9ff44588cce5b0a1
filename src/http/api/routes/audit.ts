/** `/audit`: every change to principals and keys, readable by admins and by the organisation it concerns. */
import { auditEntry } from '../../../schemas/access.js';
import { auditQuery } from '../../../schemas/queries.js';
import { AppError } from '../../../errors.js';
import { page, problems } from '../route-docs.js';
import { route, type RouteSpec } from '../route.js';

export const auditRoutes: RouteSpec[] = [
  route<{ organisation?: string; limit?: number; cursor?: string }>({
    method: 'get',
    path: '/audit',
    summary: 'Read the audit trail of principals and keys',
    tag: 'people',
    access: 'principal',
    query: auditQuery,
    responses: {
      200: { description: 'Entries, newest first: who did what to which principal or key, and when. Yours by default; admins see all', schema: page(auditEntry) },
      ...problems([400, 401, 403, 429]),
    },
    async handle({ actor, query }, { store }) {
      const me = actor!;
      const organisation = me.role === 'admin' ? query.organisation : (query.organisation ?? me.organisation);
      if (me.role !== 'admin' && organisation !== me.organisation) {
        throw new AppError({ code: 'FORBIDDEN', detail: `You may read the audit trail of your own organisation (${me.organisation}) only.` });
      }
      const entries = await store.listAudit({ ...(organisation === undefined ? {} : { organisation }), limit: query.limit ?? 50, cursor: query.cursor ?? null });
      return { status: 200, body: entries };
    },
  }),
];
