/**
 * The register of recognitions as a table to download (CSV and XLSX alike), with the columns a
 * published CAB list carries (NIST's lists of recognised CABs; what a request for recognition names under 47 CFR 2.951(a)): the body and its
 * type, the designation number, the arrangement, the accreditation (body, certificate number and
 * expiry) and the scope, one line per regulation with that regulation's own status, so a
 * suspension shows where it applies: since when, by which side, of which economy. Addresses and
 * test sites are not recorded by this service and are not invented here. Headers and coded values
 * are in the reader's words (`src/i18n/pages/`).
 */
import { wordings, type Language } from '../i18n/index.js';
import { pageTexts } from '../i18n/pages/index.js';
import type { PublicRecognition, PublicRegulationStanding, PublicSuspension } from './recognition-register.js';
import { day, instant, type TableColumn } from './table.js';

/** One line of the table: a regulation of a recognition. */
export interface RegisterLine {
  recognition: PublicRecognition;
  regulation: PublicRegulationStanding;
}

/** Every regulation of every recognition, in the register's order. */
export function registerLines(recognitions: readonly PublicRecognition[]): RegisterLine[] {
  return recognitions.flatMap((recognition) => recognition.regulations.map((regulation) => ({ recognition, regulation })));
}

/** The earliest open suspension covering the regulation: since when it has been suspended. */
function firstSuspension(line: RegisterLine): PublicSuspension | undefined {
  return [...line.regulation.suspensions].sort((a, b) => a.since.localeCompare(b.since))[0];
}

/** The register's columns in `language`. */
export function registerColumns(language: Language): Array<TableColumn<RegisterLine>> {
  const text = pageTexts[language];
  const c = text.register.columns;
  const states = wordings[language].states.recognitions;
  const side = (s: PublicSuspension) => `${text.register.sides[s.by]}${s.economy === null ? '' : ` (${s.economy})`}`;
  return [
    { header: c.designationNumber, value: (l) => l.recognition.designationNumber, width: 18 },
    { header: c.cab, value: (l) => l.recognition.cab.name, width: 40 },
    { header: c.type, value: (l) => text.cab.types[l.recognition.cab.type as 'lab'] ?? l.recognition.cab.type, width: 20 },
    { header: c.exporting, value: (l) => l.recognition.exportingEconomy },
    { header: c.arrangement, value: (l) => l.recognition.agreement.title, width: 40 },
    { header: c.accreditationBody, value: (l) => l.recognition.accreditation?.body, width: 30 },
    { header: c.certificateNumber, value: (l) => l.recognition.accreditation?.certificateNumber, width: 20 },
    { header: c.certificateUntil, value: (l) => day(l.recognition.accreditation?.validUntil), width: 16 },
    { header: c.regulation, value: (l) => l.regulation.regulation, width: 28 },
    { header: c.regulationState, value: (l) => states[l.regulation.status] ?? l.regulation.status, width: 18 },
    { header: c.suspendedSince, value: (l) => day(firstSuspension(l)?.since), width: 16 },
    { header: c.suspendedAt, value: (l) => instant(firstSuspension(l)?.since), width: 18 },
    { header: c.suspendedBy, value: (l) => l.regulation.suspensions.map(side), width: 36 },
    { header: c.since, value: (l) => day(l.recognition.recognizedSince), width: 16 },
    { header: c.until, value: (l) => day(l.recognition.validUntil), width: 16 },
  ];
}
