/**
 * One lab's test report on one equipment model for one importing economy (docs/domain.md, "Test report").
 *
 * (submitted) --screening: eligible--> under_review | --not eligible--> rejected (reason codes)
 * under_review --REQUEST_INFO--> info_requested --PROVIDE_INFO--> under_review
 * under_review --ACCEPT--> accepted --EXPIRED--> expired | --REVOKE--> revoked
 * under_review | info_requested --REJECT / LAB_RECOGNITION_ENDED--> rejected; --WITHDRAW--> withdrawn
 * info_requested --INFO_OVERDUE--> under_review (or rejected, when the request said `close`)
 * under_review | info_requested --RECOGNITION_SUSPENDED--> on_hold --RECOGNITION_RESUMED--> under_review
 * under_review | info_requested | on_hold --RECOGNITION_SCOPE_NARROWED--> rejected (SCOPE_REMOVED)
 * (submitted) --screening: eligible, but the lab's recognition is suspended now--> on_hold
 *
 * The engine gathers the facts of the screening (was the lab recognised on the test date, ...)
 * and passes them in the input; this machine turns them into a decision, and the history keeps both.
 */
import { and, assign, setup } from 'xstate';
import type { CreateTestReport, TestReportEventBody } from './schemas.js';
import { screeningReasons, type ScreeningFacts } from './screening.js';
import type { CounterpartJudgement } from '../kit/counterparts.js';
import { defineWorkflow, type EventMeta, type Reason, type Rule } from '../types.js';

/** A file of the report (the test report itself, or an annex), known by its content's SHA-256. */
export interface ReportDocument {
  sha256: string;
  size: number;
  /** Recognised from the content, never from the name. */
  mediaType: string;
  /** The file name the lab gave, for people. */
  name: string;
  role: 'report' | 'annex';
  attachedAt: string;
  /** The transition that attached it: CREATE, or PROVIDE_INFO in answer to a request. */
  attachedWith: string;
}

/** A regulator's request for information, and the lab's answer once given. */
export interface InfoRequest {
  request: string;
  requestedAt: string;
  /** The principal who asked. */
  requestedBy: string;
  response?: string;
  respondedAt?: string;
  /** SHA-256 of the files attached to the answer. */
  documents?: string[];
}

export type TestReportInput = CreateTestReport & {
  /** The submitting lab, from the acting principal. */
  cabId: string;
  /** The lab's economy. */
  exportingEconomy: string;
  facts: ScreeningFacts;
  /** What the report's foreign requirements count for (MRA-ETR); none when absent. */
  counterparts?: CounterpartJudgement;
  /** Files stored by the engine before the submission's commit. */
  documents?: ReportDocument[];
};

export type TestReportData = Omit<TestReportInput, 'facts' | 'counterparts' | 'documents'> & {
  /** Why the report was rejected; empty unless it was. */
  reasons: Reason[];
  /** The importing economy's regulations the report is in scope for through its counterparts (MRA-ETR). */
  equivalentRegulations?: string[];
  /** The suspended recognition the review waits for, while on hold. */
  heldBy?: string;
  /** What happens if the lab does not give the information asked for in time. */
  infoRequest?: { at: string; onNoAnswer: 'review' | 'close' };
  acceptedAt?: string;
  /** End of the acceptance. */
  validUntil?: string;
  documents: ReportDocument[];
  /** Every request for information, oldest first, each with its answer once given. */
  infoRequests: InfoRequest[];
};

/** PROVIDE_INFO carries the files the engine stored for it. */
export type TestReportEvent = TestReportEventBody & EventMeta & { documents?: ReportDocument[] };

/** States whose reports the public register shows whatever the reasons. */
const LISTED_STATES: ReadonlySet<string> = new Set(['accepted', 'expired', 'revoked']);

/**
 * Whether the public register shows a report: the decisions an importer relies on (accepted,
 * expired, revoked) and the regulator's own rejections. A report refused at screening, or
 * rejected because the lab's recognition ended, is the lab's business and stays private.
 */
