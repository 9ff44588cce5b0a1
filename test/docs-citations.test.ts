/**
 * Where a rule comes from is part of the rule: a regulator's officer reads "[CFR-26.68]" and opens
 * the text. So every citation key the documents use must lead to an entry of docs/domain.md
 * "Sources" that says where to read it (a web address or a full legal reference), every entry must
 * be cited, and every duration of the code names its source or says the default is ours, as the
 * docs' table of durations does.
 */
import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { KINDS, workflows } from '../src/kinds/index.js';
import { ROOT, readDoc, section, tableRows } from './helpers/markdown.js';

const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const domain = readDoc('docs/domain.md');

/** A citation key as the docs write it: `[CFR-26.68]`, `[VN-TT-12-2016]`; never a link's text (`[Sources](#sources)`). */
const CITATION = /\[([A-Z][A-Z0-9]*(?:[.-][A-Z0-9]+)*)\](?!\()/g;
/** The same, for one test: a global pattern remembers where it last matched. */
const CITES = new RegExp(CITATION.source);

/** Prose only: code blocks and inline code hold examples, not citations. */
function prose(markdown: string): string {
  return markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
}

/** The entries of docs/domain.md "Sources": `- [KEY] text`, continued on indented lines. */
function sources(): Map<string, string> {
  const entries = new Map<string, string>();
  let current: string | null = null;
  for (const line of section(domain, 2, 'Sources').split('\n')) {
    const start = /^- \[([^\]]+)\]\s*(.*)$/.exec(line);
    if (start) {
      current = start[1]!;
      expect(entries.has(current), `[${current}] is listed twice in Sources`).to.equal(false);
      entries.set(current, start[2]!);
    } else if (current !== null && /^\s+\S/.test(line)) {
      entries.set(current, `${entries.get(current)!} ${line.trim()}`);
    } else {
      current = null;
    }
  }
  return entries;
}

/** Where to read it: a web address, or a reference that names the text's number (and year, for Viet Nam's documents and standards). */
const WHERE_TO_READ = [
  /<https?:\/\/[^>\s]+>/,
  /\b\d+ CFR (?:Part )?\d+(?:\.\d+)?\b/,
  /\b\d+\/\d{4}\/(?:TT|NĐ|QĐ)-[A-ZĐ]+\b/,
  /\bISO\/IEC \d+:\d{4}\b/,
];

/** Every citation of the documents, `file: [KEY]`. */
function citations(): { file: string; key: string }[] {
  return DOCS.flatMap((file) => [...prose(readDoc(file)).matchAll(CITATION)].map((m) => ({ file, key: m[1]! })));
}

const durations = KINDS.flatMap((kind) => Object.entries(workflows[kind].durations).map(([name, d]) => ({ name: `${kind}.${name}`, ...d })));

describe('citations', () => {
  it('every citation key of README and docs/ resolves to an entry of docs/domain.md "Sources"', () => {
    const listed = sources();
    const unresolved = citations().filter(({ key }) => !listed.has(key)).map(({ file, key }) => `${file}: [${key}]`);
    expect(unresolved).to.deep.equal([]);
  });

  it('every entry of "Sources" says where to read it: a web address or a full legal reference', () => {
    const vague = [...sources()].filter(([, text]) => !WHERE_TO_READ.some((pattern) => pattern.test(text))).map(([key]) => key);
    expect(vague).to.deep.equal([]);
  });

  it('every entry of "Sources" is cited somewhere, by the documents or by a duration', () => {
    const cited = new Set([...citations().map(({ key }) => key), ...durations.map((d) => d.source)]);
    expect([...sources().keys()].filter((key) => !cited.has(key))).to.deep.equal([]);
  });

  it('every duration of the code names its source: a key of "Sources", or "ours"', () => {
    const listed = sources();
    const unsourced = durations.filter((d) => d.source !== 'ours' && !listed.has(d.source)).map((d) => `${d.name}: ${JSON.stringify(d.source)}`);
    expect(unsourced).to.deep.equal([]);
  });

  it('the table of default durations cites the same source as the code, and says "our default" for every default no text gives', () => {
    const cells = new Map(tableRows(section(domain, 2, 'Default durations')).map(([name, , , source]) => [name!.replace(/`/g, ''), source ?? '']));
    for (const duration of durations) {
      const cell = cells.get(duration.name);
      expect(cell, `${duration.name} is in the table`).to.be.a('string');
      if (duration.source === 'ours') expect(cell, duration.name).to.match(/\(our default\)/);
      else {
        expect(cell, duration.name).to.contain(`[${duration.source}]`);
        expect(cell, `${duration.name} has a source, so it is not "our default"`).not.to.match(/our default/);
      }
    }
    for (const [name, cell] of cells) {
      if (!/\(our default\)/.test(cell)) expect(cell, `${name}: a default without "our default" cites its source`).to.match(CITES);
    }
  });
});

describe('where the defaults come from', () => {
  const duration = (kind: (typeof KINDS)[number], name: string) => workflows[kind].durations[name]!;

  it('21 CFR 26.80(c): without a date, an agreement ends six months after notice of termination, and says so', () => {
    expect(duration('agreements', 'noticePeriod')).to.deep.include({ default: '6 months', source: 'CFR-26.80' });
    expect(sources().get('CFR-26.80')).to.contain('26.80').and.to.contain("six months' notice in writing");
    expect(duration('equivalences', 'noticePeriod')).to.deep.include({ default: '6 months', source: 'ours' });
  });

  it('21 CFR 26.68(b) and (c): the contest gives at least 30 days to answer and 60 days for a position; §26.67 is suspension and gives no periods', () => {
    expect(duration('recognitions', 'contestAnswer')).to.deep.include({ default: '30 days', source: 'CFR-26.68' });
    expect(duration('recognitions', 'contestPosition')).to.deep.include({ default: '60 days', source: 'CFR-26.68' });
    expect(sources().get('CFR-26.68')).to.contain('Withdrawal of listed conformity assessment bodies');
    expect(sources().get('CFR-26.67')).to.contain('Suspension of listed conformity assessment bodies');
  });

  it("NIST's 90 days are its whole designation process, not the importing regulator's review: recognitions.review is our default", () => {
    expect(duration('recognitions', 'review')).to.deep.include({ default: '90 days', source: 'ours' });
  });

  it('15 CFR 285.10 (2020) gives no notice before an accreditation expires: the renewal reminder is our default', () => {
    expect(duration('accreditations', 'renewalReminder')).to.deep.include({ default: '90 days', source: 'ours' });
    expect(sources().get('NVLAP')).to.contain('85 FR 60060');
  });

  it("no text gives the test-report review period: 27 working days is our default, not Viet Nam's 7 working days of certification", () => {
    expect(duration('test-reports', 'review')).to.deep.include({ default: '27 working days', source: 'ours' });
    expect(sources().get('VN-TT-30-2011')).to.contain('15/2018/TT-BTTTT').and.to.contain('7 working days');
  });
});
