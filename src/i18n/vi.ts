/** Toàn bộ câu chữ của thư điện tử tiếng Việt (every word of the Vietnamese e-mails). */
import { isDay, vietNamTime, vietnameseDay } from './dates.js';
import type { Wording } from './types.js';

/** A regulation id without the economy prefix the engine keys it by: `VN:QCVN 54:2020/BTTTT` → `QCVN 54:2020/BTTTT`. */
function inProse(id: string): string {
  return id.replace(/^[A-Z]{2}:/, '');
}

/**
 * What a list of regulations is called: Viet Nam's QCVN are national technical regulations
 * ("quy chuẩn kỹ thuật quốc gia"), Korea's KN are technical standards ("tiêu chuẩn kỹ thuật");
 * anything else, or a mix, takes the general term.
 */
function regulationsLabel(ids: readonly string[]): string {
  if (ids.length > 0 && ids.every((id) => id.startsWith('VN:QCVN '))) return 'Quy chuẩn kỹ thuật quốc gia';
  if (ids.length > 0 && ids.every((id) => id.startsWith('KR:KN '))) return 'Tiêu chuẩn kỹ thuật';
  return 'Quy chuẩn, tiêu chuẩn kỹ thuật';
}

export const vi: Wording = {
  language: 'vi',

  subjects: {
    agreements: ({ economies, phase }) => `Thỏa thuận MRA ${economies.join(' – ')}, giai đoạn ${phase}`,
    accreditations: ({ certificateNumber, cab }) => `Chứng chỉ công nhận ${certificateNumber} của ${cab}`,
    recognitions: ({ cab, importingName }) => `Hồ sơ đề nghị ${importingName} thừa nhận ${cab}`,
    'test-reports': ({ reportNumber, model, importingName }) => `Báo cáo thử nghiệm ${reportNumber} (${model}) gửi ${importingName}`,
  },

  nouns: {
    agreements: 'thỏa thuận',
    accreditations: 'chứng chỉ công nhận',
    recognitions: 'việc thừa nhận',
    'test-reports': 'báo cáo thử nghiệm',
  },

  states: {
    agreements: {
      negotiating: 'đang đàm phán',
      confidence_building: 'trong giai đoạn xây dựng lòng tin',
      operational: 'đang có hiệu lực',
      suspended: 'bị tạm đình chỉ',
      terminating: 'đang trong thời hạn thông báo chấm dứt',
      terminated: 'đã chấm dứt',
    },
    accreditations: {
      active: 'đang có hiệu lực',
      renewal_due: 'đến hạn gia hạn',
      renewal_submitted: 'đã nộp hồ sơ gia hạn',
      suspended: 'bị tạm đình chỉ',
      lapsed: 'đã hết hiệu lực',
      withdrawn: 'đã bị thu hồi',
    },
    recognitions: {
      pending: 'đang được xem xét',
      info_requested: 'đang chờ bổ sung thông tin',
      recognized: 'đã được thừa nhận',
      suspended: 'bị tạm đình chỉ',
      contested: 'bị đặt nghi vấn về năng lực',
      verification: 'đang thẩm tra chung',
      lapsed: 'tạm mất hiệu lực',
      objected: 'bị phản đối',
      withdrawn: 'đã bị thu hồi',
      expired: 'đã hết hạn',
    },
    'test-reports': {
      screening: 'đang kiểm tra sơ bộ hồ sơ',
      under_review: 'đang thẩm định',
      info_requested: 'đang chờ bổ sung thông tin',
      on_hold: 'tạm dừng thẩm định do việc thừa nhận phòng thử nghiệm bị tạm đình chỉ',
      accepted: 'được chấp nhận',
      rejected: 'bị từ chối',
      withdrawn: 'đã được rút lại',
      revoked: 'bị thu hồi',
      expired: 'đã hết hiệu lực',
    },
  },

  events: {
    agreements: {
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
    accreditations: {
      CREATE: 'Cấp chứng chỉ công nhận',
      RENEWAL_DUE: 'Đến hạn gia hạn',
      RENEWAL_SUBMITTED: 'Nộp hồ sơ gia hạn',
      RENEW: 'Gia hạn',
      EXPIRED: 'Hết thời hạn hiệu lực',
      SUSPEND: 'Tạm đình chỉ',
      REINSTATE: 'Khôi phục hiệu lực',
      REACCREDIT: 'Công nhận lại cho chu kỳ mới',
      WITHDRAW: 'Thu hồi',
    },
    recognitions: {
      CREATE: 'Nộp hồ sơ đề nghị thừa nhận',
      REQUEST_INFO: 'Yêu cầu bổ sung thông tin',
      PROVIDE_INFO: 'Bổ sung thông tin',
      RECOGNIZE: 'Thừa nhận',
      OBJECT: 'Phản đối',
      SUSPEND: 'Tạm đình chỉ',
      LIFT_SUSPENSION: '{economy} chấm dứt việc tạm đình chỉ',
      CONTEST: 'Nêu nghi vấn về năng lực của tổ chức đánh giá sự phù hợp',
      ANSWER_CONTEST: 'Trả lời nghi vấn',
      CONFIRM_CONTEST: 'Cơ quan chỉ định xác nhận nghi vấn',
      OPPOSE_CONTEST: 'Cơ quan chỉ định không đồng ý với nghi vấn: thẩm tra chung',
      CLOSE_CONTEST: 'Kết thúc việc xem xét nghi vấn',
      CONTEST_POSITION_DUE: 'Hết hạn mà chưa có ý kiến về nghi vấn',
      INFO_REMINDER: 'Nhắc bổ sung thông tin',
      INFO_OVERDUE: 'Quá hạn bổ sung thông tin',
      SCOPE_NARROWED: 'Thu hẹp phạm vi: quy chuẩn kỹ thuật được rút khỏi thỏa thuận',
      WITHDRAW: 'Cơ quan chỉ định hủy quyết định chỉ định',
      DERECOGNIZE: 'Cơ quan quản lý của nền kinh tế nhập khẩu hủy thừa nhận',
      RENEW: 'Đề nghị gia hạn',
      REVIEW_OVERDUE: 'Quá hạn xem xét',
      LISTING_EXPIRY_REMINDER: 'Sắp hết thời hạn thừa nhận',
      LISTING_EXPIRED: 'Hết thời hạn thừa nhận',
      AGREEMENT_TERMINATED: 'Thỏa thuận đã chấm dứt',
      ACCREDITATION_LAPSED: 'Chứng chỉ công nhận không còn hiệu lực',
      ACCREDITATION_RESTORED: 'Chứng chỉ công nhận được khôi phục',
    },
    'test-reports': {
      CREATE: 'Nộp báo cáo',
      ACCEPT: 'Chấp nhận',
      REJECT: 'Từ chối',
      REQUEST_INFO: 'Yêu cầu bổ sung thông tin',
      PROVIDE_INFO: 'Bổ sung thông tin',
      WITHDRAW: 'Phòng thử nghiệm rút lại báo cáo',
      REVOKE: 'Thu hồi việc chấp nhận',
      REVIEW_OVERDUE: 'Quá hạn thẩm định',
      EXPIRED: 'Hết thời hạn chấp nhận',
      LAB_RECOGNITION_ENDED: 'Việc thừa nhận phòng thử nghiệm đã chấm dứt',
      RECOGNITION_SUSPENDED: 'Tạm dừng thẩm định: việc thừa nhận phòng thử nghiệm bị tạm đình chỉ',
      RECOGNITION_RESUMED: 'Tiếp tục thẩm định: việc thừa nhận phòng thử nghiệm có hiệu lực trở lại',
      RECOGNITION_SCOPE_NARROWED: 'Quy chuẩn kỹ thuật của báo cáo đã được rút khỏi thỏa thuận',
      INFO_REMINDER: 'Nhắc bổ sung thông tin',
      INFO_OVERDUE: 'Quá hạn bổ sung thông tin',
    },
  },

  unchanged: {
    agreements: {
      SIGN: '{economy} đã ký',
      AMEND_SCOPE: '{economy} đã sửa đổi phạm vi',
      SUSPEND: '{economy} cũng tạm đình chỉ',
      RESUME: '{economy} chấm dứt việc tạm đình chỉ của mình; vẫn còn việc tạm đình chỉ khác',
    },
    accreditations: {},
    recognitions: {
      REVIEW_OVERDUE: 'quá hạn xem xét',
      LISTING_EXPIRY_REMINDER: 'sắp hết thời hạn thừa nhận',
      SUSPEND: 'tạm đình chỉ (một phần, hoặc bởi cơ quan thứ hai)',
      LIFT_SUSPENSION: '{economy} chấm dứt một việc tạm đình chỉ',
      ANSWER_CONTEST: 'trả lời nghi vấn',
      CONFIRM_CONTEST: 'nghi vấn được xác nhận',
      CONTEST_POSITION_DUE: 'chưa có ý kiến về nghi vấn',
      INFO_REMINDER: 'vẫn chờ bổ sung thông tin',
      SCOPE_NARROWED: 'đã thu hẹp phạm vi',
    },
    'test-reports': { REVIEW_OVERDUE: 'quá hạn thẩm định', INFO_REMINDER: 'vẫn chờ bổ sung thông tin' },
  },

  next: {
    agreements: {
      negotiating: 'Thỏa thuận bắt đầu có hiệu lực khi cơ quan quản lý của cả hai nền kinh tế đã ký.',
      confidence_building:
        'Hai bên đã ký. Trong giai đoạn xây dựng lòng tin, hồ sơ đề nghị thừa nhận chưa được tiếp nhận; thỏa thuận có hiệu lực khi giai đoạn này kết thúc.',
      operational:
        'Thỏa thuận đang có hiệu lực: cơ quan chỉ định có thể đề nghị thừa nhận các phòng thử nghiệm và tổ chức chứng nhận của mình, và báo cáo thử nghiệm của các phòng thử nghiệm đã được thừa nhận được tiếp nhận để thẩm định.',
      suspended:
        'Trong thời gian thỏa thuận bị tạm đình chỉ, báo cáo thử nghiệm mới theo thỏa thuận bị từ chối ngay khi kiểm tra sơ bộ hồ sơ. Cơ quan quản lý của mỗi bên chỉ chấm dứt việc tạm đình chỉ do chính mình áp dụng; thỏa thuận có hiệu lực trở lại khi không còn việc tạm đình chỉ nào.',
      terminating:
        'Đã có thông báo chấm dứt thỏa thuận. Thỏa thuận vẫn có hiệu lực đến ngày chấm dứt ghi trong thông báo; cơ quan quản lý đã gửi thông báo có thể rút lại thông báo trước ngày đó. Các báo cáo thử nghiệm đã được chấp nhận trước ngày chấm dứt vẫn giữ nguyên giá trị.',
      terminated:
        'Thỏa thuận đã chấm dứt. Các quyết định thừa nhận theo thỏa thuận bị thu hồi và các báo cáo thử nghiệm đang chờ của những phòng thử nghiệm liên quan bị từ chối; các báo cáo đã được chấp nhận trước đó vẫn giữ nguyên giá trị.',
    },
    accreditations: {
      active: 'Chứng chỉ công nhận đang có hiệu lực. Tổ chức sẽ được nhắc gia hạn trước khi chứng chỉ hết hạn.',
      renewal_due:
        'Chứng chỉ công nhận sắp hết hạn. Tổ chức cần nộp hồ sơ gia hạn; nếu không, chứng chỉ sẽ hết hiệu lực khi hết thời hạn và các quyết định thừa nhận theo MRA của tổ chức cũng tạm mất hiệu lực.',
      renewal_submitted: 'Hồ sơ gia hạn đang được tổ chức công nhận xem xét; tổ chức công nhận có thể gia hạn chứng chỉ với thời hạn hiệu lực mới.',
      suspended:
        'Trong thời gian chứng chỉ bị tạm đình chỉ, các quyết định thừa nhận theo MRA của tổ chức tạm mất hiệu lực; các quyết định này được khôi phục nếu tổ chức công nhận khôi phục hiệu lực của chứng chỉ.',
      lapsed:
        'Chứng chỉ công nhận đã hết hiệu lực. Các quyết định thừa nhận theo MRA của tổ chức cũng tạm mất hiệu lực và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối. Tổ chức công nhận có thể công nhận lại cho chu kỳ mới; khi đó các quyết định thừa nhận còn thời hạn được khôi phục.',
      withdrawn:
        'Chứng chỉ công nhận đã bị thu hồi. Các quyết định thừa nhận theo MRA của tổ chức tạm mất hiệu lực và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối.',
    },
    recognitions: {
      pending:
        'Cơ quan quản lý của nền kinh tế nhập khẩu đang xem xét hồ sơ và có thể thừa nhận, yêu cầu bổ sung thông tin hoặc phản đối. Các bên sẽ được nhắc nếu chưa có quyết định trước hạn xem xét.',
      info_requested:
        'Cơ quan quản lý của nền kinh tế nhập khẩu cần thêm thông tin. Cơ quan chỉ định hoặc tổ chức được đề nghị thừa nhận cần trả lời; việc xem xét sẽ tiếp tục sau khi có câu trả lời.',
      recognized:
        'Tổ chức đã có tên trong danh sách: cơ quan quản lý của nền kinh tế nhập khẩu tiếp nhận báo cáo thử nghiệm trong phạm vi thừa nhận để thẩm định cho đến khi hết thời hạn thừa nhận. Cơ quan chỉ định có thể đề nghị gia hạn trước thời điểm đó.',
      suspended:
        'Trong thời gian bị tạm đình chỉ, báo cáo thử nghiệm của các phép thử thực hiện trong thời gian này bị từ chối khi kiểm tra sơ bộ hồ sơ và các báo cáo đang thẩm định của phòng thử nghiệm được tạm dừng. Mỗi cơ quan chỉ chấm dứt việc tạm đình chỉ do chính mình áp dụng; việc thừa nhận có hiệu lực trở lại khi không còn việc tạm đình chỉ nào.',
      contested:
        'Cơ quan quản lý của nền kinh tế nhập khẩu nêu nghi vấn về năng lực của tổ chức. Tổ chức và cơ quan chỉ định có thể trả lời; cơ quan chỉ định xác nhận hoặc không đồng ý với nghi vấn. Hết thời hạn trả lời, cơ quan quản lý có thể kết thúc việc xem xét nghi vấn, tạm đình chỉ hoặc hủy thừa nhận. Trong thời gian này việc thừa nhận vẫn có hiệu lực và báo cáo thử nghiệm được thẩm định như thường lệ.',
      verification:
        'Cơ quan chỉ định không đồng ý với nghi vấn: hai bên cùng thẩm tra năng lực của tổ chức. Sau đó cơ quan quản lý của nền kinh tế nhập khẩu kết thúc việc xem xét nghi vấn, tạm đình chỉ hoặc hủy thừa nhận. Trong thời gian này việc thừa nhận vẫn có hiệu lực.',
      lapsed:
        'Việc thừa nhận tạm mất hiệu lực do chứng chỉ công nhận của tổ chức không còn hiệu lực; các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối. Việc thừa nhận được khôi phục nếu chứng chỉ được khôi phục hiệu lực khi việc thừa nhận còn thời hạn.',
      objected: 'Hồ sơ đã đóng. Cơ quan chỉ định có thể nộp hồ sơ mới.',
      withdrawn: 'Việc thừa nhận đã chấm dứt: tổ chức không còn trong danh sách và các báo cáo thử nghiệm đang chờ của tổ chức bị từ chối.',
      expired: 'Thời hạn thừa nhận đã kết thúc. Tổ chức cần được thừa nhận lại để báo cáo thử nghiệm tiếp tục được chấp nhận.',
    },
    'test-reports': {
      screening: 'Hồ sơ báo cáo đang được kiểm tra sơ bộ.',
      under_review:
        'Cơ quan quản lý của nền kinh tế nhập khẩu đang thẩm định báo cáo và có thể chấp nhận, từ chối hoặc yêu cầu bổ sung thông tin. Các bên sẽ được nhắc nếu chưa có quyết định trước hạn thẩm định.',
      info_requested:
        'Cơ quan quản lý của nền kinh tế nhập khẩu cần phòng thử nghiệm bổ sung thông tin; việc thẩm định sẽ tiếp tục khi phòng thử nghiệm trả lời. Nếu quá hạn mà chưa trả lời, báo cáo được chuyển lại cho cơ quan quản lý, hoặc bị từ chối nếu yêu cầu đã nêu như vậy.',
      on_hold:
        'Việc thừa nhận phòng thử nghiệm đang bị tạm đình chỉ: việc thẩm định tạm dừng cho đến khi chấm dứt tạm đình chỉ. Cơ quan quản lý vẫn có thể từ chối báo cáo và phòng thử nghiệm vẫn có thể rút lại báo cáo.',
      accepted:
        'Báo cáo được chấp nhận tại nền kinh tế nhập khẩu cho đến khi hết thời hạn chấp nhận; nhà nhập khẩu có thể sử dụng báo cáo này. Cơ quan quản lý có thể thu hồi việc chấp nhận.',
      rejected: 'Báo cáo không được chấp nhận. Phòng thử nghiệm có thể nộp báo cáo mới sau khi khắc phục các lý do trên.',
      withdrawn: 'Phòng thử nghiệm đã rút lại báo cáo; báo cáo không được xử lý tiếp.',
      revoked: 'Việc chấp nhận đã bị thu hồi; báo cáo không còn giá trị sử dụng.',
      expired: 'Thời hạn chấp nhận đã kết thúc; cần có báo cáo mới.',
    },
  },

  deadlines: {
    agreements: { TRANSITION_ENDED: 'Kết thúc giai đoạn xây dựng lòng tin', NOTICE_EFFECTIVE: 'Ngày chấm dứt theo thông báo' },
    accreditations: { RENEWAL_DUE: 'Nhắc gia hạn', EXPIRED: 'Hết thời hạn hiệu lực' },
    recognitions: {
      REVIEW_OVERDUE: 'Hạn xem xét',
      INFO_REMINDER: 'Nhắc trả lời',
      INFO_OVERDUE: 'Hạn trả lời',
      CONTEST_POSITION_DUE: 'Hạn xác nhận hoặc phản đối nghi vấn',
      LISTING_EXPIRY_REMINDER: 'Nhắc sắp hết thời hạn thừa nhận',
      LISTING_EXPIRED: 'Hết thời hạn thừa nhận',
    },
    'test-reports': {
      REVIEW_OVERDUE: 'Hạn thẩm định',
      EXPIRED: 'Hết thời hạn chấp nhận',
      INFO_REMINDER: 'Nhắc trả lời',
      INFO_OVERDUE: 'Hạn trả lời',
    },
  },

  reasons: {
    LAB_NOT_RECOGNIZED: 'Phòng thử nghiệm chưa được nền kinh tế nhập khẩu thừa nhận vào ngày thử nghiệm',
    SCOPE_NOT_COVERED: 'Phạm vi thừa nhận của phòng thử nghiệm không bao gồm tất cả quy chuẩn kỹ thuật của báo cáo vào ngày thử nghiệm',
    ACCREDITATION_NOT_ACTIVE: 'Chứng chỉ công nhận của phòng thử nghiệm không có hiệu lực vào ngày thử nghiệm',
    AGREEMENT_NOT_OPERATIONAL: 'Không có thỏa thuận MRA đang có hiệu lực cho nền kinh tế của phòng thử nghiệm',
    SUBCONTRACTOR_NOT_RECOGNIZED: 'Phòng thử nghiệm nhận thầu phụ chưa được thừa nhận vào ngày thử nghiệm',
    REGULATION_RETIRED: 'Quy chuẩn kỹ thuật của báo cáo đã hết hiệu lực',
    REJECTED_BY_REGULATOR: 'Cơ quan quản lý của nền kinh tế nhập khẩu không chấp nhận, lý do',
    LAB_RECOGNITION_ENDED: 'Việc thừa nhận phòng thử nghiệm đã chấm dứt trước khi có quyết định',
    SCOPE_REMOVED: 'Nền kinh tế nhập khẩu đã rút quy chuẩn kỹ thuật của báo cáo khỏi thỏa thuận trước khi có quyết định',
    INFO_NOT_PROVIDED: 'Thông tin được yêu cầu không được bổ sung đúng hạn',
  },

  roles: {
    regulator: 'cơ quan quản lý',
    designating_authority: 'cơ quan chỉ định',
    accreditation_body: 'tổ chức công nhận',
    lab: 'phòng thử nghiệm',
    importer: 'nhà nhập khẩu',
    admin: 'quản trị viên',
    system: 'MRA Engine',
    cab: 'tổ chức đánh giá sự phù hợp',
  },

  labels: {
    happened: 'Nội dung',
    by: 'Đơn vị thực hiện',
    when: 'Thời điểm',
    cause: 'Nguyên nhân',
    reason: 'Lý do',
    comment: 'Ghi chú',
    request: 'Thông tin cần bổ sung',
    reasonsGiven: 'Căn cứ',
    answerBy: 'Hạn trả lời',
    positionBy: 'Hạn xác nhận hoặc phản đối',
    effectiveAt: 'Ngày có hiệu lực',
    regulationsNamed: 'Quy chuẩn kỹ thuật liên quan',
    removed: 'Quy chuẩn kỹ thuật được rút khỏi phạm vi',
    response: 'Nội dung trả lời',
    title: 'Tên',
    economies: 'Các nền kinh tế',
    phase: 'Giai đoạn',
    scopeOf: (economy) => `Phạm vi của ${economy}`,
    transitionEndsAt: 'Giai đoạn xây dựng lòng tin đến',
    cab: 'Tổ chức',
    standard: 'Tiêu chuẩn',
    certificateNumber: 'Số chứng chỉ',
    validity: 'Hiệu lực',
    importingEconomy: 'Nền kinh tế nhập khẩu',
    designationNumber: 'Số chỉ định',
    listedUntil: 'Thừa nhận đến',
    scope: 'Phạm vi',
    reportNumber: 'Số báo cáo',
    lab: 'Phòng thử nghiệm',
    equipment: 'Thiết bị',
    regulations: regulationsLabel,
    testedAt: 'Ngày thử nghiệm',
    acceptedUntil: 'Chấp nhận đến',
    importer: 'Nhà nhập khẩu',
    reasons: 'Lý do',
    next: 'Bước tiếp theo',
    deadlines: 'Thời hạn',
    link: 'Xem chi tiết',
  },

  greeting: (name) => `Kính gửi: ${name}`,
  actor: ({ name, role, economy, automatic }) =>
    automatic ? 'MRA Engine (tự động)' : `${name}, ${role}${economy === null ? '' : ` của ${economy}`}`,
  causeDeadline: (deadline, dueAt) => `${deadline}, đến hạn ${dueAt}`,
  causeCascade: (noun, id, state) => `Do ${noun} ${id} chuyển sang trạng thái ${state}`,
  change: (from, to) => `${from} → ${to}`,
  instant: (iso) => {
    if (isDay(iso)) return vietnameseDay(iso);
    const local = vietNamTime(iso);
    return `${local.time.slice(0, 2)} giờ ${local.time.slice(3, 5)} ngày ${vietnameseDay(local.date)} (giờ Việt Nam)`;
  },
  date: (iso) => vietnameseDay(iso),
  period: (from, until) => `từ ngày ${vietnameseDay(from)} đến ngày ${vietnameseDay(until)}`,
  regulation: inProse,
  footer: ({ role, economy, noun }) => [
    `Quý đơn vị nhận được thư này với tư cách ${role}${economy === null ? '' : ` của ${economy}`}, một bên liên quan đến ${noun} này.`,
    'Thư được gửi tự động từ MRA Engine; vui lòng không trả lời thư này.',
  ],
  signIn: {
    subject: 'Đường dẫn đăng nhập MRA Engine',
    heading: 'Cách đăng nhập',
    text: (until) =>
      `Hệ thống nhận được yêu cầu đăng nhập vào MRA Engine bằng địa chỉ thư điện tử này. Vui lòng mở đường dẫn dưới đây để đăng nhập. ` +
      `Đường dẫn chỉ sử dụng được một lần và có hiệu lực đến ${until}. Nếu Quý vị không gửi yêu cầu này, vui lòng bỏ qua thư: ` +
      `không ai có thể đăng nhập nếu không có đường dẫn.`,
    link: 'Đăng nhập',
    footer: [
      'Quý vị nhận được thư này vì có yêu cầu gửi đường dẫn đăng nhập đến địa chỉ thư điện tử của Quý vị.',
      'Thư được gửi tự động từ MRA Engine; vui lòng không trả lời thư này.',
    ],
  },
};
