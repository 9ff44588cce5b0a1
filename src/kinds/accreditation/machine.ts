/**
 * A CAB's accreditation by an accreditation body, as ISO/IEC 17011 runs it (docs/domain.md,
 * "Accreditation"; ILAC FAQ 23, 24, 29).
 *
 * active --RENEWAL_DUE (deadline, 90 days before expiry)--> renewal_due
 * active | renewal_due --RENEWAL_SUBMITTED (CAB)--> renewal_submitted --RENEW (body, a new cycle)--> active
 * active | renewal_due | renewal_submitted | suspended --EXPIRED (deadline at valid-until)--> lapsed
 * active | renewal_due | renewal_submitted --SUSPEND--> suspended --REINSTATE (after the body's
 *   on-site check, dated on or after the suspension began)--> active
 * lapsed --REACCREDIT (body, a new cycle)--> active
 * any live state --WITHDRAW--> withdrawn
 * Within the cycle, the state kept: RECORD_VISIT (surveillance or re-assessment, on site or not);
 *   ON_SITE_VISIT_DUE (deadline, before two years have passed since the last on-site visit);
 *   REDUCE_SCOPE (also while suspended) and EXTEND_SCOPE (after an assessment), each kept in
 *   `scopeHistory` so that the scope on any date can be told.
 * Lapse, suspension and withdrawal reach the CAB's recognitions by cascade; reinstatement and
 * re-accreditation restore the recognitions that lapsed with it (while their listing is valid); a
 * reduced scope narrows the recognitions standing on this accreditation.
 */
import { assign, setup } from 'xstate';
import type { AccreditationEventBody, CreateAccreditation } from './schemas.js';
import { accreditationMigrations } from './migrations.js';
import { onSiteDueAfter, regulationsNoLongerCovered, type CycleData, type ScopeChange, type Visit } from './cycle.js';
import { compareInstants, defineWorkflow, type EventMeta, type Period, type Rule } from '../types.js';

export type AccreditationInput = CreateAccreditation & {
  /** The principal of the accreditation body that granted it. */
  accreditationBodyId: string;
  /** The CAB's economy. */
  economy: string;
};

export interface Interruption extends Period {
  state: 'suspended' | 'lapsed' | 'withdrawn';
}

export type AccreditationData = AccreditationInput &
  CycleData & {
    /** Spans in which the accreditation did not hold although within its validity. */
    interruptions: Interruption[];
  };

export { accreditationCoversOn } from './cycle.js';

export type AccreditationEvent = AccreditationEventBody & EventMeta;

/** Whether the accreditation held at an instant: within its validity and not interrupted. */
export function accreditationActiveOn(data: AccreditationData, at: string): boolean {
  const interrupted = data.interruptions.some((i) => compareInstants(i.from, at) <= 0 && (i.to === undefined || compareInstants(at, i.to) < 0));
  return compareInstants(data.validFrom, at) <= 0 && compareInstants(at, data.validUntil) < 0 && !interrupted;
}

/** Whether the accreditation covers every one of the regulations now (on a date: `accreditationCoversOn`). */
export function accreditationCovers(data: AccreditationData, regulations: readonly string[]): boolean {
  return regulations.every((r) => data.scope.includes(r));
}

const THE_BODY: readonly Rule[] = [{ role: 'accreditation_body', principal: 'accreditationBodyId' }];

/** When the next on-site visit is due; a new due date is to be reminded of, one already reminded of is not. */
function nextOnSite(visits: readonly Visit[], onSiteSince: string, before?: Pick<CycleData, 'onSiteDue' | 'onSiteDueNotice'>) {
  const onSiteDue = onSiteDueAfter(visits, onSiteSince);
  const reminded = before !== undefined && before.onSiteDue === onSiteDue && before.onSiteDueNotice === undefined;
  return { onSiteSince, onSiteDue, onSiteDueNotice: reminded ? undefined : onSiteDue };
}

function sameScope(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r));
}