export function isPubliclyListed(state: string, data: Pick<TestReportData, 'reasons'>): boolean {
  if (LISTED_STATES.has(state)) return true;
  return state === 'rejected' && data.reasons.some((r) => r.code === 'REJECTED_BY_REGULATOR');
}

/** Whether the report relies on an importing regulation: its own, or one a foreign requirement of it counts for (its counterparts). */
function inScope(context: TestReportData, regulation: string): boolean {
  return context.regulations.includes(regulation) || (context.equivalentRegulations ?? []).includes(regulation);
}

const IMPORTING_REGULATOR: readonly Rule[] = [{ role: 'regulator', economy: 'importingEconomy' }];
const THE_LAB: readonly Rule[] = [{ role: 'lab', cab: 'cabId' }];

export const testReportMachine = setup({
  types: {
    context: {} as TestReportData,
    events: {} as TestReportEvent,
    input: {} as TestReportInput,
  },
  guards: {
    passedScreening: ({ context }) => context.reasons.length === 0,
    heldAtScreening: ({ context }) => context.heldBy !== undefined,
    /** The suspended recognition covers one of the report's regulations. */
    coveredBySuspended: ({ context, event }) =>
      event.type === 'RECOGNITION_SUSPENDED' && event.scope.some((r) => inScope(context, r)),
    heldByThis: ({ context, event }) => event.type === 'RECOGNITION_RESUMED' && event.recognitionId === context.heldBy,
    reliesOnRemoved: ({ context, event }) =>
      event.type === 'RECOGNITION_SCOPE_NARROWED' && event.removed.some((r) => inScope(context, r)),
    closesOnNoAnswer: ({ context }) => context.infoRequest?.onNoAnswer === 'close',
    /** The recognition that ended covered at least one of the report's regulations. */
    coveredByEndedRecognition: ({ context, event }) =>
      event.type === 'LAB_RECOGNITION_ENDED' && event.scope.some((r) => inScope(context, r)),
  },
  actions: {
    /** The engine fills in the acceptance's end when the regulator leaves it out. */
    recordAcceptance: assign(({ event }) =>
      event.type === 'ACCEPT' ? { acceptedAt: event.at, validUntil: event.validUntil } : {},
    ),
    /** The open request (its answer deadline's rule) and the request itself, kept with its answer. */
    recordInfoRequest: assign({
      infoRequest: ({ event }) => ({ at: event.at, onNoAnswer: event.type === 'REQUEST_INFO' ? (event.onNoAnswer ?? 'review') : 'review' }),
      infoRequests: ({ context, event }) =>
        event.type === 'REQUEST_INFO'
          ? [...context.infoRequests, { request: event.request, requestedAt: event.at, requestedBy: event.actor.id }]
          : context.infoRequests,
    }),
    /** The answer goes onto the open request; its files join the report's documents. */
    recordInfoAnswer: assign(({ context, event }) => {
      if (event.type !== 'PROVIDE_INFO') return {};
      const attached = event.documents ?? [];
      const answered = context.infoRequests.map((r, i) =>
        i === context.infoRequests.length - 1
          ? { ...r, response: event.response, respondedAt: event.at, ...(attached.length > 0 ? { documents: attached.map((d) => d.sha256) } : {}) }
          : r,
      );
      return { infoRequests: answered, documents: [...context.documents, ...attached] };
    }),
    recordRejection: assign({
      reasons: ({ context, event }) => {
        if (event.type === 'REJECT') return [{ code: 'REJECTED_BY_REGULATOR', detail: event.reason }];
        if (event.type === 'INFO_OVERDUE') {
          return [{ code: 'INFO_NOT_PROVIDED', detail: 'The information the regulator asked for was not given by its deadline.' }];
        }
        if (event.type === 'RECOGNITION_SCOPE_NARROWED') {
          return [
            {
              code: 'SCOPE_REMOVED',
              detail: `The importing economy removed ${event.removed.filter((r) => inScope(context, r)).join(', ')} from the agreement before a decision.`,
            },
          ];
        }
        if (event.type === 'LAB_RECOGNITION_ENDED') {
          return [
            {
              code: 'LAB_RECOGNITION_ENDED',
              detail: `Recognition ${event.recognitionId} of the lab became ${event.recognitionState}.`,
            },
          ];
        }
        return [];
      },
    }),
    hold: assign({ heldBy: ({ context, event }) => (event.type === 'RECOGNITION_SUSPENDED' ? event.recognitionId : context.heldBy) }),
    release: assign({ heldBy: undefined }),
  },
}).createMachine({
  id: 'test-report',
  context: ({ input }) => {
    const { facts, counterparts = { regulations: [], reasons: [] }, documents, ...data } = input;
    const heldBy = facts.suspendedRecognitions?.[0];
    const equivalent = counterparts.regulations;
    return {
      ...data,
      reasons: [...screeningReasons(facts), ...counterparts.reasons],
      ...(equivalent.length === 0 ? {} : { equivalentRegulations: equivalent }),
      documents: documents ?? [],
      infoRequests: [],
      ...(heldBy === undefined ? {} : { heldBy }),
    };
  },
  initial: 'screening',
  states: {
    screening: {
      always: [
        { guard: and(['passedScreening', 'heldAtScreening']), target: 'on_hold' },
        { guard: 'passedScreening', target: 'under_review' },
        { target: 'rejected', actions: 'release' },
      ],
    },
    under_review: {
      on: {
        ACCEPT: { target: 'accepted', actions: 'recordAcceptance' },
        REJECT: { target: 'rejected', actions: 'recordRejection' },
        REQUEST_INFO: { target: 'info_requested', actions: 'recordInfoRequest' },
        WITHDRAW: 'withdrawn',
        LAB_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'rejected', actions: 'recordRejection' },
        RECOGNITION_SUSPENDED: { guard: 'coveredBySuspended', target: 'on_hold', actions: 'hold' },
        RECOGNITION_SCOPE_NARROWED: { guard: 'reliesOnRemoved', target: 'rejected', actions: 'recordRejection' },
        REVIEW_OVERDUE: {},
      },
    },
    info_requested: {
      on: {
        PROVIDE_INFO: { target: 'under_review', actions: 'recordInfoAnswer' },
        REJECT: { target: 'rejected', actions: 'recordRejection' },
        WITHDRAW: 'withdrawn',
        INFO_REMINDER: {},
        INFO_OVERDUE: [{ guard: 'closesOnNoAnswer', target: 'rejected', actions: 'recordRejection' }, { target: 'under_review' }],
        LAB_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'rejected', actions: 'recordRejection' },
        RECOGNITION_SUSPENDED: { guard: 'coveredBySuspended', target: 'on_hold', actions: 'hold' },
        RECOGNITION_SCOPE_NARROWED: { guard: 'reliesOnRemoved', target: 'rejected', actions: 'recordRejection' },
      },
    },
    on_hold: {
      on: {
        RECOGNITION_RESUMED: { guard: 'heldByThis', target: 'under_review', actions: 'release' },
        REJECT: { target: 'rejected', actions: ['recordRejection', 'release'] },
        WITHDRAW: { target: 'withdrawn', actions: 'release' },
        LAB_RECOGNITION_ENDED: { guard: 'coveredByEndedRecognition', target: 'rejected', actions: ['recordRejection', 'release'] },
        RECOGNITION_SCOPE_NARROWED: { guard: 'reliesOnRemoved', target: 'rejected', actions: ['recordRejection', 'release'] },
      },
    },
    accepted: {
      on: {
        REVOKE: 'revoked',
        EXPIRED: 'expired',
      },
    },
    rejected: { type: 'final' },
    withdrawn: { type: 'final' },
    revoked: { type: 'final' },
    expired: { type: 'final' },
  },
});

