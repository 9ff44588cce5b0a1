/** A create form: a new record of one kind, or a new CAB, generated from the body's schema. */
import type { PageContext } from '../context.js';
import type { Refusal } from '../components/form-parts.js';
import { SchemaForm } from '../components/schema-form.js';
import type { FormField } from '../schema-fields.js';
import { FileInputs } from '../components/documents.js';

export function CreatePage(props: { context: PageContext; title: string; action: string; fields: FormField[]; submit: string; values: Record<string, string>; refusal: Refusal | null; files?: boolean }) {
  const { context, title, action, fields, submit, values, refusal, files = false } = props;
  return (
    <>
      <h1>{title}</h1>
      <SchemaForm context={context} action={action} fields={fields} submit={submit} state={{ values, refusal }} {...(files ? { enctype: 'multipart/form-data' } : {})}>
        {files && <FileInputs context={context} reportRequired />}
      </SchemaForm>
    </>
  );
}
