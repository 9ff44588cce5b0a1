/**
 * One word for one thing, everywhere: the Vietnamese of the e-mails, the pages and every kind's
 * words uses the terms of Viet Nam's circulars on designating and recognising conformity assessment
 * bodies (Circular 28/2014/TT-BTTTT Art. 8: "tạm đình chỉ", "hủy bỏ hiệu lực") and the
 * administrative form of address ("Quý vị"); the terms they replaced never come back.
 */
import { expect } from 'chai';
import { mailContent } from '../../src/effects/mail/content.js';
import { formatInstantInColumn } from '../../src/i18n/format.js';
import { kindModules } from '../../src/kinds/index.js';
import { wordings } from '../../src/i18n/index.js';
import { pageTexts } from '../../src/i18n/pages/index.js';
import { publicRecordTexts } from '../../src/i18n/pages/public-records.js';
import { refusalTexts } from '../../src/i18n/pages/refusals.js';
import { statisticsTexts } from '../../src/i18n/pages/statistics.js';
import { watchingTexts } from '../../src/i18n/pages/watching.js';

/** Anything a word function may be handed: a text, a number, a day, a list of regulations, or an object of any of them. */
const SAMPLES: unknown[] = [
  new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => 'X' : typeof key === 'symbol' ? undefined : key === 'economy' ? null : 'X') }),
  new Proxy({}, { get: (_target, key) => (key === Symbol.toPrimitive ? () => 'X' : typeof key === 'symbol' ? undefined : key === 'automatic' ? false : key === 'economies' ? ['VN', 'KR'] : 'X') }),
  'X',
  3,
  '2024-06-25T09:05:00.000Z',
  ['KR:KN 32', 'VN:QCVN 54:2020/BTTTT'],
];

/** Every string a word table holds or its functions write, with where it comes from. */
function texts(value: unknown, path: string, found: Array<[string, string]> = []): Array<[string, string]> {
  if (typeof value === 'string') found.push([path, value]);
  else if (typeof value === 'function') {
    for (const sample of SAMPLES) {
      try {
        texts((value as (...args: unknown[]) => unknown)(sample, sample, sample), `${path}()`, found);
      } catch {
        // A sample of the wrong shape for this function: the others cover it.
      }
    }
  } else if (Array.isArray(value)) value.forEach((item, index) => texts(item, `${path}[${index}]`, found));
  else if (value !== null && typeof value === 'object') for (const [key, child] of Object.entries(value)) texts(child, `${path}.${key}`, found);
  return found;
}

function vietnamese(): Array<[string, string]> {
  return [
    ...texts(wordings.vi, 'e-mail'),
    ...texts(pageTexts.vi, 'pages'),
    ...texts(publicRecordTexts.vi, 'public records'),
    ...texts(statisticsTexts.vi, 'statistics'),
    ...texts(refusalTexts.vi, 'refusals'),
    ...texts(watchingTexts.vi, 'watching'),
    ...kindModules().flatMap((m) => texts(m.words.vi, m.workflow.kind)),
  ];
}

