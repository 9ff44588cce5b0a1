import { expect } from 'chai';
import { formatDuration, parseDuration, shift } from '../src/durations.js';

const at = (iso: string) => new Date(iso);

describe('durations', () => {
  it('reads the forms people write, singular or plural, any case', () => {
    expect(parseDuration('90 days')).to.deep.equal({ amount: 90, unit: 'days' });
    expect(parseDuration('1 Working Day')).to.deep.equal({ amount: 1, unit: 'working days' });
    expect(parseDuration(' 3 years ')).to.deep.equal({ amount: 3, unit: 'years' });
    expect(formatDuration(parseDuration('1 years'))).to.equal('1 year');
  });

  it('refuses anything else, saying what it accepts', () => {
    for (const text of ['soon', '90', 'days', '-3 days', '1.5 days', '3 fortnights']) {
      expect(() => parseDuration(text), text).to.throw(/whole number and a unit/);
    }
  });

  it('counts working days Monday to Friday: from a Friday, one working day is the Monday', () => {
    expect(shift(at('2026-11-20T10:00:00Z'), parseDuration('1 working day')).toISOString()).to.equal('2026-11-23T10:00:00.000Z');
    expect(shift(at('2026-11-21T10:00:00Z'), parseDuration('1 working day')).toISOString()).to.equal('2026-11-23T10:00:00.000Z');
    expect(shift(at('2026-11-23T10:00:00Z'), parseDuration('27 working days')).toISOString()).to.equal('2026-12-30T10:00:00.000Z');
    expect(shift(at('2026-11-23T10:00:00Z'), parseDuration('1 working day'), -1).toISOString()).to.equal('2026-11-20T10:00:00.000Z');
  });

  it('follows the calendar for months and years: the month’s last day when the date does not exist', () => {
    expect(shift(at('2024-02-29T00:00:00Z'), parseDuration('1 year')).toISOString()).to.equal('2025-02-28T00:00:00.000Z');
    expect(shift(at('2026-01-31T00:00:00Z'), parseDuration('1 month')).toISOString()).to.equal('2026-02-28T00:00:00.000Z');
    expect(shift(at('2026-03-31T00:00:00Z'), parseDuration('1 month'), -1).toISOString()).to.equal('2026-02-28T00:00:00.000Z');
  });

  it('handles spans far beyond a timer’s reach (Node timers stop at about 24.8 days)', () => {
    expect(shift(at('2026-01-01T00:00:00Z'), parseDuration('90 days')).toISOString()).to.equal('2026-04-01T00:00:00.000Z');
  });
});
