/** The Deadlines table (docs/deadlines.md, moved there from the README) follows the workflow tables: every deadline, its default and its variable. */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, workflows } from '../../src/kinds/index.js';
import { durationVariable } from '../../src/config.js';
import { Durations } from '../../src/kinds/durations-table.js';

const deadlines = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'deadlines.md'), 'utf8');

interface Row {
  kind: string;
  states: string[];
  event: string;
  byDefault: string;
  variable: string;
}

function deadlineRows(): Row[] {
  const section = deadlines.split(/^# /m).find((s) => s.startsWith('Deadlines'));
  if (!section) throw new Error('docs/deadlines.md has no "# Deadlines" title');
  const code = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
  return section
    .split('\n')
    .filter((line) => /^\| `/.test(line))
    .map((line) => {
      const [kind, states, event, , byDefault, variable] = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return { kind: code(kind!)[0]!, states: code(states!), event: code(event!)[0]!, byDefault: byDefault!, variable: variable!.replace(/`/g, '') };
    });
}

describe('docs/deadlines.md: Deadlines', () => {
  it('lists every deadline of every workflow table, with the state that sets it, and none that does not exist', () => {
    const documented = deadlineRows().flatMap((row) => row.states.map((state) => `${row.kind} ${state} ${row.event}`));
    const declared = KINDS.flatMap((kind) =>
      Object.entries(workflows[kind].deadlines).flatMap(([state, rules]) => rules.map((rule) => `${kind} ${state} ${rule.event}`)),
    );
    expect(documented.sort()).to.deep.equal(declared.sort());
  });

  it('gives the default and the variable of each deadline measured by a configurable duration', () => {
    const durations = new Durations();
    const rows = deadlineRows();
    for (const kind of KINDS) {
      for (const [state, rules] of Object.entries(workflows[kind].deadlines)) {
        for (const rule of rules) {
          const name = 'after' in rule ? rule.after : rule.before;
          if (name === undefined) continue;
          const row = rows.find((r) => r.kind === kind && r.event === rule.event && r.states.includes(state))!;
          expect(row, `${kind} ${rule.event}`).to.include({ byDefault: durations.describe(`${kind}.${name}`), variable: durationVariable(`${kind}.${name}`) });
        }
      }
    }
  });
});
