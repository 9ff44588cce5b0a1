/** The watches of the person signed in, each with a button that removes it: where a watch e-mail sends a person to stop it. */
import { watchingTexts } from '../../../i18n/pages/watching.js';
import type { PageContext } from '../context.js';
import { CsrfField } from '../components/form-parts.js';
import { Instant } from '../components/names.js';

export interface WatchRow {
  id: string;
  /** What it watches, in the reader's words. */
  what: string;
  createdAt: string;
}

export function WatchingPage({ context, rows, removed }: { context: PageContext; rows: readonly WatchRow[]; removed: boolean }) {
  const words = watchingTexts[context.language];
  return (
    <>
      <h1>{words.title}</h1>
      <p class="lead">{words.lead}</p>
      {removed && <div class="notice" role="status">{words.removed}</div>}
      {rows.length === 0 ? (
        <p>{words.none}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{words.columns.what}</th>
                <th scope="col">{words.columns.since}</th>
                <th scope="col"><span class="visually-hidden">{words.remove}</span></th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr id={`watch-${row.id}`}>
                  <td>{row.what}</td>
                  <td><Instant context={context} iso={row.createdAt} /></td>
                  <td>
                    <form method="post" action={`/watching/${encodeURIComponent(row.id)}/remove`} class="inline-form">
                      <CsrfField context={context} />
                      <button class="button button-secondary" aria-label={`${words.remove}: ${row.what}`}>{words.remove}</button>
                    </form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
