/**
 * The words of the statistics page and its CSV (`/statistics`), in both languages: kept apart from
 * the general page words because they are read together and by nothing else.
 */
import type { DurationUnit } from '../../durations.js';
import type { Language } from '../types.js';

export interface StatisticsText {
  title: string;
  lead: string;
  from: string;
  to: string;
  dateHelp: string;
  show: string;
  csv: string;
  /** The period shown, in a sentence. */
  period: (from: string, to: string) => string;
  badDate: string;
  badOrder: string;
  none: string;
  recognitionsCaption: string;
  reportsCaption: string;
  reasonsCaption: string;
  timesCaption: string;
  columns: {
    exporting: string;
    importing: string;
    pair: string;
    recognized: string;
    suspended: string;
    withdrawn: string;
    objected: string;
    accepted: string;
    rejected: string;
    reason: string;
    count: string;
    process: string;
    decisions: string;
    median: string;
    percentile90: string;
    reviewPeriod: string;
    withinPeriod: string;
    from: string;
    to: string;
  };
  processes: { recognitions: string; testReports: string };
  /** A duration of the procedure, in words: "27 working days". */
  duration: (amount: number, unit: DurationUnit) => string;
  /** Reasons whose general words are the start of a sentence (the regulator's own words follow in a record), as a table shows them. */
  reasons: Readonly<Record<string, string>>;
  /** "2 of 3". */
  outOf: (within: number, decisions: number) => string;
  notes: string[];
}

