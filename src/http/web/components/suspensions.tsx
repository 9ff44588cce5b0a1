/**
 * Suspensions as people read them: which regulation is suspended, since when, by which side of
 * which economy. Shared by the public register (each regulation with its own status) and a
 * recognition's record page (its open suspensions), so both say the same thing the same way.
 */
import type { PublicRegulationStanding, PublicSuspension } from '../../../public/recognition-register.js';
import type { EconomyRecord } from '../../../store/port.js';
import type { PageContext } from '../context.js';
import { formatDay } from '../../../i18n/format.js';
import { economyName, StateTag } from './names.js';

/** "since 7 December 2026 · Importing regulator (Korea)". */
export function SuspensionNote({ context, economies, suspension }: { context: PageContext; economies: ReadonlyMap<string, EconomyRecord>; suspension: PublicSuspension }) {
  const words = context.text.register;
  const economy = suspension.economy === null ? '' : ` (${economyName(context, economies, suspension.economy)})`;
  return (
    <span class="muted">
      <time datetime={suspension.since}>{words.sinceDay(formatDay(suspension.since, context.language))}</time> · {words.sides[suspension.by]}
      {economy}
    </span>
  );
}

/** Each regulation of a recognition with its status, and for a suspended one since when and by whom. */
export function RegulationStandings({ context, economies, regulations }: { context: PageContext; economies: ReadonlyMap<string, EconomyRecord>; regulations: PublicRegulationStanding[] }) {
  return (
    <ul class="plain">
      {regulations.map((r) => (
        <li>
          {r.regulation}: <StateTag context={context} kind="recognitions" state={r.status} />
          {r.suspensions.map((s) => (
            <>
              {' '}
              <SuspensionNote context={context} economies={economies} suspension={s} />
            </>
          ))}
        </li>
      ))}
    </ul>
  );
}

/** A recognition's open suspensions: of the whole recognition or only some regulations. */
export function OpenSuspensionList({ context, economies, suspensions }: { context: PageContext; economies: ReadonlyMap<string, EconomyRecord>; suspensions: PublicSuspension[] }) {
  const words = context.text.register;
  if (suspensions.length === 0) return null;
  return (
    <section aria-labelledby="suspensions">
      <h2 id="suspensions">{words.suspensionsHeading}</h2>
      <ul>
        {suspensions.map((s) => (
          <li>
            <StateTag context={context} kind="recognitions" state="suspended" />{' '}
            {s.regulations === undefined ? words.whole : words.only(s.regulations.join(', '))}{' '}
            <SuspensionNote context={context} economies={economies} suspension={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}
