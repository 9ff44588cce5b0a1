/** Câu chữ tiếng Việt của thư về giấy chứng nhận (giai đoạn II) và sự tương đương của yêu cầu kỹ thuật (MRA-ETR), gộp vào `vi.ts`. */

export const viPhaseTwo = {
  subjects: {
    certificates: ({ certificateNumber, model, importingName }: { certificateNumber: string; model: string; importingName: string }) =>
      `Giấy chứng nhận ${certificateNumber} (${model}) sử dụng tại ${importingName}`,
    equivalences: ({ requirement, counterpart }: { requirement: string; counterpart: string }) =>
      `Thừa nhận tương đương giữa ${requirement} và ${counterpart}`,
  },
  nouns: { certificates: 'giấy chứng nhận', equivalences: 'việc thừa nhận tương đương' },
  states: {
    certificates: {
      issuing: 'đang kiểm tra điều kiện cấp',
      refused: 'không đủ điều kiện',
      review_window: 'trong thời hạn xem xét của cơ quan quản lý',
      in_force: 'đang có hiệu lực',
      suspended: 'bị tổ chức chứng nhận tạm đình chỉ',
      set_aside: 'bị cơ quan quản lý hủy bỏ',
      withdrawn: 'đã bị tổ chức chứng nhận hủy',
      revoked: 'bị cơ quan quản lý thu hồi',
      expired: 'đã hết hiệu lực',
    },
    equivalences: {
      proposed: 'đang chờ xem xét đề xuất',
      changes_requested: 'được yêu cầu sửa đổi đề xuất',
      accepted: 'đã được chấp thuận, chưa đến ngày có hiệu lực',
      in_force: 'đang có hiệu lực',
      under_review: 'đang rà soát do có phiên bản mới của yêu cầu kỹ thuật',
      withdrawing: 'đang trong thời hạn thông báo chấm dứt',
      declined: 'bị từ chối',
      withdrawn: 'đã chấm dứt',
    },
  },
  events: {
    certificates: {
      CREATE: 'Cấp giấy chứng nhận',
      SET_ASIDE: 'Cơ quan quản lý của nền kinh tế nhập khẩu hủy bỏ giấy chứng nhận',
      REVIEW_WINDOW_ENDED: 'Hết thời hạn xem xét',
      SUSPEND: 'Tổ chức chứng nhận tạm đình chỉ hiệu lực',
      RESTORE: 'Tổ chức chứng nhận khôi phục hiệu lực',
      WITHDRAW: 'Tổ chức chứng nhận hủy giấy chứng nhận',
      REVOKE: 'Cơ quan quản lý của nền kinh tế nhập khẩu thu hồi giấy chứng nhận',
      EXPIRED: 'Hết thời hạn hiệu lực',
      BODY_RECOGNITION_ENDED: 'Việc thừa nhận tổ chức chứng nhận đã chấm dứt',
    },
    equivalences: {
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
  },
  unchanged: { certificates: {}, equivalences: {} },
  next: {
    certificates: {
      issuing: 'Giấy chứng nhận đang được kiểm tra điều kiện cấp.',
      refused: 'Giấy chứng nhận không đủ điều kiện theo thỏa thuận. Tổ chức chứng nhận có thể cấp giấy chứng nhận mới sau khi khắc phục các lý do trên.',
      review_window:
        'Cơ quan quản lý của nền kinh tế nhập khẩu có thể hủy bỏ giấy chứng nhận trong thời hạn xem xét; hết thời hạn này, giấy chứng nhận có hiệu lực.',
      in_force:
        'Giấy chứng nhận có hiệu lực tại nền kinh tế nhập khẩu đến khi hết thời hạn. Tổ chức chứng nhận có thể tạm đình chỉ hoặc hủy giấy chứng nhận; cơ quan quản lý có thể thu hồi.',
      suspended: 'Tổ chức chứng nhận đã tạm đình chỉ hiệu lực của giấy chứng nhận và có thể khôi phục hoặc hủy giấy chứng nhận.',
      set_aside: 'Cơ quan quản lý của nền kinh tế nhập khẩu đã hủy bỏ giấy chứng nhận; giấy chứng nhận không có giá trị.',
      withdrawn: 'Tổ chức chứng nhận đã hủy giấy chứng nhận; giấy chứng nhận không còn giá trị.',
      revoked: 'Cơ quan quản lý của nền kinh tế nhập khẩu đã thu hồi giấy chứng nhận; giấy chứng nhận không còn giá trị.',
      expired: 'Giấy chứng nhận đã hết thời hạn hiệu lực; cần có giấy chứng nhận mới.',
    },
    equivalences: {
      proposed: 'Cơ quan quản lý của nền kinh tế đối tác có thể chấp thuận, yêu cầu sửa đổi hoặc từ chối đề xuất.',
      changes_requested: 'Cơ quan quản lý đề xuất có thể sửa đổi hoặc rút đề xuất.',
      accepted: 'Việc thừa nhận tương đương đã được chấp thuận và có hiệu lực từ ngày đã định.',
      in_force:
        'Báo cáo thử nghiệm và giấy chứng nhận theo yêu cầu kỹ thuật của bên đề xuất được sử dụng cho quy chuẩn kỹ thuật tương đương của bên đối tác, kèm các phép thử bổ sung đã liệt kê. Cơ quan quản lý của mỗi bên có thể thông báo phiên bản mới của yêu cầu kỹ thuật của mình hoặc thông báo chấm dứt.',
      under_review:
        'Đã có thông báo về phiên bản mới của một yêu cầu kỹ thuật; cơ quan quản lý của bên đối tác xác nhận sự tương đương đối với phiên bản đó. Trong thời gian này, việc thừa nhận tương đương áp dụng cho các phiên bản đã nêu.',
      withdrawing: 'Việc thừa nhận tương đương vẫn có hiệu lực đến ngày ghi trong thông báo.',
      declined: 'Nền kinh tế đối tác đã từ chối đề xuất.',
      withdrawn: 'Việc thừa nhận tương đương đã chấm dứt; các báo cáo được thử nghiệm trong thời gian còn hiệu lực vẫn giữ nguyên giá trị.',
    },
  },
  deadlines: {
    certificates: { REVIEW_WINDOW_ENDED: 'Hết thời hạn xem xét', EXPIRED: 'Hết thời hạn hiệu lực' },
    equivalences: { IN_FORCE: 'Ngày có hiệu lực', NOTICE_EFFECTIVE: 'Ngày chấm dứt theo thông báo' },
  },
  reasons: {
    AGREEMENT_NOT_PHASE_II: 'Thỏa thuận không phải là thỏa thuận giai đoạn II',
    BODY_NOT_RECOGNIZED: 'Tổ chức chứng nhận chưa được nền kinh tế nhập khẩu thừa nhận vào ngày cấp',
    REPORT_LAB_NOT_RECOGNIZED: 'Báo cáo thử nghiệm làm căn cứ cấp do phòng thử nghiệm chưa được thừa nhận vào ngày thử nghiệm lập',
    NO_EQUIVALENCE_IN_FORCE: 'Yêu cầu kỹ thuật không thuộc nền kinh tế nhập khẩu và không có việc thừa nhận tương đương đang có hiệu lực vào ngày đó',
    ADDITIONAL_TESTS_MISSING: 'Chưa thực hiện các phép thử bổ sung theo việc thừa nhận tương đương có khác biệt',
    SET_ASIDE_BY_REGULATOR: 'Cơ quan quản lý của nền kinh tế nhập khẩu hủy bỏ, lý do',
    REVOKED_BY_REGULATOR: 'Cơ quan quản lý của nền kinh tế nhập khẩu thu hồi, lý do',
    WITHDRAWN_BY_BODY: 'Tổ chức chứng nhận hủy, lý do',
    BODY_RECOGNITION_ENDED: 'Việc thừa nhận tổ chức chứng nhận đã chấm dứt trước khi giấy chứng nhận có hiệu lực',
  },
  labels: {
    issuedAt: 'Ngày cấp',
    applicant: 'Tổ chức đề nghị chứng nhận',
    requirement: 'Yêu cầu kỹ thuật',
    counterpart: 'Tương đương với',
    differences: 'Phép thử bổ sung',
    inForceFrom: 'Có hiệu lực từ',
    proposingEconomy: 'Bên đề xuất',
    partnerEconomy: 'Nền kinh tế đối tác',
  },
} as const;
