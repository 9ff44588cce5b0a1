/**
 * The accepted test reports of an importing economy as a table to download (CSV and XLSX alike,
 * `src/public/table.ts`): one report a line, with its lab and designation number, headers in the
 * reader's words, days as days. What a customs system imports.
 */
import type { Language } from '../i18n/index.js';
import { pageTexts } from '../i18n/pages/index.js';
import type { PublicTestReport } from './register.js';
import { day, type TableColumn } from './table.js';

export function acceptedColumns(language: Language): Array<TableColumn<PublicTestReport>> {
  const c = pageTexts[language].lookup.acceptedColumns;
  return [
    { header: c.reportNumber, value: (r) => r.reportNumber, width: 18 },
    { header: c.lab, value: (r) => r.lab.name, width: 40 },
    { header: c.labId, value: (r) => r.lab.id, width: 18 },
    { header: c.labEconomy, value: (r) => r.lab.economy },
    { header: c.designationNumber, value: (r) => r.lab.designationNumber, width: 18 },
    { header: c.manufacturer, value: (r) => r.equipment.manufacturer, width: 40 },
    { header: c.model, value: (r) => r.equipment.model, width: 18 },
    { header: c.category, value: (r) => r.equipment.category, width: 24 },
    { header: c.hardwareVersion, value: (r) => r.equipment.hardwareVersion },
    { header: c.softwareVersion, value: (r) => r.equipment.softwareVersion },
    { header: c.regulations, value: (r) => r.regulations, width: 30 },
    { header: c.testedAt, value: (r) => day(r.testedAt) },
    { header: c.issuedAt, value: (r) => day(r.issuedAt) },
    { header: c.acceptedAt, value: (r) => day(r.acceptedAt) },
    { header: c.validUntil, value: (r) => day(r.validUntil) },
  ];
}