function scopeChange(from: string, change: ScopeChange['scopeChange'], scope: string[], before: readonly string[]): ScopeChange {
  const removed = before.filter((r) => !scope.includes(r));
  const added = scope.filter((r) => !before.includes(r));
  return { from, scopeChange: change, scope, ...(removed.length > 0 ? { removed } : {}), ...(added.length > 0 ? { added } : {}) };
}

export const accreditationMachine = setup({
  types: {
    context: {} as AccreditationData,
    events: {} as AccreditationEvent,
    input: {} as AccreditationInput,
  },
  guards: {
    /** The validity has not run out. */
    stillValid: ({ context, event }) => compareInstants(context.validUntil, event.at) > 0,
    /**
     * Some regulation can be taken out and some left (taking out all is a withdrawal). Which ones,
     * and the dates of checks and visits, the rules check before the machine runs, each refusal
     * with its reason code (`rules.ts`): the engine asks the machine first, and a bare refusal
     * here would hide the reason.
     */
    reducesScope: ({ context }) => context.scope.length > 1,
  },
  actions: {
    interrupt: assign({
      interruptions: ({ context, event }, params: { state: Interruption['state'] }) => [
        ...context.interruptions,
        { state: params.state, from: event.at },
      ],
    }),
    endInterruption: assign({
      interruptions: ({ context, event }) =>
        context.interruptions.map((i) => (i.to === undefined ? { ...i, to: event.at } : i)),
    }),
    /** A new cycle from today; a re-accreditation (after a lapse) counts on-site visits from today too. */
    recordRenewal: assign(({ context, event }) => {
      if (event.type !== 'RENEW' && event.type !== 'REACCREDIT') return {};
      const scope = event.scope ?? context.scope;
      const onSiteSince = event.type === 'REACCREDIT' ? event.at : context.onSiteSince;
      return {
        validUntil: event.validUntil,
        certificateNumber: event.certificateNumber ?? context.certificateNumber,
        cycleFrom: event.at,
        ...nextOnSite(context.visits, onSiteSince, context),
        ...(sameScope(scope, context.scope)
          ? {}
          : {
              scope,
              scopeHistory: [
                ...context.scopeHistory,
                scopeChange(event.at, 'renewed', scope, context.scope),
              ],
            }),
      };
    }),
    recordVisit: assign(({ context, event }) => {
      const visit: Visit | undefined =
        event.type === 'RECORD_VISIT'
          ? {
              visitedOn: event.visitedOn,
              visitKind: event.visitKind,
              onSite: event.onSite ?? false,
              visitOutcome: event.visitOutcome,
              reportReference: event.reportReference,
              recordedAt: event.at,
            }
          : event.type === 'REINSTATE'
            ? {
                visitedOn: event.checkedOn,
                visitKind: 'reinstatement',
                onSite: true,
                visitOutcome: 'conforming',
                reportReference: event.checkReference,
                recordedAt: event.at,
              }
            : undefined;
      if (visit === undefined) return {};
      const visits = [...context.visits, visit];
      return { visits, ...nextOnSite(visits, context.onSiteSince, context) };
    }),
    /** The parties were reminded of the next on-site visit: not again on a later change of state. */
    reminded: assign({ onSiteDueNotice: undefined }),
    changeScope: assign(({ context, event }) => {
      if (event.type === 'REDUCE_SCOPE') {
        const scope = context.scope.filter((r) => !event.regulations.includes(r));
        return { scope, scopeHistory: [...context.scopeHistory, { ...scopeChange(event.at, 'reduced', scope, context.scope), reason: event.reason }] };
      }
      if (event.type === 'EXTEND_SCOPE') {
        const scope = [...context.scope, ...event.regulations.filter((r) => !context.scope.includes(r))];
        const change = { ...scopeChange(event.at, 'extended', scope, context.scope), assessedOn: event.assessedOn, reportReference: event.reportReference };
        return { scope, scopeHistory: [...context.scopeHistory, change] };
      }
      return {};
    }),
  },
}).createMachine({
  id: 'accreditation',
  context: ({ input }) => ({
    ...input,
    interruptions: [],
    cycleFrom: input.validFrom,
    scopeHistory: [{ from: input.validFrom, scopeChange: 'granted', scope: [...input.scope] }],
    visits: [],
    ...nextOnSite([], input.validFrom),
  }),
  initial: 'active',
  states: {
    active: {
      on: {
        RENEWAL_DUE: 'renewal_due',
        RENEWAL_SUBMITTED: 'renewal_submitted',
        EXPIRED: { target: 'lapsed', actions: { type: 'interrupt', params: { state: 'lapsed' } } },
        SUSPEND: { target: 'suspended', actions: { type: 'interrupt', params: { state: 'suspended' } } },
        WITHDRAW: { target: 'withdrawn', actions: { type: 'interrupt', params: { state: 'withdrawn' } } },
        RECORD_VISIT: { actions: 'recordVisit' },
        ON_SITE_VISIT_DUE: { actions: 'reminded' },
        REDUCE_SCOPE: { guard: 'reducesScope', actions: 'changeScope' },
        EXTEND_SCOPE: { actions: 'changeScope' },
      },
    },
    renewal_due: {
      on: {
        RENEWAL_SUBMITTED: 'renewal_submitted',
        EXPIRED: { target: 'lapsed', actions: { type: 'interrupt', params: { state: 'lapsed' } } },
        SUSPEND: { target: 'suspended', actions: { type: 'interrupt', params: { state: 'suspended' } } },
        WITHDRAW: { target: 'withdrawn', actions: { type: 'interrupt', params: { state: 'withdrawn' } } },
        RECORD_VISIT: { actions: 'recordVisit' },
        ON_SITE_VISIT_DUE: { actions: 'reminded' },
        REDUCE_SCOPE: { guard: 'reducesScope', actions: 'changeScope' },
        EXTEND_SCOPE: { actions: 'changeScope' },
      },
    },
    renewal_submitted: {
      on: {
        RENEW: { target: 'active', actions: 'recordRenewal' },
        EXPIRED: { target: 'lapsed', actions: { type: 'interrupt', params: { state: 'lapsed' } } },
        SUSPEND: { target: 'suspended', actions: { type: 'interrupt', params: { state: 'suspended' } } },
        WITHDRAW: { target: 'withdrawn', actions: { type: 'interrupt', params: { state: 'withdrawn' } } },
        RECORD_VISIT: { actions: 'recordVisit' },
        ON_SITE_VISIT_DUE: { actions: 'reminded' },
        REDUCE_SCOPE: { guard: 'reducesScope', actions: 'changeScope' },
        EXTEND_SCOPE: { actions: 'changeScope' },
      },
    },
    suspended: {
      on: {
        // ILAC FAQ 29: REINSTATE carries the on-site check (required by its schema; dated since the suspension began, by the rules).
        REINSTATE: { guard: 'stillValid', target: 'active', actions: ['endInterruption', 'recordVisit'] },
        REDUCE_SCOPE: { guard: 'reducesScope', actions: 'changeScope' },
        EXPIRED: {
          target: 'lapsed',
          actions: ['endInterruption', { type: 'interrupt', params: { state: 'lapsed' } }],
        },
        WITHDRAW: {
          target: 'withdrawn',
          actions: ['endInterruption', { type: 'interrupt', params: { state: 'withdrawn' } }],
        },
      },
    },
    lapsed: {
      on: {
        // A new cycle: validFrom stays the first cycle's, so the gap is the lapse's interruption, closed now.
        REACCREDIT: { target: 'active', actions: ['endInterruption', 'recordRenewal'] },
      },
    },
    withdrawn: { type: 'final' },
  },
});