/** The terms a native reading retired, and why. */
const RETIRED: ReadonlyArray<[RegExp, string]> = [
  [/(?<![Tt]ạm )[Đđ]ình chỉ/u, 'a suspension is "tạm đình chỉ": "đình chỉ" alone reads as final'],
  [/chấm dứt (việc |một việc )?tạm đình chỉ/iu, 'a suspension is lifted: "bãi bỏ tạm đình chỉ"'],
  [/tạm mất hiệu lực/iu, 'not in force for a while: "tạm ngừng hiệu lực"'],
  [/thỏa thuận tương đương/iu, 'an equivalence is not an agreement: "thừa nhận tương đương"'],
  [/(?<!phòng thử nghiệm nhận )thầu phụ/iu, 'a subcontracted lab is "phòng thử nghiệm nhận thầu phụ"'],
  [/bao trùm/iu, 'full coverage is "Bao gồm toàn bộ"'],
  [/MRA Engine/u, 'the system as actor is "Hệ thống MRA (tự động)"'],
  [/anh\/chị/iu, 'the form of address is "Quý vị"'],
  [/Quý đơn vị/u, 'the form of address is "Quý vị"'],
  [/nhập khẩu trên cơ sở báo cáo/iu, 'a report is evidence for certification, not an import permit'],
  [/nghi vấn|ý kiến phản đối về năng lực/iu, 'a contest is "đề nghị xem xét lại năng lực kỹ thuật"'],
  [/thẩm tra chung/iu, 'joint verification: "hai bên cùng thẩm tra xác nhận"'],
  [/hủy thừa nhận|hủy quyết định chỉ định/iu, 'withdrawal: "hủy bỏ hiệu lực thừa nhận", "hủy bỏ quyết định chỉ định" (Circular 28/2014/TT-BTTTT Art. 8)'],
  [/mã kiểu|thiết bị kiểu /iu, 'an equipment model is "Ký hiệu (model)" or "Kiểu loại"'],
  [/tiêu chuẩn kỹ thuật/iu, 'a regulation is "quy chuẩn kỹ thuật"; "tiêu chuẩn" is a standard'],
  [/, lý do$/u, 'a reason is never cut off before the reason itself'],
  [/\bPOST \//u, 'people are pointed at pages, never at API routes'],
];

describe('Vietnamese terms: one word for one thing, everywhere', () => {
  const all = vietnamese();

  it('reads every Vietnamese word table: e-mails, pages, public records, statistics, refusals, watches and every kind', () => {
    expect(all.length).to.be.greaterThan(500);
    expect(all.some(([path]) => path.startsWith('recognitions.'))).to.equal(true);
  });

  for (const [term, why] of RETIRED) {
    it(`never uses ${String(term)}: ${why}`, () => {
      const found = all.filter(([, text]) => term.test(text)).map(([path, text]) => `${path}: ${text}`);
      expect([...new Set(found)]).to.deep.equal([]);
    });
  }

  it('Circular 28/2014/TT-BTTTT Art. 8: a withdrawn recognition "đã bị hủy bỏ hiệu lực", a suspension lifted is "bãi bỏ tạm đình chỉ"', () => {
    expect(wordings.vi.states['recognitions']['withdrawn']).to.equal('đã bị hủy bỏ hiệu lực');
    expect(pageTexts.vi.actions['LIFT_SUSPENSION']).to.equal('Bãi bỏ tạm đình chỉ');
    expect(pageTexts.vi.actions['DERECOGNIZE']).to.equal('Hủy bỏ hiệu lực thừa nhận');
    expect(pageTexts.vi.actions['recognitions:WITHDRAW']).to.equal('Hủy bỏ quyết định chỉ định');
  });

  it('a CAB in general is "tổ chức đánh giá sự phù hợp", the system acts as "Hệ thống MRA (tự động)", the reader is "Quý vị"', () => {
    expect(wordings.vi.roles['lab']).to.equal('tổ chức đánh giá sự phù hợp');
    expect(wordings.vi.actor({ name: 'system', role: 'system', economy: null, automatic: true })).to.equal('Hệ thống MRA (tự động)');
    expect(pageTexts.vi.instance.system).to.equal('Hệ thống MRA (tự động)');
    expect(wordings.vi.footer({ role: 'cơ quan quản lý', economy: 'Hàn Quốc', noun: 'việc thừa nhận' })[0]).to.match(/^Quý vị /u);
  });

  it('an accepted report is evidence in the certification file, and the phases say what each recognises', () => {
    expect(pageTexts.vi.statuses.meaning['accepted']).to.contain('Báo cáo được chấp nhận làm căn cứ trong hồ sơ chứng nhận hợp quy');
    expect(pageTexts.vi.fields['phase']!.help).to.equal('Giai đoạn I: thừa nhận kết quả thử nghiệm; Giai đoạn II: thừa nhận cả kết quả chứng nhận.');
  });

  it('one term for the additional tests of an equivalence, and its notice names what ends', () => {
    const equivalence = kindModules().find((m) => m.workflow.kind === 'equivalences')!.words.vi;
    expect(equivalence.fields?.['differences']?.label).to.equal('Các phép thử bổ sung');
    expect(all.filter(([, text]) => /các điểm khác biệt/iu.test(text))).to.deep.equal([]);
    expect(pageTexts.vi.actions['equivalences:GIVE_NOTICE']).to.equal('Thông báo chấm dứt thừa nhận tương đương');
  });

  it('set aside by the regulator and withdrawn by the body read apart: "bác bỏ", "hủy bỏ"', () => {
    expect(wordings.vi.states['certificates']['set_aside']).to.equal('bị cơ quan quản lý bác bỏ');
    expect(wordings.vi.states['certificates']['withdrawn']).to.equal('bị tổ chức chứng nhận hủy bỏ');
  });

  it('a reason given in a person\'s own words ends with those words in a Vietnamese e-mail, never cut off', () => {
    for (const [to, code] of [['set_aside', 'SET_ASIDE_BY_REGULATOR'], ['withdrawn', 'WITHDRAWN_BY_BODY'], ['revoked', 'REVOKED_BY_REGULATOR']] as const) {
      const content = mailContent({
        notification: {
          kind: 'certificates', instanceId: 'cert-1', seq: 3, event: 'X', from: 'in_force', to, at: '2026-03-02T03:00:00.000Z',
          actor: { id: 'kr-regulator', role: 'regulator', economy: 'KR', name: 'KR' }, payload: {},
          data: { certificateNumber: 'TL-1', importingEconomy: 'KR', equipment: { model: 'PN-1' }, reasons: [{ code, detail: 'Nhãn thiết bị không đúng.' }] },
          deadlines: [],
        },
        recipient: { address: 'x@example.org', name: 'Người nhận', language: 'vi', party: 'regulator:KR' },
        names: { economies: new Map(), cab: null, principals: new Map() },
        wording: wordings.vi,
        publicUrl: 'https://mra.example.gov.vn',
      });
      expect(content.reasons?.items, code).to.deep.equal([`${wordings.vi.reasons[code]!}: Nhãn thiết bị không đúng.`]);
    }
  });

  it('Decree 30/2020/NĐ-CP times: "(giờ Việt Nam)" once in a column\'s header, not in each of its cells', () => {
    expect(formatInstantInColumn('2024-06-25T09:05:00.000Z', 'vi')).to.equal('16 giờ 05 ngày 25/6/2024');
    expect(formatInstantInColumn('2024-06-25T09:05:00.000Z', 'en')).to.equal('25 Jun 2024, 09:05 UTC');
    for (const header of [pageTexts.vi.work.deadline, pageTexts.vi.list.updated, pageTexts.vi.people.keyColumns.created, pageTexts.vi.people.keyColumns.lastUsed]) {
      expect(header).to.match(/ \(giờ Việt Nam\)$/u);
    }
  });

  it('no bare header: the list says what opens and what may be done, and a version is the n-th update', () => {
    expect(pageTexts.vi.list.open).to.not.equal('Mở');
    expect(pageTexts.vi.work.canSend).to.not.equal('Có thể');
    expect(pageTexts.vi.instance.version(1)).to.equal('Lần cập nhật thứ 1');
    expect(pageTexts.vi.lookup.none).to.match(/^Không tìm thấy báo cáo nào đã có quyết định\./u);
  });
});
