/**
 * A strict reader of the Prometheus text exposition format (0.0.4), for tests: every line must be a
 * `# HELP`, a `# TYPE`, a comment, blank, or a sample of a declared family, labels quoted and escaped, values numbers;
 * histograms with ascending `le`, cumulative buckets and a `+Inf` bucket equal to `_count`.
 * Throws on the first line that breaks the grammar, naming it.
 */
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const LABEL_VALUE = '"(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
// As Go's strconv.ParseFloat reads it, which is what Prometheus uses: NaN and Inf in any case.
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?(?:[iI][nN][fF](?:[iI][nN][iI][tT][yY])?)|[nN][aA][nN])';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL}=${LABEL_VALUE})(?:,${LABEL}=${LABEL_VALUE})*,?)?\\})? (${VALUE})(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP (${NAME})(?: (.*))?$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const PAIR = new RegExp(`(${LABEL})=(${LABEL_VALUE})`, 'g');

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Family {
  name: string;
  type: string;
  help: string;
  samples: Sample[];
}

function unquote(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

function familyOf(sampleName: string, families: Map<string, Family>): Family | undefined {
  const exact = families.get(sampleName);
  if (exact) return exact;
  const base = sampleName.replace(/_(bucket|sum|count|created)$/, '');
  const family = families.get(base);
  return family && (family.type === 'histogram' || family.type === 'summary') ? family : undefined;
}

function checkHistogram(family: Family): void {
  const series = new Map<string, { buckets: Array<[number, number]>; count?: number }>();
  for (const sample of family.samples) {
    const { le, ...rest } = sample.labels;
    const key = JSON.stringify(Object.entries(rest).sort());
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${sample.name}: a bucket without le`);
      entry.buckets.push([le === '+Inf' ? Infinity : Number(le), sample.value]);
    } else if (sample.name.endsWith('_count')) {
      entry.count = sample.value;
    }
  }
  for (const [key, { buckets, count }] of series) {
    for (let i = 1; i < buckets.length; i += 1) {
      if (!(buckets[i]![0] > buckets[i - 1]![0])) throw new Error(`${family.name}${key}: le not ascending`);
      if (buckets[i]![1] < buckets[i - 1]![1]) throw new Error(`${family.name}${key}: buckets not cumulative`);
    }
    const last = buckets.at(-1);
    if (!last || last[0] !== Infinity) throw new Error(`${family.name}${key}: no +Inf bucket`);
    if (count !== last[1]) throw new Error(`${family.name}${key}: _count ${count} is not the +Inf bucket ${last[1]}`);
  }
}

/** Parses `text`, checking every line; the families by name. */
export function parsePrometheusText(text: string): Map<string, Family> {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a line feed');
  const families = new Map<string, Family>();
  const helps = new Map<string, string>();
  text
    .slice(0, -1)
    .split('\n')
    .forEach((line, index) => {
      const where = `line ${index + 1}: ${JSON.stringify(line)}`;
      const help = HELP.exec(line);
      if (help) {
        if (helps.has(help[1]!)) throw new Error(`${where}: a second HELP`);
        helps.set(help[1]!, help[2] ?? '');
        return;
      }
      const type = TYPE.exec(line);
      if (type) {
        if (families.has(type[1]!)) throw new Error(`${where}: a second TYPE`);
        families.set(type[1]!, { name: type[1]!, type: type[2]!, help: helps.get(type[1]!) ?? '', samples: [] });
        return;
      }
      if (line === '' || line.startsWith('#')) return; // blank lines and comments are ignored
      const sample = SAMPLE.exec(line);
      if (!sample) throw new Error(`${where}: not a sample`);
      const family = familyOf(sample[1]!, families);
      if (!family) throw new Error(`${where}: a sample of no declared family`);
      const labels: Record<string, string> = {};
      for (const [, name, quoted] of (sample[2] ?? '').matchAll(PAIR)) {
        if (Object.hasOwn(labels, name!)) throw new Error(`${where}: label ${name} twice`);
        labels[name!] = unquote(quoted!);
      }
      const raw = sample[3]!;
      const word = raw.toLowerCase().replace(/^\+/, '');
      const value = word === 'nan' ? NaN : /^-?inf/.test(word) ? (word.startsWith('-') ? -Infinity : Infinity) : Number(raw);
      family.samples.push({ name: sample[1]!, labels, value });
    });
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

/** The value of the one sample of `name` whose labels include `labels`. */
export function sampleValue(families: Map<string, Family>, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const family of families.values()) {
    const found = family.samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
    if (found) return found.value;
  }
  return undefined;
}
