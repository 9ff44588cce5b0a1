/**
 * The words of the permanent public pages (a CAB's standing in one importing economy, one listed
 * test report) and of the look-up's added columns, in both languages. Kept apart from the general
 * page words (`en.ts`, `vi.ts`) as these pages are their own part of the site.
 */
import type { Language } from '../types.js';

export interface PublicRecordText {
  cab: {
    title: (name: string, economy: string) => string;
    lead: string;
    json: string;
    recognition: (number: string) => string;
    status: string;
    statusSince: string;
    recognizedSince: string;
    validUntil: string;
    endedAt: string;
    exporting: string;
    type: string;
    regulationsHeading: string;
    regulationColumns: { regulation: string; status: string; since: string; suspendedBy: string };
    inForce: string;
    suspensionsHeading: string;
    suspensionColumns: { by: string; since: string; until: string; regulations: string };
    noSuspensions: string;
    stillOpen: string;
    allRegulations: string;
    accreditationHeading: string;
    accreditation: { body: string; certificateNumber: string; standard: string; validFrom: string; validUntil: string; state: string };
    noAccreditation: string;
    testSites: string;
    /** The particulars of the designation at home the recognition rests on (47 CFR 2.951(a)(2), (3), (10)). */
    particulars: { heading: string; address: string; testSites: string; testsForOthers: string; yes: string; no: string };
    historyHeading: string;
    historyColumns: { at: string; event: string; status: string };
    /** What happened, for the events a public history shows (the workflow's own words name people and carry placeholders). */
    events: Readonly<Record<string, string>>;
    otherEvent: string;
    sides: Record<'importing_regulator' | 'designating_authority' | 'unrecorded', (economy: string | null) => string>;
  };
  report: {
    title: (number: string) => string;
    lead: string;
    json: string;
    lab: string;
    labPage: string;
    equipment: string;
    regulations: string;
    importingEconomy: string;
    testedAt: string;
    issuedAt: string;
    acceptedAt: string;
    validUntil: string;
    decidedAt: string;
    state: string;
    rejection: string;
    documentsHeading: string;
    documentColumns: { role: string; sha256: string; mediaType: string; size: string; attachedAt: string };
    roles: { report: string; annex: string };
    noDocuments: string;
    verify: string;
    historyHeading: string;
    submitted: string;
  };
  certificate: {
    title: (number: string) => string;
    lead: string;
    json: string;
    body: string;
    equivalentRegulations: string;
    issuedAt: string;
    suspendedAt: string;
    testReports: string;
    externalReports: string;
    none: string;
    historyHeading: string;
  };
  lookup: { regulations: string };
}

