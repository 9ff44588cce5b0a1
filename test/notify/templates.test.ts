/**
 * The templates cover the machines: every state a machine can reach has a subject, a label and a
 * "what happens next" in English and in Vietnamese; every event and deadline has words; and every
 * transition of every machine graph renders, in both languages, without a hole.
 */
import { expect } from 'chai';
import { initialTransition, transition, type AnyMachineSnapshot } from 'xstate';
import { KINDS, workflows, type Kind } from '../../src/kinds/index.js';
import { mailContent, type MailContent } from '../../src/effects/mail/content.js';
import { directoryNames } from '../../src/effects/mail/directory-names.js';
import { renderHtml } from '../../src/effects/mail/render-html.js';
import { renderText } from '../../src/effects/mail/render-text.js';
import { testReportWords } from '../../src/kinds/test-report/words.js';
import { wordings, type Language } from '../../src/i18n/index.js';
import type { Notification, Recipient } from '../../src/store/port.js';
import { edges, graphModels, type Edge } from '../helpers/graph-models.js';
import { BASE, World, daysFrom } from '../helpers/world.js';

const LANGUAGES: Language[] = ['en', 'vi'];
/** Vietnamese is written with its diacritics; a label without one was probably left in English. */
const VIETNAMESE_LETTER = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** The machine's snapshot at the end of the edge, and the one before it. */
function walk(kind: Kind, edge: Edge): { before: AnyMachineSnapshot; after: AnyMachineSnapshot } {
  const { machine } = workflows[kind];
  let [snapshot] = initialTransition(machine, graphModels[kind].inputs[edge.variant]) as [AnyMachineSnapshot, unknown];
  for (const event of edge.path.slice(0, -1)) [snapshot] = transition(machine, snapshot, event) as [AnyMachineSnapshot, unknown];
  const [after] = transition(machine, snapshot, edge.path.at(-1)!) as [AnyMachineSnapshot, unknown];
  return { before: snapshot, after };
}

function notificationOf(kind: Kind, edge: Edge): Notification {
  const { after } = walk(kind, edge);
  const { type, at, actor, ...payload } = edge.path.at(-1)!;
  const cause = actor.role === 'system' ? { deadline: { id: 'd-1', event: type, dueAt: at } } : undefined;
  return {
    kind,
    instanceId: 'instance-1',
    seq: edge.path.length + 1,
    event: type,
    from: edge.from,
    to: edge.to,
    at,
    actor,
    payload,
    data: after.context as Record<string, unknown>,
    deadlines: (workflows[kind].deadlines[edge.to] ?? []).map((d, i) => ({ type: d.event, dueAt: daysFrom(BASE, 30 * (i + 1)) })),
    ...(cause === undefined ? {} : { cause }),
  };
}

/** The states each machine can be in: where it starts, and where each of its transitions leads. */
function reachableStates(kind: Kind): Set<string> {
  const states = new Set<string>();
  for (const input of Object.values(graphModels[kind].inputs)) {
    const [start] = initialTransition(workflows[kind].machine, input) as [AnyMachineSnapshot, unknown];
    states.add(String(start.value));
  }
  for (const edge of edges(graphModels[kind])) states.add(edge.to);
  return states;
}

