/** What a person asks of the engine that changes an instance: create one, send an event to one. */
import { workflows } from '../kinds/index.js';
import type { Actor, Kind } from '../kinds/types.js';
import type { EventBody } from '../kinds/kit/rules.js';
import type { InstanceRecord } from '../store/port.js';
import type { DocumentUpload } from '../documents/inspect.js';
import { commitStep } from './commit.js';
import { inspectUploads, loadReadable, ruleContext, settling, type EngineCore } from './core.js';
import type { KeptDocuments } from './documents.js';
import { staleVersion } from './refusals.js';
import { validateEventBody } from './requests.js';
import type { Resource } from './resource.js';
import { retryOnConflict } from './retry-on-conflict.js';
import { prepareCreation, prepareStep, type StepOptions } from './step.js';

export async function create(
  core: EngineCore,
  kind: Kind,
  body: unknown,
  actor: Actor,
  options: { id?: string; documents?: readonly DocumentUpload[] },
): Promise<Resource> {
  const { step, kept } = await prepareCreation(core, kind, body, actor, ruleContext(core, actor), options);
  return settling(kept, () => commitStep(core, step, actor));
}

export async function send(
  core: EngineCore,
  kind: Kind,
  id: string,
  body: unknown,
  actor: Actor,
  options: { expectedVersion?: number; documents?: readonly DocumentUpload[] },
): Promise<Resource> {
  const event = validateEventBody(core.validator, kind, body);
  const uploads = await inspectUploads(core, kind, event.type, options.documents);
  let kept: KeptDocuments | null = null;
  const attach = uploads
    ? async () => (kept ??= await core.documents!.keep(kind, uploads, core.clock.now().toISOString(), event.type))
    : undefined;
  const attempt = async () => {
    const record = await loadReadable(core, kind, id, actor);
    if (options.expectedVersion !== undefined && options.expectedVersion !== record.version) {
      throw staleVersion(workflows[kind], record, options.expectedVersion);
    }
    return applyEvent(core, record, event, actor, attach ? { attach } : {});
  };
  // Without an expected version the sender meant "whatever the state is now": a commit that lost
  // a race is judged again on the fresh record. With one, the conflict is theirs to see.
  return settling(
    () => kept,
    () => (options.expectedVersion === undefined ? retryOnConflict(attempt) : attempt()),
  );
}

/** Authorises and applies one event to a loaded (and upgraded) record, and commits it. */
export async function applyEvent(core: EngineCore, record: InstanceRecord, body: EventBody, actor: Actor, options: StepOptions): Promise<Resource> {
  return commitStep(core, await prepareStep(record, body, actor, options, ruleContext(core, actor)), actor);
}
