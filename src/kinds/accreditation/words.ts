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
      RECORD_VISIT: 'Surveillance or re-assessment visit recorded',
      ON_SITE_VISIT_DUE: 'On-site visit due',
      REDUCE_SCOPE: 'Scope reduced',
      EXTEND_SCOPE: 'Scope extended after assessment',
    },
    unchanged: {
      RECORD_VISIT: 'visit recorded',
      ON_SITE_VISIT_DUE: 'on-site visit due',
      REDUCE_SCOPE: 'scope reduced',
      EXTEND_SCOPE: 'scope extended',
    },
    next: {
      active: 'The accreditation is active. The accreditation body keeps it under surveillance, with an on-site visit at least every two years, and may reduce or extend its scope. The CAB will be reminded to renew it before it ends.',
      renewal_due: "The accreditation ends soon. The CAB should submit its renewal; without one, the accreditation lapses when its validity ends and the CAB's recognitions lapse with it.",
      renewal_submitted: 'The renewal is with the accreditation body, which may renew the accreditation with a new end date.',
      suspended: "While the accreditation is suspended, the CAB's recognitions have lapsed; they are restored if the accreditation body reinstates it, which it does only after an on-site check that the causes of the suspension are resolved.",
      lapsed: "The accreditation has lapsed. The CAB's recognitions have lapsed too, and its pending test reports are rejected. The accreditation body may re-accredit the CAB for a new cycle, which restores its recognitions whose listing is still valid.",
      withdrawn: "The accreditation has been withdrawn for good. The CAB's recognitions have lapsed, and its pending test reports are rejected.",
    },
    deadlines: {
      RENEWAL_DUE: 'Renewal reminder',
      EXPIRED: 'End of validity',
      ON_SITE_VISIT_DUE: 'On-site visit reminder',
    },
    reasons: {
      CYCLE_TOO_LONG: 'An accreditation cycle lasts at most 5 years.',
      CHECK_BEFORE_SUSPENSION: 'The on-site check for reinstatement must be made after the suspension began.',
      CHECK_IN_FUTURE: 'The on-site check has not taken place yet.',
      VISIT_IN_FUTURE: 'The visit has not taken place yet.',
      VISIT_BEFORE_ACCREDITATION: 'The visit is before the accreditation began.',
      ASSESSMENT_IN_FUTURE: 'The assessment has not taken place yet.',
      NOT_IN_SCOPE: "A regulation to remove is not in the accreditation's scope.",
      SCOPE_WOULD_BE_EMPTY: 'Removing every regulation leaves no scope: withdraw the accreditation instead.',
      ALREADY_IN_SCOPE: "The regulations to add are already in the accreditation's scope.",
    },
    labels: {
      cab: 'CAB',
      standard: 'Standard',
      certificateNumber: 'Certificate',
      validity: 'Valid',
      scope: 'Scope',
    },
    fields: {
      checkedOn: { label: 'Day of the on-site check', help: 'The accreditation body checked on site that the causes of the suspension are resolved.' },
      checkReference: { label: 'Reference of the check report' },
      visitedOn: { label: 'Day of the visit' },
      visitKind: { label: 'Kind of visit', help: 'surveillance, or reassessment before the cycle ends' },
      onSite: { label: 'On site' },
      visitOutcome: { label: 'Outcome', help: 'conforming, or nonconformities found' },
      reportReference: { label: 'Reference of the report' },
      assessedOn: { label: 'Day of the assessment' },
      cycleFrom: { label: 'Current cycle since' },
      scopeHistory: { label: 'Scope over time' },
      scopeChange: { label: 'Change' },
      added: { label: 'Added' },
      visits: { label: 'Surveillance and re-assessment visits' },
      recordedAt: { label: 'Recorded on' },
      onSiteSince: { label: 'On-site visits counted since' },
      onSiteDue: { label: 'Next on-site visit due by' },
      onSiteDueNotice: { label: 'On-site visit to be reminded of' },
    },
    actions: {
      RECORD_VISIT: 'Record a surveillance or re-assessment visit',
      REDUCE_SCOPE: 'Reduce the scope',
      EXTEND_SCOPE: 'Extend the scope after assessment',
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
      RECORD_VISIT: 'Ghi nhận đợt giám sát hoặc đánh giá lại',
      ON_SITE_VISIT_DUE: 'Đến hạn đánh giá tại chỗ',
      REDUCE_SCOPE: 'Thu hẹp phạm vi công nhận',
      EXTEND_SCOPE: 'Mở rộng phạm vi công nhận sau đánh giá',
    },
    unchanged: {
      RECORD_VISIT: 'đã ghi nhận đợt giám sát hoặc đánh giá lại',
      ON_SITE_VISIT_DUE: 'đến hạn đánh giá tại chỗ',
      REDUCE_SCOPE: 'đã thu hẹp phạm vi công nhận',
      EXTEND_SCOPE: 'đã mở rộng phạm vi công nhận',
    },
    next: {
      active: 'Chứng chỉ công nhận đang có hiệu lực. Tổ chức công nhận thực hiện giám sát, đánh giá tại chỗ ít nhất 02 năm một lần, và có thể thu hẹp hoặc mở rộng phạm vi công nhận. Tổ chức sẽ được nhắc đề nghị công nhận lại (đánh giá lại) trước khi chứng chỉ hết hạn.',
      renewal_due: 'Chứng chỉ công nhận sắp hết hạn. Tổ chức cần nộp hồ sơ đề nghị công nhận lại (đánh giá lại); nếu không, chứng chỉ sẽ hết hiệu lực khi hết thời hạn và các quyết định thừa nhận theo MRA của tổ chức cũng tạm ngừng hiệu lực.',
      renewal_submitted: 'Hồ sơ đề nghị công nhận lại (đánh giá lại) đang được tổ chức công nhận xem xét; tổ chức công nhận có thể công nhận lại với thời hạn hiệu lực mới của chứng chỉ.',
      suspended: 'Trong thời gian chứng chỉ bị tạm đình chỉ, các quyết định thừa nhận theo MRA của tổ chức tạm ngừng hiệu lực; các quyết định này được khôi phục nếu tổ chức công nhận khôi phục hiệu lực của chứng chỉ sau khi đánh giá tại chỗ xác nhận các nguyên nhân tạm đình chỉ đã được khắc phục.',
      lapsed: 'Chứng chỉ công nhận đã hết hiệu lực. Các quyết định thừa nhận theo MRA của tổ chức cũng tạm ngừng hiệu lực và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối. Tổ chức công nhận có thể công nhận lại cho chu kỳ mới; khi đó các quyết định thừa nhận còn thời hạn được khôi phục.',
      withdrawn: 'Chứng chỉ công nhận đã bị thu hồi. Các quyết định thừa nhận theo MRA của tổ chức tạm ngừng hiệu lực và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối.',
    },
    deadlines: {
      RENEWAL_DUE: 'Nhắc đánh giá lại',
      EXPIRED: 'Hết thời hạn hiệu lực',
      ON_SITE_VISIT_DUE: 'Nhắc đánh giá tại chỗ',
    },
    reasons: {
      CYCLE_TOO_LONG: 'Chu kỳ công nhận không được quá 05 năm.',
      CHECK_BEFORE_SUSPENSION: 'Việc đánh giá tại chỗ để khôi phục hiệu lực phải được thực hiện sau ngày bắt đầu tạm đình chỉ.',
      CHECK_IN_FUTURE: 'Việc đánh giá tại chỗ chưa được thực hiện.',
      VISIT_IN_FUTURE: 'Đợt giám sát hoặc đánh giá lại chưa được thực hiện.',
      VISIT_BEFORE_ACCREDITATION: 'Đợt giám sát hoặc đánh giá lại diễn ra trước ngày chứng chỉ công nhận có hiệu lực.',
      ASSESSMENT_IN_FUTURE: 'Việc đánh giá chưa được thực hiện.',
      NOT_IN_SCOPE: 'Quy chuẩn kỹ thuật cần rút không thuộc phạm vi công nhận.',
      SCOPE_WOULD_BE_EMPTY: 'Rút toàn bộ quy chuẩn kỹ thuật thì không còn phạm vi công nhận: cần thu hồi chứng chỉ công nhận.',
      ALREADY_IN_SCOPE: 'Các quy chuẩn kỹ thuật cần bổ sung đã thuộc phạm vi công nhận.',
    },
    labels: {
      cab: 'Tổ chức',
      standard: 'Tiêu chuẩn',
      certificateNumber: 'Số chứng chỉ',
      validity: 'Hiệu lực',
      scope: 'Phạm vi',
    },
    fields: {
      checkedOn: { label: 'Ngày đánh giá tại chỗ', help: 'Tổ chức công nhận đã đánh giá tại chỗ, xác nhận các nguyên nhân tạm đình chỉ đã được khắc phục.' },
      checkReference: { label: 'Số hiệu biên bản đánh giá tại chỗ' },
      visitedOn: { label: 'Ngày đánh giá' },
      visitKind: { label: 'Loại đánh giá', help: 'surveillance: giám sát; reassessment: đánh giá lại trước khi kết thúc chu kỳ' },
      onSite: { label: 'Đánh giá tại chỗ' },
      visitOutcome: { label: 'Kết quả', help: 'conforming: phù hợp; nonconformities: có điểm không phù hợp' },
      reportReference: { label: 'Số hiệu biên bản đánh giá' },
      assessedOn: { label: 'Ngày đánh giá' },
      cycleFrom: { label: 'Chu kỳ công nhận hiện tại từ ngày' },
      scopeHistory: { label: 'Các lần thay đổi phạm vi công nhận' },
      scopeChange: { label: 'Thay đổi' },
      added: { label: 'Bổ sung' },
      visits: { label: 'Các đợt giám sát và đánh giá lại' },
      recordedAt: { label: 'Ngày ghi nhận' },
      onSiteSince: { label: 'Tính thời hạn đánh giá tại chỗ từ ngày' },
      onSiteDue: { label: 'Hạn đánh giá tại chỗ tiếp theo' },
      onSiteDueNotice: { label: 'Đánh giá tại chỗ cần nhắc' },
    },
    actions: {
      RECORD_VISIT: 'Ghi nhận đợt giám sát hoặc đánh giá lại',
      REDUCE_SCOPE: 'Thu hẹp phạm vi công nhận',
      EXTEND_SCOPE: 'Mở rộng phạm vi công nhận',
    },
  },
};