export const testReportWorkflow = defineWorkflow({
  kind: 'test-reports',
  noun: 'test report',
  machine: testReportMachine,
  version: 4,
  migrations: {
    /** Version 2 added on_hold and the answer deadline of a request for information; version-1 records need nothing new. */
    1: ({ state, context, updatedAt }) => ({
      state,
      context: state === 'info_requested' ? { ...context, infoRequest: { at: updatedAt, onNoAnswer: 'review' } } : context,
    }),
    /** Version 3 keeps documents and the requests for information with their answers in the data; earlier records had none. */
    2: ({ state, context }) => ({ state, context: { documents: [], infoRequests: [], ...context } }),
    /** Version 4 takes the certification application a report supports (optional); version-3 records name none and need nothing. */
    3: ({ state, context }) => ({ state, context }),
  },
  create: [{ role: 'lab' }],
  events: {
    ACCEPT: IMPORTING_REGULATOR,
    REJECT: IMPORTING_REGULATOR,
    REQUEST_INFO: IMPORTING_REGULATOR,
    PROVIDE_INFO: THE_LAB,
    WITHDRAW: THE_LAB,
    REVOKE: IMPORTING_REGULATOR,
    REVIEW_OVERDUE: [{ role: 'system' }],
    EXPIRED: [{ role: 'system' }],
    LAB_RECOGNITION_ENDED: [{ role: 'system' }],
    RECOGNITION_SUSPENDED: [{ role: 'system' }],
    RECOGNITION_RESUMED: [{ role: 'system' }],
    RECOGNITION_SCOPE_NARROWED: [{ role: 'system' }],
    INFO_REMINDER: [{ role: 'system' }],
    INFO_OVERDUE: [{ role: 'system' }],
  },
  readers: [
    { role: 'lab', cab: 'cabId' },
    // The certification body the lab names as receiving the application the report supports
    // (docs/domain.md, "Certificate": which reports a certificate may rest on by id).
    { role: 'lab', cab: 'certificationApplication.certificationBodyId' },
    { role: 'regulator', economy: 'importingEconomy' },
    { role: 'importer', principal: 'importerId' },
    { role: 'admin' },
    { role: 'system' },
  ],
  parties: [
    { cab: 'cabId' },
    { principals: { role: 'regulator', economy: 'importingEconomy' } },
    { principal: 'importerId' },
  ],
  search: {
    cabId: 'cabId',
    reportNumber: 'reportNumber',
    importingEconomy: 'importingEconomy',
    exportingEconomy: 'exportingEconomy',
    importerId: 'importerId',
    /** The economy whose public register lists the report, while it does. */
    listedIn: {
      derive: ({ state, data }) =>
        isPubliclyListed(state, data as unknown as TestReportData) ? (data as unknown as TestReportData).importingEconomy : undefined,
    },
    /** Every file of the report, for verifying a file by its hash. */
    documentSha256: { derive: ({ data }) => ((data as unknown as TestReportData).documents ?? []).map((d) => d.sha256) },
    /** The importing and the exporting economy, for a filter by either. */
    economy: { anyOf: ['importingEconomy', 'exportingEconomy'] },
  },
  text: {
    manufacturer: 'equipment.manufacturer',
    model: 'equipment.model',
    category: 'equipment.category',
    reportNumber: 'reportNumber',
  },
  documents: { onCreate: true, events: ['PROVIDE_INFO'] },
  unique: [['cabId', 'reportNumber']],
  deadlines: {
    under_review: [{ event: 'REVIEW_OVERDUE', after: 'review' }],
    info_requested: [
      { event: 'INFO_REMINDER', after: 'infoReminder' },
      { event: 'INFO_OVERDUE', after: 'infoAnswer' },
    ],
    accepted: [{ event: 'EXPIRED', at: 'validUntil' }],
  },
  durations: {
    // Our default: no text we read gives a period for reviewing a test report; Viet Nam's 7 working
    // days are the certification of conformity's, a later step (docs/domain.md, "Default durations").
    review: { default: '27 working days', meaning: 'how long a report is under review before the parties are reminded (REVIEW_OVERDUE)', source: 'ours' },
    // Our default: an acceptance lasts 3 years unless the regulator gives its own end date.
    acceptanceValidity: { default: '3 years', meaning: 'how long an acceptance lasts when the regulator gives no end date', source: 'ours' },
    // Our defaults: no text we could read sets a period for a lab to answer.
    infoReminder: { default: '10 working days', meaning: 'how long after a request for information the lab is reminded (INFO_REMINDER)', source: 'ours' },
    infoAnswer: { default: '20 working days', meaning: 'how long the lab has to answer a request for information (INFO_OVERDUE)', source: 'ours' },
  },
  cascades: [],
});
