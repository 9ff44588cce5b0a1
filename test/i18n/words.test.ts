import { expect } from 'chai';
import { workflows } from '../../src/kinds/index.js';
import { workflowSchemas } from '../../src/schemas/index.js';
import { ERROR_CODES } from '../../src/errors.js';
import { formatDay, formatInstant } from '../../src/i18n/format.js';
import { wordings } from '../../src/i18n/index.js';
import { pageTexts } from '../../src/i18n/pages/index.js';

/** Every path to a leaf of a word table, with what the leaf is. */
function leaves(value: unknown, path = ''): Map<string, string> {
  const found = new Map<string, string>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) for (const [p, t] of leaves(child, `${path}.${key}`)) found.set(p, t);
  } else {
    found.set(path, typeof value === 'string' && value.trim() === '' ? 'empty' : typeof value);
  }
  return found;
}

/** Every property name a create or event body can carry, nested ones as `equipment.model`. */
function schemaFields(): Set<string> {
  const names = new Set<string>();
  const walk = (schema: { properties?: Record<string, { type?: string; properties?: unknown }> }, prefix: string): void => {
    for (const [name, child] of Object.entries(schema.properties ?? {})) {
      if (name === 'type' && prefix === '') continue;
      names.add(prefix + name);
      if (child.type === 'object' && child.properties) walk(child as never, `${prefix}${name}.`);
    }
  };
  for (const set of Object.values(workflowSchemas)) {
    walk(set.create, '');
    for (const event of Object.values(set.events)) walk(event, '');
  }
  return names;
}

describe('the word list (src/i18n)', () => {
  for (const [name, table] of [['page text', pageTexts], ['e-mail wording', wordings]] as const) {
    it(`${name}: English and Vietnamese have the same keys, none empty`, () => {
      const en = leaves(table.en);
      const vi = leaves(table.vi);
      expect([...vi.keys()].sort()).to.deep.equal([...en.keys()].sort());
      for (const [path, type] of en) {
        expect(type, `en${path}`).to.not.equal('empty');
        expect(vi.get(path), `vi${path}`).to.equal(type);
      }
    });
  }

  it('says what every test-report state means for an importer, in both languages', () => {
    const states = Object.keys(workflows['test-reports'].machine.states);
    for (const language of ['en', 'vi'] as const) expect(Object.keys(pageTexts[language].statuses.meaning)).to.have.members(states);
  });

  it('labels every field of every form, in both languages', () => {
    for (const language of ['en', 'vi'] as const) {
      const missing = [...schemaFields()].filter((field) => !(field in pageTexts[language].fields));
      expect(missing, language).to.deep.equal([]);
    }
  });

  it('explains every refusal a person can meet on a page', () => {
    const shown = Object.keys(ERROR_CODES).filter((code) => !['CONFIG_INVALID', 'SEED_INVALID', 'MACHINE_VERSION_UNSUPPORTED'].includes(code));
    for (const language of ['en', 'vi'] as const) expect(Object.keys(pageTexts[language].errors)).to.include.members(shown);
  });

  it('has Vietnamese wording with its diacritics, never transliterated', () => {
    expect(pageTexts.vi.nav.lookup).to.equal('Tra cứu báo cáo thử nghiệm');
    expect(pageTexts.vi.register.title).to.contain('được thừa nhận');
  });
});

describe('dates as people write them', () => {
  it('writes a day as 25/6/2024 in Vietnamese and 25 Jun 2024 in English', () => {
    expect(formatDay('2024-06-25T00:00:00Z', 'vi')).to.equal('25/6/2024');
    expect(formatDay('2024-06-25T00:00:00Z', 'en')).to.equal('25 Jun 2024');
    expect(formatDay('2024-09-05T00:00:00Z', 'en')).to.equal('5 Sep 2024');
  });

  it('names the time zone of an instant: UTC in English, Viet Nam time in Vietnamese', () => {
    expect(formatInstant('2024-06-25T09:05:00Z', 'en')).to.equal('25 Jun 2024, 09:05 UTC');
    expect(formatInstant('2024-06-25T09:05:00Z', 'vi')).to.equal('16 giờ 05 ngày 25/6/2024 (giờ Việt Nam)');
  });

  it('moves to the next day in Viet Nam when it is already tomorrow there', () => {
    expect(formatInstant('2024-06-25T20:30:00Z', 'vi')).to.equal('03 giờ 30 ngày 26/6/2024 (giờ Việt Nam)');
  });

  it('shows a midnight-UTC instant as the day it stands for', () => {
    expect(formatInstant('2024-06-25T00:00:00.000Z', 'vi')).to.equal('25/6/2024');
  });
});

describe('the actions a person may take', () => {
  it('names every event a person can send as an action, in both languages', () => {
    const sendable = Object.values(workflows).flatMap((w) => Object.entries(w.events).filter(([, rules]) => rules.some((r) => r.role !== 'system')).map(([event]) => event));
    for (const language of ['en', 'vi'] as const) expect(Object.keys(pageTexts[language].actions), language).to.include.members(sendable);
  });
});
