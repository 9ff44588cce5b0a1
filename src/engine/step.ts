/**
 * A step before its commit: the body validated, the actor authorised, the rules' facts gathered
 * and the machine's pure transition computed. Nothing is written here (files aside, which
 * `settling` lets go of should the commit not go in).
 */
import { initialTransition } from 'xstate';
import { workflows } from '../kinds/index.js';
import type { Actor, Kind } from '../kinds/types.js';
import { kindRules } from '../kinds/index.js';
import type { EventBody, RuleContext } from '../kinds/kit/rules.js';
import { workflowSchemas } from '../schemas/index.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import type { InstanceRecord } from '../store/port.js';
import type { DocumentUpload } from '../documents/inspect.js';
import { ownValue } from '../own.js';
import { admits } from './authorize.js';
import type { Step } from './commit-plan.js';
import { inspectUploads, type EngineCore } from './core.js';
import type { KeptDocuments } from './documents.js';
import { pureTransition } from './pure-transition.js';
import { mayNotCreate, mayNotSend, notAccepted } from './refusals.js';
import { snapshotOf } from './upgrade.js';

export interface StepOptions {
  /** Stores the files the event attaches, once it is known to be allowed; answers their records. */
  attach?: () => Promise<KeptDocuments>;
  facts?: Record<string, unknown>;
  cause?: Record<string, unknown>;
  completesDeadline?: string;
}

/** Everything a creation does before its commit: the checks, the rules, the facts and the first snapshot. */
export async function prepareCreation(
  core: EngineCore,
  kind: Kind,
  body: unknown,
  actor: Actor,
  context: RuleContext,
  options: { id?: string; documents?: readonly DocumentUpload[] } = {},
): Promise<{ step: Step; kept: KeptDocuments | null }> {
  const workflow = workflows[kind];
  const rules = kindRules[kind];
  const validated = core.validator.validate<Record<string, unknown>>(workflowSchemas[kind].create.$id, body, `The new ${workflow.noun}`);
  const uploads = await inspectUploads(core, kind, 'CREATE', options.documents);
  const derived = rules.derive ? await rules.derive(validated, context) : validated;
  if (!admits(workflow.create, actor, derived)) {
    throw mayNotCreate(workflow, actor);
  }
  const { input, facts } = rules.assess ? await rules.assess(derived, context) : { input: derived, facts: undefined };
  const kept = uploads ? await core.documents!.keep(kind, uploads, context.now.toISOString(), 'CREATE') : null;
  const attached = kept ? { documents: kept.documents } : {};
  const [snapshot] = initialTransition(workflow.machine, { ...input, ...attached });
  const step: Step = {
    workflow,
    id: options.id ?? newId(),
    before: null,
    after: { state: String(snapshot.value), context: snapshot.context as Record<string, unknown> },
    event: { type: 'CREATE', payload: { ...validated, ...attached } },
    actor,
    at: context.now,
    ...(facts === undefined ? {} : { facts }),
  };
  return { step, kept };
}

/** Everything an event does before its commit: authorisation, the event's preparation and the pure transition. */
export async function prepareStep(record: InstanceRecord, body: EventBody, actor: Actor, options: StepOptions, context: RuleContext): Promise<Step> {
  const workflow = workflows[record.kind];
  if (!admits(ownValue(workflow.events, body.type), actor, record.context)) throw mayNotSend(workflow, record, body.type, actor);
  const at = context.now;
  const snapshot = snapshotOf(workflow, record);
  // Checked before preparing the event: preparation reads the store and may take a sequence
  // number, and a refused event must change nothing. Guards never read the payload.
  if (workflow.machine.getTransitionData(snapshot, { ...body, at: at.toISOString(), actor }).length === 0) {
    throw notAccepted(workflow, record, body.type, kindRules[record.kind].whyNotAccepted?.(record, { ...body, actor }));
  }
  const prepared = kindRules[record.kind].prepareEvent
    ? await kindRules[record.kind].prepareEvent!(record, body, context)
    : { event: body };
  const kept = options.attach ? await options.attach() : null;
  const event = kept ? { ...prepared.event, documents: kept.documents } : prepared.event;
  const next = pureTransition(workflow.machine, snapshot, { ...event, at: at.toISOString(), actor });
  if (next.status === 'error') {
    throw new AppError({ code: 'INTERNAL', detail: `The ${workflow.kind} machine failed on ${body.type}.`, cause: next.error });
  }
  const { type, ...payload } = event;
  const facts = prepared.facts ?? options.facts;
  return {
    workflow,
    id: record.id,
    before: { state: record.state, context: record.context, version: record.version, createdAt: record.createdAt },
    after: { state: String(next.value), context: next.context as Record<string, unknown> },
    event: { type, payload },
    actor,
    at,
    ...(facts === undefined ? {} : { facts }),
    ...(options.cause === undefined ? {} : { cause: options.cause }),
    ...(options.completesDeadline === undefined ? {} : { completesDeadline: options.completesDeadline }),
  };
}