export const publicRecordTexts: Readonly<Record<Language, PublicRecordText>> = {
  en: {
    cab: {
      title: (name, economy) => `${name}: recognised by ${economy}`,
      lead: 'The standing of this conformity assessment body in the importing economy: for each regulation, whether it is recognised, since when, and any suspension. This page keeps its address: link to it or bookmark it.',
      json: 'The same as JSON',
      recognition: (number) => `Designation number ${number}`,
      status: 'Status',
      statusSince: 'Status since',
      recognizedSince: 'First recognised on',
      validUntil: 'Listed until',
      endedAt: 'Ended on',
      exporting: 'Economy of the body',
      type: 'Type of body',
      regulationsHeading: 'Status per regulation',
      regulationColumns: { regulation: 'Technical regulation', status: 'Status', since: 'Since', suspendedBy: 'Suspended by' },
      inForce: 'Recognised',
      suspensionsHeading: 'Suspensions',
      suspensionColumns: { by: 'Suspended by', since: 'Since', until: 'Lifted on', regulations: 'Regulations' },
      noSuspensions: 'This recognition has never been suspended.',
      stillOpen: 'In effect',
      allRegulations: 'All regulations of the scope',
      accreditationHeading: 'Accreditation',
      accreditation: { body: 'Accreditation body', certificateNumber: 'Certificate number', standard: 'Standard', validFrom: 'Valid from', validUntil: 'Valid until', state: 'Status' },
      noAccreditation: 'No accreditation is recorded for this recognition.',
      testSites: 'Test sites: not recorded in this register; ask the body or its designating authority.',
      particulars: {
        heading: 'Address and test sites',
        address: 'Address',
        testSites: 'Test sites',
        testsForOthers: 'Tests on contract for others',
        yes: 'yes',
        no: 'no',
      },
      historyHeading: 'History of the status',
      historyColumns: { at: 'Date', event: 'What happened', status: 'Status after' },
      events: {
        CREATE: 'Submitted',
        RECOGNIZE: 'Recognised',
        SUSPEND: 'Suspended',
        LIFT_SUSPENSION: 'Suspension lifted',
        WITHDRAW: 'Recognition withdrawn',
        DERECOGNIZE: 'Recognition withdrawn by the importing regulator',
        AGREEMENT_TERMINATED: 'The agreement ended',
        ACCREDITATION_LAPSED: 'The accreditation no longer holds',
        ACCREDITATION_RESTORED: 'The accreditation holds again',
        LISTING_EXPIRED: 'The listing ended',
        SCOPE_NARROWED: 'Scope narrowed',
        ACCEPT: 'Accepted',
        REJECT: 'Rejected',
        EXPIRED: 'Validity ended',
        REVOKE: 'Acceptance revoked',
      },
      otherEvent: 'Status changed',
      sides: {
        importing_regulator: (economy) => `The importing economy’s regulator${economy ? ` (${economy})` : ''}`,
        designating_authority: (economy) => `The designating authority${economy ? ` (${economy})` : ''}`,
        unrecorded: () => 'Not recorded',
      },
    },
    report: {
      title: (number) => `Test report ${number}`,
      lead: 'A test report in the public register, with its regulations, validity and the fingerprints of its documents. This page keeps its address: link to it or bookmark it.',
      json: 'The same as JSON',
      lab: 'Laboratory',
      labPage: 'Its standing in the importing economy',
      equipment: 'Equipment',
      regulations: 'Technical regulations',
      importingEconomy: 'Importing economy',
      testedAt: 'Tested on',
      issuedAt: 'Issued on',
      acceptedAt: 'Accepted on',
      validUntil: 'Valid until',
      decidedAt: 'Decided on',
      state: 'Status',
      rejection: 'Reasons for the rejection',
      documentsHeading: 'Documents',
      documentColumns: { role: 'Document', sha256: 'SHA-256 fingerprint', mediaType: 'File type', size: 'Size (bytes)', attachedAt: 'Attached on' },
      roles: { report: 'The test report', annex: 'Annex' },
      noDocuments: 'No document is stored with this report.',
      verify: 'Check that a file you hold is one of these documents',
      historyHeading: 'History of the status',
      submitted: 'Submitted',
    },
    certificate: {
      title: (number) => `Certificate ${number}`,
      lead: 'An equipment certificate issued under a Phase II arrangement, with its regulations, validity and the test reports it rests on. This page keeps its address: link to it or bookmark it.',
      json: 'The same as JSON',
      body: 'Certification body',
      equivalentRegulations: 'Also counts for (equivalence)',
      issuedAt: 'Issued on',
      suspendedAt: 'Suspended since',
      testReports: 'Test reports it rests on',
      externalReports: 'Other test reports',
      none: 'None',
      historyHeading: 'History of the status',
    },
    lookup: { regulations: 'Technical regulations' },
  },
  vi: {
    cab: {
      title: (name, economy) => `${name}: được ${economy} thừa nhận`,
      lead: 'Tình trạng thừa nhận của tổ chức đánh giá sự phù hợp này tại nền kinh tế nhập khẩu: đối với từng quy chuẩn kỹ thuật, việc thừa nhận đang có hiệu lực hay không, từ ngày nào, và các lần tạm đình chỉ. Địa chỉ của trang này không thay đổi: Quý vị có thể dẫn chiếu hoặc lưu lại.',
      json: 'Cùng nội dung dưới dạng JSON',
      recognition: (number) => `Số hiệu chỉ định ${number}`,
      status: 'Tình trạng',
      statusSince: 'Tình trạng này từ ngày',
      recognizedSince: 'Được thừa nhận lần đầu ngày',
      validUntil: 'Có tên trong danh sách đến ngày',
      endedAt: 'Chấm dứt ngày',
      exporting: 'Nền kinh tế của tổ chức',
      type: 'Loại tổ chức',
      regulationsHeading: 'Tình trạng theo từng quy chuẩn kỹ thuật',
      regulationColumns: { regulation: 'Quy chuẩn kỹ thuật', status: 'Tình trạng', since: 'Từ ngày', suspendedBy: 'Cơ quan tạm đình chỉ' },
      inForce: 'Được thừa nhận',
      suspensionsHeading: 'Các lần tạm đình chỉ',
      suspensionColumns: { by: 'Cơ quan tạm đình chỉ', since: 'Từ ngày', until: 'Bãi bỏ tạm đình chỉ ngày', regulations: 'Quy chuẩn kỹ thuật' },
      noSuspensions: 'Việc thừa nhận này chưa từng bị tạm đình chỉ.',
      stillOpen: 'Đang áp dụng',
      allRegulations: 'Toàn bộ các quy chuẩn kỹ thuật trong phạm vi',
      accreditationHeading: 'Chứng chỉ công nhận',
      accreditation: { body: 'Tổ chức công nhận', certificateNumber: 'Số chứng chỉ công nhận', standard: 'Tiêu chuẩn', validFrom: 'Có hiệu lực từ ngày', validUntil: 'Có hiệu lực đến ngày', state: 'Tình trạng' },
      noAccreditation: 'Không có chứng chỉ công nhận nào được ghi nhận cho việc thừa nhận này.',
      testSites: 'Địa điểm thử nghiệm: không được lưu trong danh sách này; Quý vị vui lòng hỏi tổ chức hoặc cơ quan chỉ định của tổ chức.',
      particulars: {
        heading: 'Địa chỉ và địa điểm thử nghiệm',
        address: 'Địa chỉ',
        testSites: 'Địa điểm thử nghiệm',
        testsForOthers: 'Thử nghiệm theo hợp đồng cho bên khác',
        yes: 'có',
        no: 'không',
      },
      historyHeading: 'Lịch sử tình trạng',
      historyColumns: { at: 'Ngày', event: 'Sự việc', status: 'Tình trạng sau đó' },
      events: {
        CREATE: 'Nộp báo cáo',
        RECOGNIZE: 'Thừa nhận',
        SUSPEND: 'Tạm đình chỉ',
        LIFT_SUSPENSION: 'Bãi bỏ tạm đình chỉ',
        WITHDRAW: 'Hủy bỏ hiệu lực thừa nhận',
        DERECOGNIZE: 'Cơ quan quản lý của nền kinh tế nhập khẩu hủy bỏ hiệu lực thừa nhận',
        AGREEMENT_TERMINATED: 'Thỏa thuận chấm dứt',
        ACCREDITATION_LAPSED: 'Chứng chỉ công nhận không còn hiệu lực',
        ACCREDITATION_RESTORED: 'Chứng chỉ công nhận có hiệu lực trở lại',
        LISTING_EXPIRED: 'Hết thời hạn có tên trong danh sách',
        SCOPE_NARROWED: 'Thu hẹp phạm vi',
        ACCEPT: 'Chấp nhận',
        REJECT: 'Không chấp nhận',
        EXPIRED: 'Hết hiệu lực',
        REVOKE: 'Thu hồi việc chấp nhận',
      },
      otherEvent: 'Thay đổi tình trạng',
      sides: {
        importing_regulator: (economy) => `Cơ quan quản lý của nền kinh tế nhập khẩu${economy ? ` (${economy})` : ''}`,
        designating_authority: (economy) => `Cơ quan chỉ định${economy ? ` (${economy})` : ''}`,
        unrecorded: () => 'Không được ghi nhận',
      },
    },
    report: {
      title: (number) => `Báo cáo thử nghiệm ${number}`,
      lead: 'Báo cáo thử nghiệm trong danh sách công khai, với các quy chuẩn kỹ thuật, thời hạn hiệu lực và mã băm của các tài liệu. Địa chỉ của trang này không thay đổi: Quý vị có thể dẫn chiếu hoặc lưu lại.',
      json: 'Cùng nội dung dưới dạng JSON',
      lab: 'Phòng thử nghiệm',
      labPage: 'Tình trạng thừa nhận tại nền kinh tế nhập khẩu',
      equipment: 'Thiết bị',
      regulations: 'Quy chuẩn kỹ thuật',
      importingEconomy: 'Nền kinh tế nhập khẩu',
      testedAt: 'Ngày thử nghiệm',
      issuedAt: 'Ngày phát hành',
      acceptedAt: 'Ngày chấp nhận',
      validUntil: 'Có hiệu lực đến ngày',
      decidedAt: 'Ngày quyết định',
      state: 'Trạng thái',
      rejection: 'Lý do không chấp nhận',
      documentsHeading: 'Tài liệu',
      documentColumns: { role: 'Tài liệu', sha256: 'Mã băm SHA-256', mediaType: 'Loại tệp', size: 'Dung lượng (byte)', attachedAt: 'Ngày đính kèm' },
      roles: { report: 'Báo cáo thử nghiệm', annex: 'Phụ lục' },
      noDocuments: 'Không có tài liệu nào được lưu kèm báo cáo này.',
      verify: 'Kiểm tra một tệp Quý vị đang giữ có phải là một trong các tài liệu này',
      historyHeading: 'Lịch sử trạng thái',
      submitted: 'Đã nộp',
    },
    certificate: {
      title: (number) => `Giấy chứng nhận ${number}`,
      lead: 'Giấy chứng nhận thiết bị được cấp theo Giai đoạn II của thỏa thuận, với các quy chuẩn kỹ thuật, thời hạn hiệu lực và các báo cáo thử nghiệm làm căn cứ. Địa chỉ của trang này không thay đổi: Quý vị có thể dẫn chiếu hoặc lưu lại.',
      json: 'Cùng nội dung dưới dạng JSON',
      body: 'Tổ chức chứng nhận',
      equivalentRegulations: 'Cũng được tính cho (thừa nhận tương đương)',
      issuedAt: 'Ngày cấp',
      suspendedAt: 'Bị tạm đình chỉ từ ngày',
      testReports: 'Các báo cáo thử nghiệm làm căn cứ',
      externalReports: 'Các báo cáo thử nghiệm khác',
      none: 'Không có',
      historyHeading: 'Lịch sử trạng thái',
    },
    lookup: { regulations: 'Quy chuẩn kỹ thuật' },
  },
};