export const accreditationWorkflow = defineWorkflow({
  kind: 'accreditations',
  noun: 'accreditation',
  machine: accreditationMachine,
  version: 3,
  migrations: accreditationMigrations,
  create: [{ role: 'accreditation_body' }],
  events: {
    RENEWAL_DUE: [{ role: 'system' }],
    RENEWAL_SUBMITTED: [{ role: 'lab', cab: 'cabId' }],
    RENEW: THE_BODY,
    EXPIRED: [{ role: 'system' }],
    SUSPEND: THE_BODY,
    REINSTATE: THE_BODY,
    REACCREDIT: THE_BODY,
    RECORD_VISIT: THE_BODY,
    ON_SITE_VISIT_DUE: [{ role: 'system' }],
    REDUCE_SCOPE: THE_BODY,
    EXTEND_SCOPE: THE_BODY,
    WITHDRAW: THE_BODY,
  },
  parties: [
    { cab: 'cabId' },
    { principal: 'accreditationBodyId' },
    { principals: { role: 'designating_authority', economy: 'economy' } },
  ],
  search: {
    cabId: 'cabId',
    accreditationBodyId: 'accreditationBodyId',
    certificateNumber: 'certificateNumber',
    economy: 'economy',
    standard: 'standard',
  },
  text: { certificateNumber: 'certificateNumber', standard: 'standard' },
  unique: [['accreditationBodyId', 'certificateNumber']],
  deadlines: {
    active: [
      { event: 'RENEWAL_DUE', at: 'validUntil', before: 'renewalReminder' },
      { event: 'EXPIRED', at: 'validUntil' },
      { event: 'ON_SITE_VISIT_DUE', at: 'onSiteDueNotice', before: 'onSiteReminder' },
    ],
    renewal_due: [
      { event: 'EXPIRED', at: 'validUntil' },
      { event: 'ON_SITE_VISIT_DUE', at: 'onSiteDueNotice', before: 'onSiteReminder' },
    ],
    renewal_submitted: [
      { event: 'EXPIRED', at: 'validUntil' },
      { event: 'ON_SITE_VISIT_DUE', at: 'onSiteDueNotice', before: 'onSiteReminder' },
    ],
    suspended: [{ event: 'EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // Our default: the NVLAP procedures in force (15 CFR 285.10, as amended in 2020) set no reminder;
    // the 30 days' notice of the former 15 CFR 285.23(c) was dropped in 2001.
    renewalReminder: { default: '90 days', meaning: 'how long before its validity ends an accreditation becomes renewal_due', source: 'ours' },
    // Our default: ILAC FAQ 24 has an on-site visit at least every 2 years, and no notice before it.
    onSiteReminder: {
      default: '90 days',
      meaning: 'how long before an on-site visit is due (2 years after the last one) the parties are reminded (ON_SITE_VISIT_DUE; our default)',
      source: 'ours',
    },
  },
  cascades: [
    {
      name: 'accreditation-lost',
      onEnter: ['lapsed', 'suspended', 'withdrawn'],
      target: 'recognitions',
      where: { cabId: 'cabId' },
      inStates: ['recognized', 'suspended', 'contested', 'verification'],
      event: 'ACCREDITATION_LAPSED',
      payload: ({ id, state }) => ({ accreditationId: id, accreditationState: state }),
    },
    {
      name: 'accreditation-restored',
      onEnter: ['active'],
      from: ['suspended', 'lapsed'],
      target: 'recognitions',
      where: { cabId: 'cabId' },
      inStates: ['lapsed'],
      event: 'ACCREDITATION_RESTORED',
      payload: ({ id }) => ({ accreditationId: id }),
    },
    {
      // ISO/IEC 17011: what the accreditation no longer covers, the recognitions standing on it no
      // longer cover either. Every regulation it has lost is sent, so a late run still says it all.
      name: 'accreditation-scope-reduced',
      onEvent: ['REDUCE_SCOPE', 'RENEW', 'REACCREDIT'],
      target: 'recognitions',
      where: { cabId: 'cabId' },
      inStates: ['pending', 'info_requested', 'recognized', 'suspended', 'contested', 'verification', 'lapsed'],
      event: 'ACCREDITATION_SCOPE_REDUCED',
      payload: ({ id, data }) => ({ accreditationId: id, removed: regulationsNoLongerCovered(data as unknown as AccreditationData) }),
    },
  ],
});