describe('E-mail templates', () => {
  let world: World;
  before(async () => (world = await World.create()));
  after(async () => world.close());

  const recipient = (language: Language): Recipient => ({ address: 'x@example.org', name: 'Người nhận', language, party: 'regulator:KR' });

  async function render(notification: Notification, language: Language): Promise<MailContent> {
    const names = await directoryNames(notification, world.store);
    return mailContent({ notification, recipient: recipient(language), names, wording: wordings[language], publicUrl: 'https://mra.example.gov.vn' });
  }

  for (const kind of KINDS) {
    const workflow = workflows[kind];

    describe(kind, () => {
      it('every state the machine can reach has a subject, a label and what happens next, in English and Vietnamese', async () => {
        const creation = edges(graphModels[kind])[0]!;
        for (const state of reachableStates(kind)) {
          const notification = { ...notificationOf(kind, creation), event: 'CREATE', from: null, to: state };
          const [en, vi] = [await render(notification, 'en'), await render(notification, 'vi')];
          const labels = { en: wordings.en.states[kind][state], vi: wordings.vi.states[kind][state] };
          expect(labels.en, `${kind} ${state} in English`).to.be.a('string').that.is.not.empty;
          expect(labels.vi, `${kind} ${state} in Vietnamese`).to.match(VIETNAMESE_LETTER);
          expect(en.subject).to.match(new RegExp(`^\\S.*: ${labels.en}$`));
          expect(vi.subject).to.match(new RegExp(`^\\S.*: ${labels.vi}$`));
          expect(wordings.en.next[kind][state], `${kind} ${state}: what next (en)`).to.be.a('string').that.is.not.empty;
          expect(wordings.vi.next[kind][state], `${kind} ${state}: what next (vi)`).to.match(VIETNAMESE_LETTER);
        }
      });

      it('names only states, events and deadlines the machine has', () => {
        const states = Object.keys(workflow.machine.states);
        const events = ['CREATE', ...Object.keys(workflow.events)];
        const deadlineEvents = new Set(Object.values(workflow.deadlines).flatMap((rules) => rules.map((r) => r.event)));
        for (const language of LANGUAGES) {
          const w = wordings[language];
          expect(Object.keys(w.states[kind]), `${language} states`).to.have.members(states);
          expect(Object.keys(w.next[kind]), `${language} next`).to.have.members(states);
          expect(Object.keys(w.events[kind]), `${language} events`).to.have.members(events);
          expect(Object.keys(w.deadlines[kind]), `${language} deadlines`).to.have.members([...deadlineEvents]);
          for (const text of Object.values(w.events[kind])) if (language === 'vi') expect(text).to.match(VIETNAMESE_LETTER);
        }
      });

      for (const edge of edges(graphModels[kind])) {
        it(`${edge.key} ${edge.to}: renders completely in both languages`, async () => {
          const notification = notificationOf(kind, edge);
          const subjects: string[] = [];
          for (const language of LANGUAGES) {
            const content = await render(notification, language);
            subjects.push(content.subject);
            for (const part of [content.subject, renderText(content), renderHtml(content)]) {
              expect(part, language).to.not.match(/undefined|null|NaN|\[object|\{economy\}/);
            }
            // Machine names (under_review, LISTING_EXPIRED) never reach a reader's subject line.
            expect(content.subject, language).to.not.match(/\b[a-z]+_[a-z_]+\b|\b[A-Z]+_[A-Z_]+\b/);
            if (edge.from === edge.to) expect(wordings[language].unchanged[kind][edge.event], `${language}: subject for ${edge.event}`).to.be.a('string');
          }
          expect(subjects[0], 'English and Vietnamese differ').to.not.equal(subjects[1]);
        });
      }
    });
  }

  it('47 CFR 2.948: a test report\'s e-mail names the certification application it supports, in both languages', async () => {
    const edge = edges(graphModels['test-reports']).find((e) => e.event === 'ACCEPT')!;
    for (const language of ['en', 'vi'] as const) {
      const text = renderText(await render(notificationOf('test-reports', edge), language));
      expect(text).to.contain(`${testReportWords[language].labels.certificationApplication}: APP-GRAPH (Radio Research Agency)`);
      expect(text).to.contain(wordings[language].next['test-reports']['accepted']!);
    }
  });

  it('escapes what people typed in the HTML part, and keeps it as typed in the text part', async () => {
    const edge = edges(graphModels['test-reports']).find((e) => e.event === 'REJECT')!;
    const notification = { ...notificationOf('test-reports', edge), payload: { reason: 'Thiếu <b>ảnh</b> & "số đo"' } };
    const content = await render(notification, 'vi');
    expect(renderText(content)).to.contain('Lý do: Thiếu <b>ảnh</b> & "số đo"');
    expect(renderHtml(content)).to.contain('Thiếu &lt;b&gt;ảnh&lt;/b&gt; &amp; &quot;số đo&quot;').and.to.not.contain('<b>ảnh</b>');
  });

  it('shows instants as ISO date and UTC time in English, and in Viet Nam time as a ministry writes it in Vietnamese', () => {
    expect(wordings.en.instant('2026-01-05T20:30:00.000Z')).to.equal('2026-01-05 20:30 UTC');
    expect(wordings.vi.instant('2024-06-24T19:45:00.000Z'), 'past midnight in Viet Nam').to.equal('02 giờ 45 ngày 25/6/2024 (giờ Việt Nam)');
    expect(wordings.vi.instant('2026-01-05T09:00:00.000Z')).to.equal('16 giờ 00 ngày 05/01/2026 (giờ Việt Nam)');
    expect(wordings.vi.instant('2026-03-01T00:00:00.000Z'), 'a date given without a time').to.equal('01/3/2026');
    expect(wordings.en.period('2024-06-14T00:00:00.000Z', '2028-10-31T00:00:00.000Z')).to.equal('2024-06-14 – 2028-10-31');
    expect(wordings.vi.period('2024-06-14T00:00:00.000Z', '2028-10-31T00:00:00.000Z')).to.equal('từ ngày 14/6/2024 đến ngày 31/10/2028');
  });

  it('names regulations in Vietnamese prose without the economy prefix, as what they are', () => {
    const vi = wordings.vi;
    expect(vi.regulation('VN:QCVN 54:2020/BTTTT')).to.equal('QCVN 54:2020/BTTTT');
    expect(testReportWords.vi.labels.regulations(['VN:QCVN 54:2020/BTTTT', 'VN:QCVN 65:2021/BTTTT'])).to.equal('Quy chuẩn kỹ thuật quốc gia');
    expect(testReportWords.vi.labels.regulations(['KR:KN 301 489'])).to.equal('Quy chuẩn kỹ thuật');
    expect(testReportWords.vi.labels.regulations(['VN:QCVN 54:2020/BTTTT', 'KR:KN 32'])).to.equal('Quy chuẩn kỹ thuật');
  });
});
