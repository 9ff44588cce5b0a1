import { expect } from 'chai';
import { workflowSchemas } from '../../src/schemas/index.js';
import { bodyFromForm, fieldsOf } from '../../src/http/web/schema-fields.js';

describe('forms from schemas', () => {
  it('turns a submitted test-report form into the body the engine validates', () => {
    const fields = fieldsOf(workflowSchemas['test-reports'].create);
    const body = bodyFromForm(fields, {
      reportNumber: ' SHT-RF-0009 ',
      importingEconomy: 'KR',
      regulations: 'KR:KN 32\r\n\r\nKR:KN 301 489\n',
      'equipment.manufacturer': 'Công ty Phương Nam',
      'equipment.model': 'PN-AX1800',
      'equipment.category': 'Wi-Fi router',
      'equipment.hardwareVersion': '',
      testedAt: '2026-11-02',
      issuedAt: '2026-11-03',
      importerId: '',
      subcontractors: '',
    });
    expect(body).to.deep.equal({
      reportNumber: 'SHT-RF-0009',
      importingEconomy: 'KR',
      regulations: ['KR:KN 32', 'KR:KN 301 489'],
      equipment: { manufacturer: 'Công ty Phương Nam', model: 'PN-AX1800', category: 'Wi-Fi router' },
      testedAt: '2026-11-02',
      issuedAt: '2026-11-03',
    });
  });

  it('reads what each field is from the schema: required, a date, a list, a choice, a paragraph', () => {
    const fields = new Map(fieldsOf(workflowSchemas['test-reports'].create).map((f) => [f.path, f]));
    expect(fields.get('reportNumber')).to.include({ kind: 'text', required: true });
    expect(fields.get('testedAt')).to.include({ kind: 'date', required: true });
    expect(fields.get('regulations')).to.include({ kind: 'lines' });
    expect(fields.get('comment')).to.include({ kind: 'textarea', required: false });
    expect(fields.get('equipment')!.children!.map((f) => f.path)).to.include('equipment.model');
    const agreement = new Map(fieldsOf(workflowSchemas.agreements.create).map((f) => [f.path, f]));
    expect(agreement.get('phase')).to.deep.include({ kind: 'choice', choices: ['I', 'II'] });
    expect(agreement.get('scope')).to.include({ kind: 'grouped-lines' });
    expect(fieldsOf(workflowSchemas['test-reports'].events['REJECT']!).map((f) => f.path)).to.deep.equal(['reason', 'comment']);
  });

  it('groups an agreement scope typed one regulation a line by the economy each names', () => {
    const body = bodyFromForm(fieldsOf(workflowSchemas.agreements.create), { economies: 'VN\nKR', phase: 'I', scope: 'VN:QCVN 54:2020/BTTTT\nKR:KN 32\nKR:KN 35' });
    expect(body['scope']).to.deep.equal({ VN: ['VN:QCVN 54:2020/BTTTT'], KR: ['KR:KN 32', 'KR:KN 35'] });
  });
});
