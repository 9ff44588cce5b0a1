/**
 * What each publicly listed status of a test report means for an importer, in English and in
 * Vietnamese, and the answers of a document verification. The reader's language comes from
 * `?lang=` or Accept-Language; English is the fallback.
 */

export const LANGUAGES = ['en', 'vi'] as const;
export type Language = (typeof LANGUAGES)[number];

type PublicState = 'accepted' | 'expired' | 'revoked' | 'rejected';

const STATUS: Record<Language, Record<PublicState, string>> = {
  en: {
    accepted:
      'Accepted: the regulator of the importing economy has accepted this test report under the MRA as evidence for the conformity certification of equipment of this model, until the acceptance ends. It supports an application for certification; it is not by itself an authorisation to import.',
    expired: 'Expired: the acceptance has ended. The report can no longer be relied on; a new report must be submitted and accepted.',
    revoked: 'Revoked: the regulator has withdrawn its acceptance. The report must not be relied on.',
    rejected: 'Rejected by the regulator: this report cannot serve as evidence for the certification of the equipment in the importing economy.',
  },
  vi: {
    accepted:
      'Đã được chấp nhận: cơ quan quản lý của nền kinh tế nhập khẩu đã chấp nhận báo cáo thử nghiệm này theo Thỏa thuận thừa nhận lẫn nhau (MRA). Báo cáo được chấp nhận làm căn cứ trong hồ sơ chứng nhận hợp quy đối với thiết bị thuộc kiểu này cho đến khi hết hiệu lực chấp nhận; bản thân báo cáo không phải là giấy phép nhập khẩu.',
    expired: 'Hết hiệu lực: việc chấp nhận đã hết hạn. Không được sử dụng báo cáo này nữa; cần nộp báo cáo mới và được chấp nhận.',
    revoked: 'Đã bị thu hồi: cơ quan quản lý đã thu hồi việc chấp nhận. Không được sử dụng báo cáo này.',
    rejected: 'Bị cơ quan quản lý từ chối: báo cáo này không được dùng làm căn cứ trong hồ sơ chứng nhận hợp quy tại nền kinh tế nhập khẩu.',
  },
};

const VERIFICATION: Record<Language, { found: string; notFound: string }> = {
  en: {
    found: 'This file is a document of the test report(s) below, as the public register lists them.',
    notFound: 'This file is not a document of any accepted test report.',
  },
  vi: {
    found: 'Tệp này là tài liệu của (các) báo cáo thử nghiệm dưới đây, theo sổ đăng ký công khai.',
    notFound: 'Tệp này không phải là tài liệu của báo cáo thử nghiệm nào đã được chấp nhận.',
  },
};

/** What a listed state means for an importer, in `language`. */
export function statusMeaning(state: string, language: Language): string {
  return STATUS[language][state as PublicState] ?? state;
}

export function verificationMessage(found: boolean, language: Language): string {
  return found ? VERIFICATION[language].found : VERIFICATION[language].notFound;
}

/** `?lang=` if given, else the best of Accept-Language (as the HTTP layer negotiated it), else English. */
export function readerLanguage(asked: string | undefined, negotiated: string | undefined): Language {
  const pick = asked ?? negotiated;
  return (LANGUAGES as readonly string[]).includes(pick ?? '') ? (pick as Language) : 'en';
}
