/**
 * Whether a CAB was accredited for what it did, on the date that counts (docs/domain.md, "Test
 * report" and "Certificate"): a testing laboratory's report needs an ISO/IEC 17025 accreditation
 * active on the test date (47 CFR 2.948), a certification body's certificate an ISO/IEC 17065 one
 * active on the issue date (47 CFR 2.962), each covering the regulations it relies on. Shared by
 * the test report's screening and the certificate's issue.
 */
import { accreditationActiveOn, accreditationCoversOn, type AccreditationData } from '../accreditation/machine.js';
import type { Reason } from '../types.js';

export type AccreditationStandard = AccreditationData['standard'];

/** The CAB's accreditations to the standard its act needs, as they stood on the date that counts. */
export interface RequiredAccreditation {
  standard: AccreditationStandard;
  /** Ids of the CAB's accreditations to that standard active on the date. */
  activeOnDate: string[];
  /** Regulations none of those accreditations covered. */
  uncoveredRegulations: string[];
}

/**
 * Judges the CAB's accreditations (each at its current machine version) on a date, for the
 * regulations its act relies on: those to `standard` active then, and what they leave uncovered.
 */
export function requiredAccreditation(
  accreditations: ReadonlyArray<{ id: string; data: AccreditationData }>,
  standard: AccreditationStandard,
  at: string,
  regulations: readonly string[],
): RequiredAccreditation {
  const active = accreditations.filter(({ data }) => data.standard === standard && accreditationActiveOn(data, at));
  // The scope as it stood on the date (ISO/IEC 17011: a scope is reduced or extended within the cycle).
  const uncovered = regulations.filter((r) => !active.some(({ data }) => accreditationCoversOn(data, [r], at)));
  return { standard, activeOnDate: active.map((a) => a.id), uncoveredRegulations: uncovered };
}

/**
 * The reasons an accreditation gives to refuse the act, after `ACCREDITATION_NOT_ACTIVE` (no
 * accreditation at all on the date): none to the standard needed, or one that did not cover every
 * regulation.
 *
 * @param who the CAB as the detail names it ("The lab", "The body")
 * @param on the date that counts, as the detail names it ("the test date 2026-03-02")
 */
export function requiredAccreditationReasons(required: RequiredAccreditation, who: string, on: string): Reason[] {
  if (required.activeOnDate.length === 0) {
    return [{ code: 'ACCREDITATION_STANDARD_MISSING', detail: `${who} held no ${required.standard} accreditation active on ${on}.` }];
  }
  if (required.uncoveredRegulations.length > 0) {
    return [
      {
        code: 'ACCREDITATION_SCOPE_NOT_COVERED',
        detail: `${who}'s ${required.standard} accreditation active on ${on} did not cover ${required.uncoveredRegulations.join(', ')}.`,
      },
    ];
  }
  return [];
}

/** The words of these reasons, in both languages; each kind that gives them lists them. */
export const requiredAccreditationWords = {
  en: {
    ACCREDITATION_STANDARD_MISSING:
      "No accreditation to the standard required was active on the test or issue date: ISO/IEC 17025 for a testing laboratory's report, ISO/IEC 17065 for a certification body's certificate",
    ACCREDITATION_SCOPE_NOT_COVERED: 'The accreditation to the standard required did not cover every technical regulation on the test or issue date',
  },
  vi: {
    ACCREDITATION_STANDARD_MISSING:
      'Không có chứng chỉ công nhận theo tiêu chuẩn được yêu cầu còn hiệu lực vào ngày thử nghiệm hoặc ngày cấp: ISO/IEC 17025 đối với báo cáo của phòng thử nghiệm, ISO/IEC 17065 đối với giấy chứng nhận của tổ chức chứng nhận',
    ACCREDITATION_SCOPE_NOT_COVERED:
      'Phạm vi công nhận theo tiêu chuẩn được yêu cầu không bao gồm toàn bộ quy chuẩn kỹ thuật vào ngày thử nghiệm hoặc ngày cấp',
  },
} as const;
