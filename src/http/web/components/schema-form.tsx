/**
 * A form generated from a body's schema (`schema-fields.ts`): each field with its label and help
 * in the reader's language, marked required or optional, and the engine's problem with it right
 * beside it. Works as a plain HTML form; nothing needs JavaScript.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../context.js';
import type { FormField } from '../schema-fields.js';
import { CsrfField, ErrorSummary, type Refusal } from './form-parts.js';
import { choiceWords } from './value-words.js';

interface FormState {
  values: Readonly<Record<string, string>>;
  refusal: Refusal | null;
  /** Makes ids unique when a page has several forms (one per event): `ACCEPT-`. */
  idPrefix?: string;
}

function Control({ context, field, id, value, described, invalid }: { context: PageContext; field: FormField; id: string; value: string; described: string; invalid: boolean }) {
  const common = { id, name: field.path, 'aria-describedby': described || undefined, 'aria-invalid': invalid || undefined, required: field.required };
  switch (field.kind) {
    case 'textarea':
    case 'lines':
    case 'grouped-lines':
      return <textarea {...common} rows={field.kind === 'textarea' ? 4 : 3} value={value} />;
    case 'date':
      return <input {...common} type="date" value={value} />;
    case 'number':
      return <input {...common} type="number" value={value} />;
    case 'checkbox':
      return <input {...common} type="checkbox" checked={value === 'on'} required={false} />;
    case 'choice':
      return (
        <select {...common}>
          {!field.required && <option value="">–</option>}
          {field.choices?.map((choice) => (
            <option value={choice} selected={choice === value}>
              {choiceWords(context, field.path, choice)}
            </option>
          ))}
        </select>
      );
    default:
      return <input {...common} type="text" value={value} />;
  }
}

function Field({ context, field, state }: { context: PageContext; field: FormField; state: FormState }) {
  const { text } = context;
  const words = text.fields[field.path] ?? { label: field.path };
  const problem = state.refusal?.fields[field.path];
  if (field.children) {
    return (
      <fieldset class="fieldset">
        <legend>{words.label}</legend>
        {field.children.map((child) => (
          <Field context={context} field={child} state={state} />
        ))}
      </fieldset>
    );
  }
  const id = `${state.idPrefix ?? ''}${field.path}`;
  const helpId = words.help || field.kind === 'lines' ? `help-${id}` : '';
  const errorId = problem ? `error-${id}` : '';
  return (
    <div class={problem ? 'field field-error' : 'field'}>
      <label for={`field-${id}`}>
        {words.label} <span class="muted">({field.required ? text.form.required : text.form.optional})</span>
      </label>
      {helpId && (
        <p class="hint" id={helpId}>
          {[words.help, field.kind === 'lines' ? `(${text.form.onePerLine})` : ''].filter(Boolean).join(' ')}
        </p>
      )}
      {problem && (
        <p class="error-message" id={errorId}>
          {problem}
        </p>
      )}
      <Control context={context} field={field} id={`field-${id}`} value={state.values[field.path] ?? ''} described={[helpId, errorId].filter(Boolean).join(' ')} invalid={Boolean(problem)} />
    </div>
  );
}

export function SchemaForm(props: {
  context: PageContext;
  action: string;
  fields: readonly FormField[];
  submit: string;
  state: FormState;
  /** Hidden inputs: the event's type, the version the page showed. */
  hidden?: Readonly<Record<string, string>>;
  enctype?: string;
  children?: ComponentChildren;
}) {
  const { context, action, fields, submit, state, hidden = {} } = props;
  return (
    <form method="post" action={action} class="form" enctype={props.enctype} novalidate>
      <ErrorSummary context={context} refusal={state.refusal} idPrefix={state.idPrefix ?? ''} />
      <CsrfField context={context} />
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {fields.map((field) => (
        <Field context={context} field={field} state={state} />
      ))}
      {props.children}
      <button class="button">{submit}</button>
    </form>
  );
}
