/**
 * Test-report rules: the submitting lab is the acting principal; the regulations are the
 * importing economy's; dates are in order; then the screening facts as of the test date.
 */
import { compareInstants } from '../types.js';
import { shift } from '../../durations.js';
import { AppError } from '../../errors.js';
import { gatherScreeningFacts, type Submission } from './facts.js';
import { foreignRequirements, requireDocumentRequirements, type Documented } from '../kit/requirements.js';
import { requireAfter, requireCab } from '../kit/references.js';
import type { KindRules } from '../kit/rules.js';
import type { DirectoryStore } from '../../store/port.js';

/** The certification body a report's certification application names, if any, must be one. */
async function requireCertificationBody(store: DirectoryStore, id: string | undefined): Promise<void> {
  if (id === undefined) return;
  const pointer = '/certificationApplication/certificationBodyId';
  const body = await requireCab(store, id, pointer);
  if (body.type !== 'certification_body') {
    throw new AppError({
      code: 'VALIDATION_FAILED',
      detail: `${body.name} is a testing laboratory: a certification application is received by a certification body.`,
      errors: [{ pointer, message: `"${id}" is not a certification body` }],
    });
  }
}

export const testReportRules: KindRules = {
  async derive(body, { store, actor }) {
    if (actor.role !== 'lab' || actor.cabId === undefined) return body;
    const lab = await requireCab(store, actor.cabId, '/cabId');
    // CAB principals all act under the `lab` role; only a testing laboratory tests.
    if (lab.type !== 'lab') {
      throw new AppError({
        code: 'FORBIDDEN',
        detail: `${lab.name} is a certification body: only a testing laboratory submits test reports.`,
        publicFields: { reasons: [{ code: 'NOT_A_TESTING_LAB', detail: `${lab.id} is a ${lab.type}` }] },
      });
    }
    return { ...body, cabId: lab.id, exportingEconomy: lab.economy };
  },

  async assess(input, context) {
    const { store, now } = context;
    const submission = input as unknown as Submission &
      Documented & { issuedAt: string; importerId?: string; certificationApplication?: { certificationBodyId?: string } };
    if (compareInstants(submission.issuedAt, now.toISOString()) > 0) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: `issuedAt must not be in the future (it is ${now.toISOString()} now).`,
        errors: [{ pointer: '/issuedAt', message: 'must not be in the future' }],
      });
    }
    if (compareInstants(submission.issuedAt, submission.testedAt) < 0) {
      throw new AppError({
        code: 'VALIDATION_FAILED',
        detail: 'issuedAt must not be before testedAt: a report is issued after its tests.',
        errors: [{ pointer: '/issuedAt', message: 'must not be before testedAt' }],
      });
    }
    // Retired versions are a screening fact (REGULATION_RETIRED), not a malformed request; the
    // exporting economy's regulations and the schemes count only through their counterparts.
    const regulations = await requireDocumentRequirements(store, submission, '/regulations');
    if (submission.importerId !== undefined) {
      const importer = await store.getPrincipal(submission.importerId);
      if (!importer || importer.role !== 'importer') {
        throw new AppError({
          code: 'UNKNOWN_REFERENCE',
          detail: `There is no importer "${submission.importerId}".`,
          errors: [{ pointer: '/importerId', message: `unknown importer "${submission.importerId}"` }],
        });
      }
    }
    for (const [index, sub] of (submission.subcontractors ?? []).entries()) await requireCab(store, sub, `/subcontractors/${index}`);
    await requireCertificationBody(store, submission.certificationApplication?.certificationBodyId);
    const counterparts = await context.counterparts.find(context, foreignRequirements(submission, regulations, submission.testedAt));
    const facts = await gatherScreeningFacts(context, submission, regulations, counterparts);
    return {
      input: { ...input, facts, counterparts: { regulations: counterparts.regulations, reasons: counterparts.reasons } },
      facts: facts as unknown as Record<string, unknown>,
    };
  },

  prepareEvent(_record, event, { now, durations, policies }) {
    if (event.type === 'REQUEST_INFO') return Promise.resolve({ event: { ...event, onNoAnswer: event['onNoAnswer'] ?? policies.infoUnanswered } });
    if (event.type !== 'ACCEPT') return Promise.resolve({ event });
    const validUntil = (event['validUntil'] as string | undefined) ?? shift(now, durations.get('test-reports', 'acceptanceValidity')).toISOString();
    requireAfter(validUntil, now.toISOString(), '/validUntil', 'must be in the future');
    return Promise.resolve({ event: { ...event, validUntil } });
  },
};
