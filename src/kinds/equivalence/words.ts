/** Every word that names an equivalence of technical requirements (MRA-ETR) and what happens to one, in English and Vietnamese. */
import type { KindLanguages } from '../kit/words.js';

export interface EquivalenceSubject {
  requirement: string;
  counterpart: string;
}

export interface EquivalenceLabels {
  title: string;
  proposingEconomy: string;
  partnerEconomy: string;
  requirement: string;
  counterpart: string;
  differences: string;
  inForceFrom: string;
}

export const equivalenceWords: KindLanguages<EquivalenceSubject, EquivalenceLabels> = {
  en: {
    noun: 'equivalence',
    plural: 'Equivalences of technical requirements',
    subject: ({ requirement, counterpart }) => `Equivalence of ${requirement} to ${counterpart}`,
    states: {
      proposed: 'proposed',
      changes_requested: 'changes requested',
      accepted: 'accepted, not yet in force',
      in_force: 'in force',
      under_review: 'under review for a new version',
      withdrawing: 'under notice of withdrawal',
      declined: 'declined',
      withdrawn: 'withdrawn',
    },
    events: {
      CREATE: 'Equivalence proposed by {economy}',
      ACCEPT: 'Accepted by {economy}',
      REQUEST_CHANGES: 'Changes requested by {economy}',
      REVISE: 'Proposal revised',
      DECLINE: 'Declined by {economy}',
      ABANDON: 'Proposal withdrawn',
      IN_FORCE: 'In force from its date',
      REQUIREMENT_REVISED: 'New version of a requirement notified by {economy}',
      CONFIRM: 'Confirmed for the new version',
      GIVE_NOTICE: 'Notice of withdrawal given by {economy}',
      NOTICE_EFFECTIVE: 'Withdrawn at the end of the notice period',
      WITHDRAW_NOTICE: 'Notice of withdrawal withdrawn by {economy}',
    },
    unchanged: {},
    next: {
      proposed: "The partner economy's regulator may accept the equivalence, ask for changes or decline it.",
      changes_requested: 'The proposing regulator may revise its proposal or withdraw it.',
      accepted: 'The equivalence has been accepted and is in force from its date.',
      in_force: "Test reports and certificates against the proposer's requirement count for the partner's regulation, with the additional tests listed. Either regulator may notify a new version of its requirement or give notice of withdrawal.",
      under_review: "A new version of one requirement has been notified; the partner's regulator confirms the equivalence for it. Until then it applies to the versions it names.",
      withdrawing: 'The equivalence stays in force until the date of the notice.',
      declined: 'The partner economy declined the proposal.',
      withdrawn: 'The equivalence is no longer in force; reports tested while it was in force keep their standing.',
    },
    deadlines: {
      IN_FORCE: 'In force from',
      NOTICE_EFFECTIVE: 'Withdrawal takes effect',
    },
    reasons: {
      NO_EQUIVALENCE_IN_FORCE: 'A requirement is not the importing economy’s, and no equivalence to one of its regulations was in force on the date',
      ADDITIONAL_TESTS_MISSING: 'The additional tests of a partial equivalence are not covered',
    },
    labels: {
      title: 'Title',
      proposingEconomy: 'Proposed by',
      partnerEconomy: 'Partner economy',
      requirement: 'Requirement',
      counterpart: 'Equivalent to',
      differences: 'Additional tests required',
      inForceFrom: 'In force from',
    },
    fields: {
      equivalence: { label: 'Equivalences' },
      equivalenceId: { label: 'Equivalence' },
      equivalentRegulations: { label: 'Regulations met through an equivalence' },
      matches: { label: 'Matching equivalences' },
      missingTests: { label: 'Additional tests still missing' },
      schemes: { label: 'Reference schemes tested against', help: 'For example the IPv6 Ready Logo; counted through the equivalences in force.' },
      additionalTests: { label: 'Additional tests covered', help: 'The additional tests a partial equivalence lists, by their names.' },
      scheme: { label: 'Reference scheme' },
      proposingEconomy: { label: 'Proposing economy' },
      partnerEconomy: { label: 'Partner economy' },
      requirement: { label: 'Technical requirement', help: 'A regulation of your economy, or a reference scheme.' },
      'requirement.regulation': { label: 'Regulation', help: 'Economy code, a colon, then the regulation with its version, e.g. VN:QCVN 54:2020/BTTTT.' },
      'requirement.scheme': { label: 'Reference scheme' },
      'requirement.scheme.scheme': { label: 'Programme', help: 'For example IPv6 Ready Logo: a voluntary programme, which this service takes as a reference scheme; the MRA-ETR itself covers mandatory technical requirements.' },
      'requirement.scheme.document': { label: 'Test specification' },
      'requirement.scheme.version': { label: 'Version' },
      counterpart: { label: 'Partner economy’s requirement', help: 'The regulation of the partner economy it is proposed as equivalent to.' },
      differences: { label: 'Differences', help: 'Leave empty for a full equivalence; otherwise the additional tests the partner economy still requires.' },
      inForceFrom: { label: 'In force from', help: 'A date, or a date and time with its time zone.' },
    },
    actions: {
      REQUEST_CHANGES: 'Ask for changes to the proposal',
      REVISE: 'Revise the proposal',
      DECLINE: 'Decline the proposal',
      ABANDON: 'Withdraw the proposal',
      REQUIREMENT_REVISED: 'Notify a new version of a requirement',
      CONFIRM: 'Confirm the equivalence for the new version',
    },
  },

  vi: {
    noun: 'việc thừa nhận tương đương',
    plural: 'Thừa nhận tương đương yêu cầu kỹ thuật',
    subject: ({ requirement, counterpart }) => `Thừa nhận tương đương giữa ${requirement} và ${counterpart}`,
    states: {
      proposed: 'đang chờ xem xét đề xuất',
      changes_requested: 'được yêu cầu sửa đổi đề xuất',
      accepted: 'đã được chấp thuận, chưa đến ngày có hiệu lực',
      in_force: 'đang có hiệu lực',
      under_review: 'đang rà soát do có phiên bản mới của yêu cầu kỹ thuật',
      withdrawing: 'đang trong thời hạn thông báo chấm dứt',
      declined: 'bị từ chối',
      withdrawn: 'đã chấm dứt',
    },
    events: {
      CREATE: '{economy} đề xuất thừa nhận tương đương',
      ACCEPT: '{economy} chấp thuận',
      REQUEST_CHANGES: '{economy} yêu cầu sửa đổi đề xuất',
      REVISE: 'Sửa đổi đề xuất',
      DECLINE: '{economy} từ chối',
      ABANDON: 'Rút đề xuất',
      IN_FORCE: 'Có hiệu lực từ ngày đã định',
      REQUIREMENT_REVISED: '{economy} thông báo phiên bản mới của yêu cầu kỹ thuật',
      CONFIRM: 'Xác nhận sự tương đương đối với phiên bản mới',
      GIVE_NOTICE: '{economy} thông báo chấm dứt việc thừa nhận tương đương',
      NOTICE_EFFECTIVE: 'Chấm dứt khi hết thời hạn thông báo',
      WITHDRAW_NOTICE: '{economy} rút thông báo chấm dứt',
    },
    unchanged: {},
    next: {
      proposed: 'Cơ quan quản lý của nền kinh tế đối tác có thể chấp thuận, yêu cầu sửa đổi hoặc từ chối đề xuất.',
      changes_requested: 'Cơ quan quản lý đề xuất có thể sửa đổi hoặc rút đề xuất.',
      accepted: 'Việc thừa nhận tương đương đã được chấp thuận và có hiệu lực từ ngày đã định.',
      in_force: 'Báo cáo thử nghiệm và giấy chứng nhận theo yêu cầu kỹ thuật của bên đề xuất được sử dụng cho quy chuẩn kỹ thuật tương đương của bên đối tác, kèm các phép thử bổ sung đã liệt kê. Cơ quan quản lý của mỗi bên có thể thông báo phiên bản mới của yêu cầu kỹ thuật của mình hoặc thông báo chấm dứt.',
      under_review: 'Đã có thông báo về phiên bản mới của một yêu cầu kỹ thuật; cơ quan quản lý của bên đối tác xác nhận sự tương đương đối với phiên bản đó. Trong thời gian này, việc thừa nhận tương đương áp dụng cho các phiên bản đã nêu.',
      withdrawing: 'Việc thừa nhận tương đương vẫn có hiệu lực đến ngày ghi trong thông báo.',
      declined: 'Nền kinh tế đối tác đã từ chối đề xuất.',
      withdrawn: 'Việc thừa nhận tương đương đã chấm dứt; các báo cáo được thử nghiệm trong thời gian còn hiệu lực vẫn giữ nguyên giá trị.',
    },
    deadlines: {
      IN_FORCE: 'Ngày có hiệu lực',
      NOTICE_EFFECTIVE: 'Ngày chấm dứt theo thông báo',
    },
    reasons: {
      NO_EQUIVALENCE_IN_FORCE: 'Yêu cầu kỹ thuật không thuộc nền kinh tế nhập khẩu và không có việc thừa nhận tương đương đang có hiệu lực vào ngày đó',
      ADDITIONAL_TESTS_MISSING: 'Chưa thực hiện các phép thử bổ sung theo việc thừa nhận tương đương có khác biệt',
    },
    labels: {
      title: 'Tên',
      proposingEconomy: 'Bên đề xuất',
      partnerEconomy: 'Nền kinh tế đối tác',
      requirement: 'Yêu cầu kỹ thuật',
      counterpart: 'Tương đương với',
      differences: 'Phép thử bổ sung',
      inForceFrom: 'Có hiệu lực từ',
    },
    fields: {
      equivalence: { label: 'Thừa nhận tương đương' },
      equivalenceId: { label: 'Thừa nhận tương đương' },
      equivalentRegulations: { label: 'Quy chuẩn kỹ thuật được đáp ứng nhờ thừa nhận tương đương' },
      matches: { label: 'Các thừa nhận tương đương phù hợp' },
      missingTests: { label: 'Các phép thử bổ sung còn thiếu' },
      schemes: { label: 'Chương trình tham chiếu đã thử nghiệm', help: 'Ví dụ chương trình IPv6 Ready Logo; được tính theo các thừa nhận tương đương đang có hiệu lực.' },
      additionalTests: { label: 'Các phép thử bổ sung đã thực hiện', help: 'Các phép thử bổ sung mà việc thừa nhận tương đương từng phần liệt kê, ghi đúng tên.' },
      scheme: { label: 'Chương trình tham chiếu' },
      proposingEconomy: { label: 'Nền kinh tế đề xuất' },
      partnerEconomy: { label: 'Nền kinh tế đối tác' },
      requirement: { label: 'Yêu cầu kỹ thuật', help: 'Một quy chuẩn kỹ thuật của nền kinh tế mình, hoặc một chương trình tham chiếu.' },
      'requirement.regulation': { label: 'Quy chuẩn kỹ thuật', help: 'Mã nền kinh tế, dấu hai chấm, rồi số hiệu quy chuẩn kèm phiên bản, ví dụ VN:QCVN 54:2020/BTTTT.' },
      'requirement.scheme': { label: 'Chương trình tham chiếu' },
      'requirement.scheme.scheme': { label: 'Tên chương trình', help: 'Ví dụ IPv6 Ready Logo. Đây là chương trình tự nguyện, được hệ thống này dùng làm chương trình tham chiếu; bản thân MRA-ETR chỉ áp dụng đối với các yêu cầu kỹ thuật bắt buộc.' },
      'requirement.scheme.document': { label: 'Tài liệu đặc tả phép thử' },
      'requirement.scheme.version': { label: 'Phiên bản' },
      counterpart: { label: 'Yêu cầu kỹ thuật của nền kinh tế đối tác', help: 'Quy chuẩn của nền kinh tế đối tác được đề xuất là tương đương.' },
      differences: { label: 'Các phép thử bổ sung', help: 'Để trống nếu tương đương toàn phần; nếu không, ghi các phép thử bổ sung mà nền kinh tế đối tác vẫn yêu cầu.' },
      inForceFrom: { label: 'Có hiệu lực từ', help: 'Ngày, hoặc ngày giờ kèm múi giờ.' },
    },
    actions: {
      REQUEST_CHANGES: 'Yêu cầu sửa đổi đề xuất',
      REVISE: 'Sửa đổi đề xuất',
      DECLINE: 'Từ chối đề xuất',
      ABANDON: 'Rút đề xuất',
      REQUIREMENT_REVISED: 'Thông báo phiên bản mới của yêu cầu kỹ thuật',
      CONFIRM: 'Xác nhận sự tương đương đối với phiên bản mới',
    },
  },
};