const EN_UNITS: Record<DurationUnit, [string, string]> = {
  minutes: ['minute', 'minutes'],
  hours: ['hour', 'hours'],
  days: ['day', 'days'],
  'working days': ['working day', 'working days'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

const VI_UNITS: Record<DurationUnit, string> = {
  minutes: 'phút',
  hours: 'giờ',
  days: 'ngày',
  'working days': 'ngày làm việc',
  months: 'tháng',
  years: 'năm',
};

const en: StatisticsText = {
  title: 'Statistics of the arrangements',
  lead: 'For each pair of economies (exporting → importing), what happened in the period: the conformity assessment bodies recognised, suspended and withdrawn, the test reports accepted and rejected with the reasons, and how long decisions took against the periods the procedure sets. Only totals are shown, never a report or a body.',
  from: 'From',
  to: 'To',
  dateHelp: 'A date written year-month-day, for example 2026-01-31. Without dates: the last twelve months.',
  show: 'Show',
  csv: 'Download as CSV (spreadsheet)',
  period: (from, to) => `From ${from} to ${to}, both days included (UTC).`,
  badDate: 'Write each date as year-month-day, for example 2026-01-31.',
  badOrder: 'The start of the period is after its end.',
  none: 'Nothing was recognised, suspended, withdrawn, accepted or rejected in this period.',
  recognitionsCaption: 'Conformity assessment bodies, by pair of economies',
  reportsCaption: 'Test reports, by pair of economies',
  reasonsCaption: 'Rejections by reason',
  timesCaption: 'Processing times, from submission to decision, in days',
  columns: {
    exporting: 'Exporting economy',
    importing: 'Importing economy',
    pair: 'Economies (exporting → importing)',
    recognized: 'Recognised or renewed',
    suspended: 'Suspended',
    withdrawn: 'Withdrawn',
    objected: 'Applications refused',
    accepted: 'Reports accepted',
    rejected: 'Reports rejected',
    reason: 'Reason',
    count: 'Reports',
    process: 'Procedure',
    decisions: 'Decisions',
    median: 'Median (days)',
    percentile90: '90th percentile (days)',
    reviewPeriod: 'Period the procedure sets',
    withinPeriod: 'Decided within the period',
    from: 'From',
    to: 'To',
  },
  processes: { recognitions: 'Recognition of a body', testReports: 'Review of a test report' },
  duration: (amount, unit) => `${amount} ${EN_UNITS[unit][amount === 1 ? 0 : 1]}`,
  reasons: {},
  outOf: (within, decisions) => `${within} of ${decisions}`,
  notes: [
    'An event counts in the period in which it happened: a body suspended and restored within the period counts as suspended.',
    'Processing times run from the application or the submission to the regulator’s decision; a report refused at screening is counted as rejected but was not reviewed, so it has no processing time.',
    'Half of the decisions took at most the median; nine in ten took at most the 90th percentile.',
  ],
};

const vi: StatisticsText = {
  title: 'Số liệu thống kê thực hiện các thỏa thuận thừa nhận lẫn nhau',
  lead: 'Theo từng cặp nền kinh tế (xuất khẩu → nhập khẩu), những gì đã diễn ra trong khoảng thời gian đã chọn: số tổ chức đánh giá sự phù hợp được thừa nhận, bị tạm đình chỉ, bị hủy bỏ hiệu lực thừa nhận; số báo cáo thử nghiệm được chấp nhận, bị từ chối và lý do; thời gian xử lý so với thời hạn theo quy trình. Trang chỉ nêu số tổng hợp, không nêu riêng báo cáo hay tổ chức nào.',
  from: 'Từ ngày',
  to: 'Đến ngày',
  dateHelp: 'Ngày viết theo thứ tự năm-tháng-ngày, ví dụ 2026-01-31. Nếu không nhập ngày: 12 tháng gần nhất.',
  show: 'Xem số liệu',
  csv: 'Tải về dạng CSV (bảng tính)',
  period: (from, to) => `Từ ngày ${from} đến ngày ${to}, tính cả hai ngày (giờ UTC).`,
  badDate: 'Quý vị vui lòng nhập ngày theo thứ tự năm-tháng-ngày, ví dụ 2026-01-31.',
  badOrder: 'Ngày bắt đầu sau ngày kết thúc của khoảng thời gian.',
  none: 'Trong khoảng thời gian này không có việc thừa nhận, tạm đình chỉ, hủy bỏ hiệu lực, chấp nhận hay từ chối nào.',
  recognitionsCaption: 'Tổ chức đánh giá sự phù hợp, theo cặp nền kinh tế',
  reportsCaption: 'Báo cáo thử nghiệm, theo cặp nền kinh tế',
  reasonsCaption: 'Số báo cáo bị từ chối theo lý do',
  timesCaption: 'Thời gian xử lý, từ khi nộp hồ sơ đến khi có quyết định, tính bằng ngày',
  columns: {
    exporting: 'Nền kinh tế xuất khẩu',
    importing: 'Nền kinh tế nhập khẩu',
    pair: 'Cặp nền kinh tế (xuất khẩu → nhập khẩu)',
    recognized: 'Được thừa nhận hoặc thừa nhận lại',
    suspended: 'Bị tạm đình chỉ',
    withdrawn: 'Bị hủy bỏ hiệu lực thừa nhận',
    objected: 'Hồ sơ bị từ chối thừa nhận',
    accepted: 'Báo cáo được chấp nhận',
    rejected: 'Báo cáo bị từ chối',
    reason: 'Lý do',
    count: 'Số báo cáo',
    process: 'Thủ tục',
    decisions: 'Số quyết định',
    median: 'Trung vị (ngày)',
    percentile90: 'Phân vị thứ 90 (ngày)',
    reviewPeriod: 'Thời hạn theo quy trình',
    withinPeriod: 'Số quyết định trong thời hạn',
    from: 'Từ ngày',
    to: 'Đến ngày',
  },
  processes: { recognitions: 'Thừa nhận tổ chức đánh giá sự phù hợp', testReports: 'Xem xét báo cáo thử nghiệm' },
  duration: (amount, unit) => `${amount} ${VI_UNITS[unit]}`,
  reasons: { REJECTED_BY_REGULATOR: 'Bị cơ quan quản lý của nền kinh tế nhập khẩu từ chối' },
  outOf: (within, decisions) => `${within}/${decisions}`,
  notes: [
    'Mỗi sự việc được tính vào khoảng thời gian diễn ra sự việc đó: tổ chức bị tạm đình chỉ rồi được bãi bỏ tạm đình chỉ trong cùng khoảng thời gian vẫn được tính là bị tạm đình chỉ.',
    'Thời gian xử lý tính từ khi nộp hồ sơ hoặc nộp báo cáo đến khi cơ quan quản lý ra quyết định; báo cáo bị từ chối ngay khi kiểm tra ban đầu được tính là bị từ chối nhưng không được xem xét nên không có thời gian xử lý.',
    'Một nửa số quyết định được đưa ra trong thời gian không quá trung vị; chín phần mười số quyết định trong thời gian không quá phân vị thứ 90.',
  ],
};

export const statisticsTexts: Readonly<Record<Language, StatisticsText>> = { en, vi };
