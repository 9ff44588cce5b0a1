/** Every word that names a test report and what happens to one, in English and Vietnamese. */
import type { KindLanguages } from '../kit/words.js';
import { requiredAccreditationWords } from '../kit/accreditation-standing.js';
import { regulationsLabel } from '../kit/regulation-words.js';

export interface TestReportSubject {
  reportNumber: string;
  model: string;
  importingCode: string;
  importingName: string;
}

export interface TestReportLabels {
  reportNumber: string;
  lab: string;
  equipment: string;
  /** The label of a list of regulations, which may depend on what they are (a national regulation, a standard). */
  regulations: (ids: readonly string[]) => string;
  importingEconomy: string;
  testedAt: string;
  importer: string;
  acceptedUntil: string;
  /** The application for conformity certification the report supports. */
  certificationApplication: string;
}

export const testReportWords: KindLanguages<TestReportSubject, TestReportLabels> = {
  en: {
    noun: 'test report',
    plural: 'Test reports',
    subject: ({ reportNumber, model, importingCode }) => `Test report ${reportNumber} (${model}) for ${importingCode}`,
    states: {
      screening: 'being screened',
      under_review: 'under review',
      info_requested: 'waiting for information',
      on_hold: "on hold: the lab's recognition is suspended",
      accepted: 'accepted',
      rejected: 'rejected',
      withdrawn: 'withdrawn',
      revoked: 'revoked',
      expired: 'expired',
    },
    events: {
      CREATE: 'Submitted',
      ACCEPT: 'Accepted',
      REJECT: 'Rejected',
      REQUEST_INFO: 'Information requested',
      PROVIDE_INFO: 'Information provided',
      WITHDRAW: 'Withdrawn by the lab',
      REVOKE: 'Acceptance revoked',
      REVIEW_OVERDUE: 'Review overdue',
      EXPIRED: 'Acceptance ended',
      LAB_RECOGNITION_ENDED: "The lab's recognition ended",
      RECOGNITION_SUSPENDED: "Put on hold: the lab's recognition is suspended",
      RECOGNITION_RESUMED: "Review resumed: the lab's recognition is back in force",
      RECOGNITION_SCOPE_NARROWED: 'A regulation of the report was removed from the agreement',
      INFO_REMINDER: 'Reminder: information still awaited',
      INFO_OVERDUE: 'Information not given by its deadline',
    },
    unchanged: {
      REVIEW_OVERDUE: 'review overdue',
      INFO_REMINDER: 'information still awaited',
    },
    next: {
      screening: 'The report is being screened.',
      under_review: 'The importing regulator reviews the report: it may accept it, reject it or ask for more information. The parties are reminded if there is no decision by the review deadline.',
      info_requested: 'The importing regulator needs more information from the lab; the review resumes once the lab has answered. Without an answer by the deadline the report goes back to the regulator, or is rejected if the request said so.',
      on_hold: "The lab's recognition is suspended: the review waits until the suspension is lifted. The regulator may still reject the report and the lab may withdraw it.",
      accepted: 'The report is accepted in the importing economy as evidence for the conformity certification of the equipment until its acceptance ends; it supports an application for certification and is not by itself an import permit. The regulator may revoke the acceptance.',
      rejected: 'The report is not accepted. The lab may submit a new report once the reasons are resolved.',
      withdrawn: 'The lab withdrew the report; nothing more happens to it.',
      revoked: 'The acceptance was revoked; the report can no longer be relied on.',
      expired: 'The acceptance has ended; a new report is needed.',
    },
    deadlines: {
      REVIEW_OVERDUE: 'Review deadline',
      EXPIRED: 'End of the acceptance',
      INFO_REMINDER: 'Reminder to answer',
      INFO_OVERDUE: 'Deadline to answer',
    },
    reasons: {
      LAB_NOT_RECOGNIZED: 'The lab was not recognized by the importing economy on the test date',
      SCOPE_NOT_COVERED: "The lab's recognition did not cover every regulation of the report on the test date",
      ACCREDITATION_NOT_ACTIVE: "The lab's accreditation was not active on the test date",
      AGREEMENT_NOT_OPERATIONAL: "No operational agreement covers the lab's economy",
      SUBCONTRACTOR_NOT_RECOGNIZED: 'A subcontracted lab was not recognized on the test date',
      REGULATION_RETIRED: 'A version of a regulation was replaced, and the result falls outside its transition period',
      REJECTED_BY_REGULATOR: 'Rejected by the importing regulator',
      LAB_RECOGNITION_ENDED: "The lab's recognition ended before a decision",
      SCOPE_REMOVED: 'The importing economy removed a regulation of the report from the agreement before a decision',
      INFO_NOT_PROVIDED: 'The information asked for was not given by its deadline',
      NOT_A_TESTING_LAB: 'Only a testing laboratory submits test reports; a certification body does not',
      ...requiredAccreditationWords.en,
    },
    labels: {
      reportNumber: 'Report number',
      lab: 'Lab',
      equipment: 'Equipment',
      regulations: () => 'Regulations',
      importingEconomy: 'Importing economy',
      testedAt: 'Tested on',
      importer: 'Importer',
      acceptedUntil: 'Accepted until',
      certificationApplication: 'Supports the certification application',
    },
  },

  vi: {
    noun: 'báo cáo thử nghiệm',
    plural: 'Báo cáo thử nghiệm',
    subject: ({ reportNumber, model, importingName }) => `Báo cáo thử nghiệm ${reportNumber} (${model}) gửi ${importingName}`,
    states: {
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
    events: {
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
    unchanged: {
      REVIEW_OVERDUE: 'quá hạn thẩm định',
      INFO_REMINDER: 'vẫn chờ bổ sung thông tin',
    },
    next: {
      screening: 'Hồ sơ báo cáo đang được kiểm tra sơ bộ.',
      under_review: 'Cơ quan quản lý của nền kinh tế nhập khẩu đang thẩm định báo cáo và có thể chấp nhận, từ chối hoặc yêu cầu bổ sung thông tin. Các bên sẽ được nhắc nếu chưa có quyết định trước hạn thẩm định.',
      info_requested: 'Cơ quan quản lý của nền kinh tế nhập khẩu cần phòng thử nghiệm bổ sung thông tin; việc thẩm định sẽ tiếp tục khi phòng thử nghiệm trả lời. Nếu quá hạn mà chưa trả lời, báo cáo được chuyển lại cho cơ quan quản lý, hoặc bị từ chối nếu yêu cầu đã nêu như vậy.',
      on_hold: 'Việc thừa nhận phòng thử nghiệm đang bị tạm đình chỉ: việc thẩm định tạm dừng cho đến khi bãi bỏ tạm đình chỉ. Cơ quan quản lý vẫn có thể từ chối báo cáo và phòng thử nghiệm vẫn có thể rút lại báo cáo.',
      accepted: 'Báo cáo được chấp nhận làm căn cứ trong hồ sơ chứng nhận hợp quy tại nền kinh tế nhập khẩu cho đến khi hết thời hạn chấp nhận; bản thân báo cáo không phải là giấy phép nhập khẩu. Cơ quan quản lý có thể thu hồi việc chấp nhận.',
      rejected: 'Báo cáo không được chấp nhận. Phòng thử nghiệm có thể nộp báo cáo mới sau khi khắc phục các lý do báo cáo bị từ chối.',
      withdrawn: 'Phòng thử nghiệm đã rút lại báo cáo; báo cáo không được xử lý tiếp.',
      revoked: 'Việc chấp nhận đã bị thu hồi; báo cáo không còn giá trị sử dụng.',
      expired: 'Thời hạn chấp nhận đã kết thúc; cần có báo cáo mới.',
    },
    deadlines: {
      REVIEW_OVERDUE: 'Hạn thẩm định',
      EXPIRED: 'Hết thời hạn chấp nhận',
      INFO_REMINDER: 'Nhắc trả lời',
      INFO_OVERDUE: 'Hạn trả lời',
    },
    reasons: {
      LAB_NOT_RECOGNIZED: 'Phòng thử nghiệm chưa được nền kinh tế nhập khẩu thừa nhận vào ngày thử nghiệm',
      SCOPE_NOT_COVERED: 'Phạm vi thừa nhận của phòng thử nghiệm không bao gồm tất cả quy chuẩn kỹ thuật của báo cáo vào ngày thử nghiệm',
      ACCREDITATION_NOT_ACTIVE: 'Chứng chỉ công nhận của phòng thử nghiệm không có hiệu lực vào ngày thử nghiệm',
      AGREEMENT_NOT_OPERATIONAL: 'Không có thỏa thuận MRA đang có hiệu lực cho nền kinh tế của phòng thử nghiệm',
      SUBCONTRACTOR_NOT_RECOGNIZED: 'Phòng thử nghiệm nhận thầu phụ chưa được thừa nhận vào ngày thử nghiệm',
      REGULATION_RETIRED: 'Phiên bản quy chuẩn kỹ thuật đã được thay thế và kết quả không thuộc thời gian chuyển tiếp của phiên bản đó',
      REJECTED_BY_REGULATOR: 'Báo cáo không được cơ quan quản lý của nền kinh tế nhập khẩu chấp nhận',
      LAB_RECOGNITION_ENDED: 'Việc thừa nhận phòng thử nghiệm đã chấm dứt trước khi có quyết định',
      SCOPE_REMOVED: 'Nền kinh tế nhập khẩu đã rút quy chuẩn kỹ thuật của báo cáo khỏi thỏa thuận trước khi có quyết định',
      INFO_NOT_PROVIDED: 'Thông tin được yêu cầu không được bổ sung đúng hạn',
      NOT_A_TESTING_LAB: 'Chỉ phòng thử nghiệm mới được nộp báo cáo thử nghiệm; tổ chức chứng nhận không có thẩm quyền này',
      ...requiredAccreditationWords.vi,
    },
    labels: {
      reportNumber: 'Số báo cáo',
      lab: 'Phòng thử nghiệm',
      equipment: 'Thiết bị',
      regulations: regulationsLabel,
      importingEconomy: 'Nền kinh tế nhập khẩu',
      testedAt: 'Ngày thử nghiệm',
      importer: 'Nhà nhập khẩu',
      acceptedUntil: 'Chấp nhận đến',
      certificationApplication: 'Làm căn cứ cho hồ sơ đề nghị chứng nhận hợp quy',
    },
  },
};
