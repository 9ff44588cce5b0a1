/**
 * Certificate rules (docs/domain.md, "Certificate"): the issuing body is the acting principal's
 * CAB; the regulations are the importing economy's (or the body's own economy's, through their
 * counterparts); the applicant is an importer principal; the reports it rests on exist and are for
 * the same importing economy; then the facts as of the issue date.
 */
import { compareInstants } from '../types.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import type { InstanceRecord } from '../../store/port.js';
import { gatherCertificateFacts } from './facts.js';
import { foreignRequirements, requireDocumentRequirements, type Documented } from '../kit/requirements.js';
import { requireAfter, requireCab, requireInstance } from '../kit/references.js';
import type { KindRules } from '../kit/rules.js';

type Issue = Documented & { cabId: string; issuedAt: string; validUntil?: string; applicantId: string; testReports?: string[] };

export const certificateRules: KindRules = {
  async derive(body, { store, actor }) {
    if (actor.role !== 'lab' || actor.cabId === undefined) return body;
    const cab = await requireCab(store, actor.cabId, '/cabId');
    if (cab.type !== 'certification_body') {
      throw new AppError({
        code: 'FORBIDDEN',
        detail: `${cab.name} is a testing laboratory: only a certification body issues equipment certificates.`,
        publicFields: { reasons: [{ code: 'NOT_A_CERTIFICATION_BODY', detail: `${cab.id} is a ${cab.type}` }] },
      });
    }
    return { ...body, cabId: cab.id, exportingEconomy: cab.economy };
  },

  async assess(input, context) {
    const { store, now, durations } = context;
    const issue = input as unknown as Issue;
    if (compareInstants(issue.issuedAt, now.toISOString()) > 0) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `issuedAt must not be in the future (it is ${now.toISOString()} now).`,
        errors: [{ pointer: '/issuedAt', message: 'must not be in the future' }],
      });
    }
    const reviewWindowEndsAt = shift(new Date(issue.issuedAt), durations.get('certificates', 'setAsideWindow')).toISOString();
    const validUntil = issue.validUntil ?? shift(new Date(issue.issuedAt), durations.get('certificates', 'certificateValidity')).toISOString();
    requireAfter(validUntil, reviewWindowEndsAt, '/validUntil', `must be after the end of the review window, ${reviewWindowEndsAt}`);
    const body = await requireCab(store, issue.cabId, '/cabId');
    const applicant = await store.getPrincipal(issue.applicantId);
    if (!applicant || applicant.role !== 'importer') {
      throw new AppError({
        code: 'UNKNOWN_REFERENCE',
        detail: `There is no applicant "${issue.applicantId}" (a manufacturer or importer principal).`,
        errors: [{ pointer: '/applicantId', message: `unknown applicant "${issue.applicantId}"` }],
      });
    }
    const regulations = await requireDocumentRequirements(store, issue, '/regulations');
    const reports: InstanceRecord[] = [];
    for (const [index, id] of (issue.testReports ?? []).entries()) {
      // Read with the body's own rights: a report it may not read is unknown to it, and nothing
      // of it reaches the certificate's facts, which every principal reads.
      const report = await requireInstance(context, 'test-reports', id, `/testReports/${index}`);
      if (report.context['importingEconomy'] !== issue.importingEconomy) {
        throw new AppError({
          code: 'VALIDATION_FAILED',
          detail: `Test report ${id} was made for ${String(report.context['importingEconomy'])}, not for ${issue.importingEconomy}.`,
          errors: [{ pointer: `/testReports/${index}`, message: `a report for ${String(report.context['importingEconomy'])}` }],
        });
      }
      reports.push(report);
    }
    const counterparts = await context.counterparts.find(context, foreignRequirements(issue, regulations, issue.issuedAt));
    const facts = await gatherCertificateFacts(context, body, issue, regulations, reports, counterparts);
    return {
      input: { ...input, reviewWindowEndsAt, validUntil, facts, counterparts: { regulations: counterparts.regulations, reasons: counterparts.reasons } },
      facts: facts as unknown as Record<string, unknown>,
    };
  },
};
