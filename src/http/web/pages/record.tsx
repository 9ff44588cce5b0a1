/**
 * One record: its state in words and what happens next, the events this person may send now
 * (one form each, generated from the event's schema, carrying the version the page shows), its
 * data, where it stands in its process, its pending deadlines, documents and history.
 */
import type { Resource } from '../../../engine/resource.js';
import type { MachineDescription } from '../../../machine-docs/describe.js';
import type { HistoryEntry } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { Diagram } from '../components/diagram.js';
import type { Refusal } from '../components/form-parts.js';
import { actionWords, StateTag } from '../components/names.js';
import { DataList, PendingDeadlines, Timeline } from '../components/record-parts.js';
import { DocumentList, FileInputs } from '../components/documents.js';
import { SchemaForm } from '../components/schema-form.js';
import { OpenSuspensionList } from '../components/suspensions.js';
import { suspensionsOf } from '../../../public/recognition-register.js';
import type { RecognitionData } from '../../../kinds/recognition/machine.js';
import type { ReportDocument } from '../../../kinds/test-report/machine.js';
import type { FormField } from '../schema-fields.js';

export interface RecordView {
  resource: Resource;
  title: string;
  machine: MachineDescription;
  history: HistoryEntry[];
  /** The form of each event the person may send now. */
  forms: Array<{ event: string; fields: FormField[]; files: boolean }>;
  /** After a refused event: which one, what was typed, and why. */
  refused?: { event: string; values: Record<string, string>; refusal: Refusal };
  /** After a version conflict: the version the person had seen. */
  conflictSince?: number;
  done?: 'sent' | 'created';
}

/**
 * The record's data as the page shows it. `infoRequest` is the machine's note of the last request
 * for information (its answer deadline's rule) and stays after the answer: shown as "open" only
 * while the record waits for that answer; each request and its answer are in `infoRequests`.
 */
function shownData(resource: RecordView['resource']): Record<string, unknown> {
  if (resource.state === 'info_requested' || !('infoRequest' in resource.data)) return resource.data;
  const { infoRequest: _answered, ...rest } = resource.data;
  return rest;
}

/** The states of a recognition in which its open suspensions still hold (once it ended, they do not matter). */
const LIVE_RECOGNITION = ['recognized', 'suspended', 'contested', 'verification'];

export function RecordPage({ context, view }: { context: PageContext; view: RecordView }) {
  const { text, wording } = context;
  const { resource } = view;
  const kind = resource.kind;
  const base = `/records/${kind}/${encodeURIComponent(resource.id)}`;
  return (
    <>
      <p class="breadcrumb"><a href={`/records/${kind}`}>{text.kinds[kind]}</a></p>
      <h1>{view.title}</h1>
      {view.done && <div class="notice" role="status">{view.done === 'sent' ? text.instance.sent : text.instance.created}</div>}
      {view.conflictSince !== undefined && (
        <div class="error-summary" role="alert" id="conflict">
          <h2>{text.instance.conflict}</h2>
          <h3>{text.instance.conflictChanges}</h3>
          <Timeline context={context} kind={kind} entries={view.history} since={view.conflictSince} />
        </div>
      )}
      <p class="state-line">
        {text.instance.state}: <StateTag context={context} kind={kind} state={resource.state} />{' '}
        <span class="muted">{text.instance.version(resource.version)}</span>
      </p>
      <p>{wording.next[kind][resource.state]}</p>
      {kind === 'recognitions' && LIVE_RECOGNITION.includes(resource.state) && (
        <OpenSuspensionList context={context} economies={new Map()} suspensions={suspensionsOf(resource.data as unknown as RecognitionData)} />
      )}

      <section aria-labelledby="actions">
        <h2 id="actions">{text.instance.actions}</h2>
        {view.forms.length === 0 && <p>{text.instance.noActions}</p>}
        {view.forms.map(({ event, fields, files }) => {
          const refused = view.refused?.event === event ? view.refused : undefined;
          return (
            <details class="action" open={Boolean(refused) || view.forms.length === 1}>
              <summary>{actionWords(context, kind, event)}</summary>
              <SchemaForm
                context={context}
                action={`${base}/events`}
                fields={fields}
                submit={text.instance.send}
                hidden={{ type: event, version: String(resource.version) }}
                state={{ values: refused?.values ?? {}, refusal: refused?.refusal ?? null, idPrefix: `${event}-` }}
                {...(files ? { enctype: 'multipart/form-data' } : {})}
              >
                {files && <FileInputs context={context} idPrefix={`${event}-`} reportRequired={false} />}
              </SchemaForm>
            </details>
          );
        })}
      </section>

      <div class="columns">
        <section aria-labelledby="details">
          <h2 id="details">{text.instance.data}</h2>
          <DataList context={context} kind={kind} data={shownData(resource)} />
        </section>
        <section>
          <h2>{text.instance.pending}</h2>
          <PendingDeadlines context={context} kind={kind} deadlines={resource.deadlines} />
          <h2>{text.instance.documents}</h2>
          {kind === 'test-reports' ? (
            <DocumentList context={context} reportId={resource.id} documents={(resource.data['documents'] as ReportDocument[] | undefined) ?? []} />
          ) : (
            <p>{text.instance.noDocuments}</p>
          )}
        </section>
      </div>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{text.instance.timeline}</h2>
        <Timeline context={context} kind={kind} entries={view.history} />
      </section>

      <section aria-labelledby="diagram">
        <h2 id="diagram">{text.instance.diagram}</h2>
        <Diagram context={context} machine={view.machine} current={resource.state} offered={resource.nextEvents} codes={false} />
      </section>
    </>
  );
}
