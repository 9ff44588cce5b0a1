/** Every word that names an accreditation and what happens to one, in English and Vietnamese. */
import type { KindLanguages } from '../kit/words.js';

export interface AccreditationSubject {
  certificateNumber: string;
  cab: string;
}

export interface AccreditationLabels {
  cab: string;
  standard: string;
  certificateNumber: string;
  validity: string;
  scope: string;
}

export const accreditationWords: KindLanguages<AccreditationSubject, AccreditationLabels> = {
  en: {
    noun: 'accreditation',
    plural: 'Accreditations',
    subject: ({ certificateNumber, cab }) => `Accreditation ${certificateNumber} of ${cab}`,
    states: {
      active: 'active',
      renewal_due: 'due for renewal',
      renewal_submitted: 'renewal submitted',
      suspended: 'suspended',
      lapsed: 'lapsed',
      withdrawn: 'withdrawn',
    },
    events: {
      CREATE: 'Accreditation granted',
      RENEWAL_DUE: 'Renewal due',
      RENEWAL_SUBMITTED: 'Renewal submitted',
      RENEW: 'Renewed',
      EXPIRED: 'Validity ended',
      SUSPEND: 'Suspended',
      REINSTATE: 'Reinstated',
      REACCREDIT: 'Re-accredited for a new cycle',
      WITHDRAW: 'Withdrawn',
    },
    unchanged: {},
    next: {
      active: 'The accreditation is active. The CAB will be reminded to renew it before it ends.',
      renewal_due: "The accreditation ends soon. The CAB should submit its renewal; without one, the accreditation lapses when its validity ends and the CAB's recognitions lapse with it.",
      renewal_submitted: 'The renewal is with the accreditation body, which may renew the accreditation with a new end date.',
      suspended: "While the accreditation is suspended, the CAB's recognitions have lapsed; they are restored if the accreditation body reinstates it.",
      lapsed: "The accreditation has lapsed. The CAB's recognitions have lapsed too, and its pending test reports are rejected. The accreditation body may re-accredit the CAB for a new cycle, which restores its recognitions whose listing is still valid.",
      withdrawn: "The accreditation has been withdrawn for good. The CAB's recognitions have lapsed, and its pending test reports are rejected.",
    },
    deadlines: {
      RENEWAL_DUE: 'Renewal reminder',
      EXPIRED: 'End of validity',
    },
    reasons: {},
    labels: {
      cab: 'CAB',
      standard: 'Standard',
      certificateNumber: 'Certificate',
      validity: 'Valid',
      scope: 'Scope',
    },
  },

  vi: {
    noun: 'chứng chỉ công nhận',
    plural: 'Chứng chỉ công nhận',
    subject: ({ certificateNumber, cab }) => `Chứng chỉ công nhận ${certificateNumber} của ${cab}`,
    states: {
      active: 'đang có hiệu lực',
      renewal_due: 'đến hạn đánh giá lại',
      renewal_submitted: 'đã nộp hồ sơ đề nghị công nhận lại',
      suspended: 'bị tạm đình chỉ',
      lapsed: 'đã hết hiệu lực',
      withdrawn: 'đã bị thu hồi',
    },
    events: {
      CREATE: 'Cấp chứng chỉ công nhận',
      RENEWAL_DUE: 'Đến hạn đánh giá lại',
      RENEWAL_SUBMITTED: 'Nộp hồ sơ đề nghị công nhận lại (đánh giá lại)',
      RENEW: 'Công nhận lại (đánh giá lại)',
      EXPIRED: 'Hết thời hạn hiệu lực',
      SUSPEND: 'Tạm đình chỉ',
      REINSTATE: 'Khôi phục hiệu lực',
      REACCREDIT: 'Công nhận lại cho chu kỳ mới',
      WITHDRAW: 'Thu hồi',
    },
    unchanged: {},
    next: {
      active: 'Chứng chỉ công nhận đang có hiệu lực. Tổ chức sẽ được nhắc đề nghị công nhận lại (đánh giá lại) trước khi chứng chỉ hết hạn.',
      renewal_due: 'Chứng chỉ công nhận sắp hết hạn. Tổ chức cần nộp hồ sơ đề nghị công nhận lại (đánh giá lại); nếu không, chứng chỉ sẽ hết hiệu lực khi hết thời hạn và các quyết định thừa nhận theo MRA của tổ chức cũng tạm ngừng hiệu lực.',
      renewal_submitted: 'Hồ sơ đề nghị công nhận lại (đánh giá lại) đang được tổ chức công nhận xem xét; tổ chức công nhận có thể công nhận lại với thời hạn hiệu lực mới của chứng chỉ.',
      suspended: 'Trong thời gian chứng chỉ bị tạm đình chỉ, các quyết định thừa nhận theo MRA của tổ chức tạm ngừng hiệu lực; các quyết định này được khôi phục nếu tổ chức công nhận khôi phục hiệu lực của chứng chỉ.',
      lapsed: 'Chứng chỉ công nhận đã hết hiệu lực. Các quyết định thừa nhận theo MRA của tổ chức cũng tạm ngừng hiệu lực và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối. Tổ chức công nhận có thể công nhận lại cho chu kỳ mới; khi đó các quyết định thừa nhận còn thời hạn được khôi phục.',
      withdrawn: 'Chứng chỉ công nhận đã bị thu hồi. Các quyết định thừa nhận theo MRA của tổ chức tạm ngừng hiệu lực và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối.',
    },
    deadlines: {
      RENEWAL_DUE: 'Nhắc đánh giá lại',
      EXPIRED: 'Hết thời hạn hiệu lực',
    },
    reasons: {},
    labels: {
      cab: 'Tổ chức',
      standard: 'Tiêu chuẩn',
      certificateNumber: 'Số chứng chỉ',
      validity: 'Hiệu lực',
      scope: 'Phạm vi',
    },
  },
};
