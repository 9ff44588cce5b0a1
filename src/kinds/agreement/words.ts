/** Every word that names an agreement and what happens to one, in English and Vietnamese. */
import type { KindLanguages } from '../kit/words.js';

export interface AgreementSubject {
  economies: readonly string[];
  phase: string;
}

export interface AgreementLabels {
  title: string;
  economies: string;
  phase: string;
  scopeOf: (economy: string) => string;
  transitionEndsAt: string;
}

export const agreementWords: KindLanguages<AgreementSubject, AgreementLabels> = {
  en: {
    noun: 'agreement',
    plural: 'Agreements',
    subject: ({ economies, phase }) => `MRA ${economies.join(' – ')}, Phase ${phase}`,
    states: {
      negotiating: 'being negotiated',
      confidence_building: 'confidence-building period',
      operational: 'operational',
      suspended: 'suspended',
      terminating: 'under notice of termination',
      terminated: 'terminated',
    },
    events: {
      CREATE: 'Agreement proposed',
      SIGN: 'Signed for {economy}',
      TRANSITION_ENDED: 'Confidence-building period ended',
      SUSPEND: 'Suspended',
      RESUME: 'Resumed',
      AMEND_SCOPE: 'Scope amended for {economy}',
      TERMINATE: 'Negotiations ended',
      GIVE_NOTICE: 'Notice of termination given by {economy}',
      WITHDRAW_NOTICE: 'Notice of termination withdrawn by {economy}',
      NOTICE_EFFECTIVE: 'Terminated at the end of the notice period',
    },
    unchanged: {
      SIGN: 'signed for {economy}',
      AMEND_SCOPE: 'scope amended for {economy}',
      SUSPEND: 'also suspended by {economy}',
      RESUME: '{economy} lifted its suspension; another remains',
    },
    next: {
      negotiating: 'The agreement comes into operation once the regulators of both economies have signed it.',
      confidence_building: 'Both sides have signed. This service takes no recognition applications during the confidence-building period (a rule of ours, not one of the arrangement’s); the agreement becomes operational when the period ends.',
      operational: 'The agreement is in force: designating authorities may apply for the recognition of their labs and certification bodies, and test reports of recognized labs are taken for review.',
      suspended: 'While the agreement is suspended, new test reports under it are rejected at screening. Each regulator resumes only its own suspension; the agreement is back in operation when none remains.',
      terminating: 'Notice of termination has been given. The agreement stays in force until the effective date, then ends; the regulator that gave notice may withdraw it before then. Test reports accepted before the effective date stay accepted.',
      terminated: 'The agreement has ended. Its recognitions are withdrawn and the pending test reports of the labs concerned are rejected; reports accepted before the end stay accepted.',
    },
    deadlines: {
      TRANSITION_ENDED: 'End of the confidence-building period',
      NOTICE_EFFECTIVE: 'Effective date of the notice of termination',
    },
    reasons: {},
    labels: {
      title: 'Title',
      economies: 'Economies',
      phase: 'Phase',
      scopeOf: (economy) => `Scope in ${economy}`,
      transitionEndsAt: 'Confidence building until',
    },
    fields: {
      designationNumbers: {
        label: 'Who assigns designation numbers',
        help: 'designating_authority: the number is in the designation the partner receives (47 CFR 2.951(a)(5)); importing_regulator: it is given on recognition.',
      },
    },
  },

  vi: {
    noun: 'thỏa thuận',
    plural: 'Thỏa thuận',
    subject: ({ economies, phase }) => `Thỏa thuận MRA ${economies.join(' – ')}, giai đoạn ${phase}`,
    states: {
      negotiating: 'đang đàm phán',
      confidence_building: 'trong giai đoạn xây dựng lòng tin',
      operational: 'đang có hiệu lực',
      suspended: 'bị tạm đình chỉ',
      terminating: 'đang trong thời hạn thông báo chấm dứt',
      terminated: 'đã chấm dứt',
    },
    events: {
      CREATE: 'Đề xuất thỏa thuận',
      SIGN: '{economy} đã ký',
      TRANSITION_ENDED: 'Kết thúc giai đoạn xây dựng lòng tin',
      SUSPEND: 'Tạm đình chỉ',
      RESUME: 'Khôi phục hiệu lực',
      AMEND_SCOPE: '{economy} sửa đổi phạm vi',
      TERMINATE: 'Chấm dứt đàm phán',
      GIVE_NOTICE: '{economy} thông báo chấm dứt thỏa thuận',
      WITHDRAW_NOTICE: '{economy} rút thông báo chấm dứt',
      NOTICE_EFFECTIVE: 'Chấm dứt khi hết thời hạn thông báo',
    },
    unchanged: {
      SIGN: '{economy} đã ký',
      AMEND_SCOPE: '{economy} đã sửa đổi phạm vi',
      SUSPEND: '{economy} cũng tạm đình chỉ',
      RESUME: '{economy} bãi bỏ quyết định tạm đình chỉ của mình; vẫn còn quyết định tạm đình chỉ khác',
    },
    next: {
      negotiating: 'Thỏa thuận bắt đầu có hiệu lực khi cơ quan quản lý của cả hai nền kinh tế đã ký.',
      confidence_building: 'Hai bên đã ký. Trong giai đoạn xây dựng lòng tin, hệ thống chưa tiếp nhận hồ sơ đề nghị thừa nhận (quy tắc riêng của hệ thống, không phải quy định của Thỏa thuận); thỏa thuận có hiệu lực khi giai đoạn này kết thúc.',
      operational: 'Thỏa thuận đang có hiệu lực: cơ quan chỉ định có thể đề nghị thừa nhận các phòng thử nghiệm và tổ chức chứng nhận của mình, và báo cáo thử nghiệm của các phòng thử nghiệm đã được thừa nhận được tiếp nhận để thẩm định.',
      suspended: 'Trong thời gian thỏa thuận bị tạm đình chỉ, báo cáo thử nghiệm mới theo thỏa thuận bị từ chối ngay khi kiểm tra sơ bộ hồ sơ. Cơ quan quản lý của mỗi bên chỉ bãi bỏ quyết định tạm đình chỉ do chính mình áp dụng; thỏa thuận có hiệu lực trở lại khi không còn quyết định tạm đình chỉ nào.',
      terminating: 'Đã có thông báo chấm dứt thỏa thuận. Thỏa thuận vẫn có hiệu lực đến ngày chấm dứt ghi trong thông báo; cơ quan quản lý đã gửi thông báo có thể rút lại thông báo trước ngày đó. Các báo cáo thử nghiệm đã được chấp nhận trước ngày chấm dứt vẫn giữ nguyên giá trị.',
      terminated: 'Thỏa thuận đã chấm dứt. Các quyết định thừa nhận theo thỏa thuận bị hủy bỏ hiệu lực và các báo cáo thử nghiệm đang chờ của những phòng thử nghiệm liên quan bị từ chối; các báo cáo đã được chấp nhận trước đó vẫn giữ nguyên giá trị.',
    },
    deadlines: {
      TRANSITION_ENDED: 'Kết thúc giai đoạn xây dựng lòng tin',
      NOTICE_EFFECTIVE: 'Ngày chấm dứt theo thông báo',
    },
    reasons: {},
    labels: {
      title: 'Tên',
      economies: 'Các nền kinh tế',
      phase: 'Giai đoạn',
      scopeOf: (economy) => `Phạm vi của ${economy}`,
      transitionEndsAt: 'Giai đoạn xây dựng lòng tin đến',
    },
    fields: {
      designationNumbers: {
        label: 'Cơ quan cấp số chỉ định',
        help: 'designating_authority: số chỉ định do cơ quan chỉ định cấp trong quyết định chỉ định gửi bên đối tác (47 CFR 2.951(a)(5)); importing_regulator: số do cơ quan quản lý của nền kinh tế nhập khẩu cấp khi thừa nhận.',
      },
    },
  },
};
