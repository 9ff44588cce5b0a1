/** Every word that names a certificate (Phase II) and what happens to one, in English and Vietnamese. */
import type { KindLanguages } from '../kit/words.js';
import { requiredAccreditationWords } from '../kit/accreditation-standing.js';
import { regulationsLabel } from '../kit/regulation-words.js';

export interface CertificateSubject {
  certificateNumber: string;
  model: string;
  importingCode: string;
  importingName: string;
}

export interface CertificateLabels {
  certificateNumber: string;
  cab: string;
  equipment: string;
  /** The label of a list of regulations, which may depend on what they are (a national regulation, a standard). */
  regulations: (ids: readonly string[]) => string;
  importingEconomy: string;
  issuedAt: string;
  validity: string;
  applicant: string;
}

export const certificateWords: KindLanguages<CertificateSubject, CertificateLabels> = {
  en: {
    noun: 'certificate',
    plural: 'Equipment certificates',
    subject: ({ certificateNumber, model, importingCode }) => `Certificate ${certificateNumber} (${model}) for ${importingCode}`,
    states: {
      issuing: 'being checked on issue',
      refused: 'refused',
      review_window: "in the importing regulator's review window",
      in_force: 'in force',
      suspended: 'suspended by the certification body',
      set_aside: 'set aside',
      withdrawn: 'withdrawn by the certification body',
      revoked: 'revoked by the importing regulator',
      expired: 'expired',
    },
    events: {
      CREATE: 'Certificate issued',
      SET_ASIDE: 'Set aside by the importing regulator',
      REVIEW_WINDOW_ENDED: 'Review window ended',
      SUSPEND: 'Suspended by the certification body',
      RESTORE: 'Restored by the certification body',
      WITHDRAW: 'Withdrawn by the certification body',
      REVOKE: 'Revoked by the importing regulator',
      EXPIRED: 'Validity ended',
      BODY_RECOGNITION_ENDED: "The certification body's recognition ended",
    },
    unchanged: {},
    next: {
      issuing: 'The certificate is being checked on issue.',
      refused: 'The certificate was not accepted on issue. The certification body may issue a new certificate once the reasons are resolved.',
      review_window: 'The importing regulator may set the certificate aside until the end of its review window; after that the certificate is in force.',
      in_force: 'The certificate is in force in the importing economy until its validity ends. The certification body may suspend or withdraw it; the importing regulator may revoke it.',
      suspended: 'The certification body has suspended the certificate; it may restore or withdraw it.',
      set_aside: 'The importing regulator set the certificate aside; it has no effect.',
      withdrawn: 'The certification body withdrew the certificate; it has no effect any more.',
      revoked: 'The importing regulator revoked the certificate; it has no effect any more.',
      expired: 'The validity of the certificate has ended; a new certificate is needed.',
    },
    deadlines: {
      REVIEW_WINDOW_ENDED: 'End of the review window',
      EXPIRED: 'End of validity',
    },
    reasons: {
      AGREEMENT_NOT_PHASE_II: 'The agreement is not a Phase II agreement',
      BODY_NOT_RECOGNIZED: 'The certification body was not recognized by the importing economy on the issue date',
      REPORT_LAB_NOT_RECOGNIZED: 'A test report the certificate rests on is by a lab that was not recognized on its test date',
      SET_ASIDE_BY_REGULATOR: 'Set aside by the importing regulator',
      REVOKED_BY_REGULATOR: 'Revoked by the importing regulator',
      WITHDRAWN_BY_BODY: 'Withdrawn by the certification body',
      BODY_RECOGNITION_ENDED: "The certification body's recognition ended before the certificate was in force",
      NOT_A_CERTIFICATION_BODY: 'Only a certification body issues equipment certificates; a testing laboratory does not',
      ...requiredAccreditationWords.en,
    },
    labels: {
      certificateNumber: 'Certificate',
      cab: 'CAB',
      equipment: 'Equipment',
      regulations: () => 'Regulations',
      importingEconomy: 'Importing economy',
      issuedAt: 'Issued on',
      validity: 'Valid',
      applicant: 'Applicant',
    },
  },

  vi: {
    noun: 'giấy chứng nhận',
    plural: 'Giấy chứng nhận thiết bị',
    subject: ({ certificateNumber, model, importingName }) => `Giấy chứng nhận ${certificateNumber} (${model}) sử dụng tại ${importingName}`,
    states: {
      issuing: 'đang kiểm tra điều kiện cấp',
      refused: 'không đủ điều kiện',
      review_window: 'trong thời hạn xem xét của cơ quan quản lý',
      in_force: 'đang có hiệu lực',
      suspended: 'bị tổ chức chứng nhận tạm đình chỉ',
      set_aside: 'bị cơ quan quản lý bác bỏ',
      withdrawn: 'bị tổ chức chứng nhận hủy bỏ',
      revoked: 'bị cơ quan quản lý thu hồi',
      expired: 'đã hết hiệu lực',
    },
    events: {
      CREATE: 'Cấp giấy chứng nhận',
      SET_ASIDE: 'Cơ quan quản lý của nền kinh tế nhập khẩu bác bỏ giấy chứng nhận',
      REVIEW_WINDOW_ENDED: 'Hết thời hạn xem xét',
      SUSPEND: 'Tổ chức chứng nhận tạm đình chỉ hiệu lực',
      RESTORE: 'Tổ chức chứng nhận khôi phục hiệu lực',
      WITHDRAW: 'Tổ chức chứng nhận hủy bỏ giấy chứng nhận',
      REVOKE: 'Cơ quan quản lý của nền kinh tế nhập khẩu thu hồi giấy chứng nhận',
      EXPIRED: 'Hết thời hạn hiệu lực',
      BODY_RECOGNITION_ENDED: 'Việc thừa nhận tổ chức chứng nhận đã chấm dứt',
    },
    unchanged: {},
    next: {
      issuing: 'Giấy chứng nhận đang được kiểm tra điều kiện cấp.',
      refused: 'Giấy chứng nhận không đủ điều kiện theo thỏa thuận. Tổ chức chứng nhận có thể cấp giấy chứng nhận mới sau khi khắc phục các lý do không đủ điều kiện.',
      review_window: 'Cơ quan quản lý của nền kinh tế nhập khẩu có thể bác bỏ giấy chứng nhận trong thời hạn xem xét; hết thời hạn này, giấy chứng nhận có hiệu lực.',
      in_force: 'Giấy chứng nhận có hiệu lực tại nền kinh tế nhập khẩu đến khi hết thời hạn. Tổ chức chứng nhận có thể tạm đình chỉ hoặc hủy bỏ giấy chứng nhận; cơ quan quản lý có thể thu hồi.',
      suspended: 'Tổ chức chứng nhận đã tạm đình chỉ hiệu lực của giấy chứng nhận và có thể khôi phục hoặc hủy bỏ giấy chứng nhận.',
      set_aside: 'Cơ quan quản lý của nền kinh tế nhập khẩu đã bác bỏ giấy chứng nhận; giấy chứng nhận không có giá trị.',
      withdrawn: 'Tổ chức chứng nhận đã hủy bỏ giấy chứng nhận; giấy chứng nhận không còn giá trị.',
      revoked: 'Cơ quan quản lý của nền kinh tế nhập khẩu đã thu hồi giấy chứng nhận; giấy chứng nhận không còn giá trị.',
      expired: 'Giấy chứng nhận đã hết thời hạn hiệu lực; cần có giấy chứng nhận mới.',
    },
    deadlines: {
      REVIEW_WINDOW_ENDED: 'Hết thời hạn xem xét',
      EXPIRED: 'Hết thời hạn hiệu lực',
    },
    reasons: {
      AGREEMENT_NOT_PHASE_II: 'Thỏa thuận không phải là thỏa thuận giai đoạn II',
      BODY_NOT_RECOGNIZED: 'Tổ chức chứng nhận chưa được nền kinh tế nhập khẩu thừa nhận vào ngày cấp',
      REPORT_LAB_NOT_RECOGNIZED: 'Báo cáo thử nghiệm làm căn cứ cấp do phòng thử nghiệm chưa được thừa nhận vào ngày thử nghiệm lập',
      SET_ASIDE_BY_REGULATOR: 'Giấy chứng nhận bị cơ quan quản lý của nền kinh tế nhập khẩu bác bỏ',
      REVOKED_BY_REGULATOR: 'Giấy chứng nhận bị cơ quan quản lý của nền kinh tế nhập khẩu thu hồi',
      WITHDRAWN_BY_BODY: 'Giấy chứng nhận bị tổ chức chứng nhận hủy bỏ',
      BODY_RECOGNITION_ENDED: 'Việc thừa nhận tổ chức chứng nhận đã chấm dứt trước khi giấy chứng nhận có hiệu lực',
      NOT_A_CERTIFICATION_BODY: 'Chỉ tổ chức chứng nhận mới có thẩm quyền cấp giấy chứng nhận thiết bị; phòng thử nghiệm không có thẩm quyền này',
      ...requiredAccreditationWords.vi,
    },
    labels: {
      certificateNumber: 'Số chứng chỉ',
      cab: 'Tổ chức',
      equipment: 'Thiết bị',
      regulations: regulationsLabel,
      importingEconomy: 'Nền kinh tế nhập khẩu',
      issuedAt: 'Ngày cấp',
      validity: 'Hiệu lực',
      applicant: 'Tổ chức đề nghị chứng nhận',
    },
  },
};
