/** Toàn bộ câu chữ của thư điện tử tiếng Việt (every word of the Vietnamese e-mails). */
import { isDay, vietNamTime, vietnameseDay } from './dates.js';
import { withKindWords } from './kind-tables.js';
import type { GeneralWording, Wording } from './types.js';

/** A regulation id without the economy prefix the engine keys it by: `VN:QCVN 54:2020/BTTTT` → `QCVN 54:2020/BTTTT`. */
function inProse(id: string): string {
  return id.replace(/^[A-Z]{2}:/, '');
}

const general: GeneralWording = {
  language: 'vi',

  roles: {
    regulator: 'cơ quan quản lý',
    designating_authority: 'cơ quan chỉ định',
    accreditation_body: 'tổ chức công nhận',
    lab: 'tổ chức đánh giá sự phù hợp',
    importer: 'nhà nhập khẩu',
    admin: 'quản trị viên',
    system: 'Hệ thống MRA (tự động)',
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
    positionBy: 'Hạn xác nhận hoặc không đồng ý',
    effectiveAt: 'Ngày có hiệu lực',
    regulationsNamed: 'Quy chuẩn kỹ thuật liên quan',
    removed: 'Quy chuẩn kỹ thuật được rút khỏi phạm vi',
    response: 'Nội dung trả lời',
    reasons: 'Lý do',
    next: 'Bước tiếp theo',
    deadlines: 'Thời hạn',
    link: 'Xem chi tiết',
  },

  greeting: (name) => `Kính gửi: ${name}`,
  actor: ({ name, role, economy, automatic }) =>
    automatic ? 'Hệ thống MRA (tự động)' : `${name}, ${role}${economy === null ? '' : ` của ${economy}`}`,
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
    `Quý vị nhận được thư này với tư cách ${role}${economy === null ? '' : ` của ${economy}`}, một bên liên quan đến ${noun} này.`,
    'Thư được gửi tự động từ Hệ thống MRA; vui lòng không trả lời thư này.',
  ],
  watch: {
    watched: 'Nội dung theo dõi',
    instance: (noun) => `${noun} này`,
    model: ({ model, manufacturer, economy }) => `thiết bị có ký hiệu (model) ${model} của ${manufacturer} tại ${economy}`,
    recognition: ({ cab, economy }) => `việc ${economy} thừa nhận ${cab}`,
    footer: (watchId, page) => [
      `Quý vị nhận được thư này vì đã đăng ký theo dõi nội dung nêu trên (mã theo dõi ${watchId}). Để ngừng nhận thư, Quý vị vui lòng hủy theo dõi tại trang ${page}.`,
      'Thư được gửi tự động từ Hệ thống MRA; vui lòng không trả lời thư này.',
    ],
  },
  signIn: {
    subject: 'Đường dẫn đăng nhập Hệ thống MRA',
    heading: 'Cách đăng nhập',
    text: (until) =>
      `Hệ thống nhận được yêu cầu đăng nhập vào Hệ thống MRA bằng địa chỉ thư điện tử này. Vui lòng mở đường dẫn dưới đây để đăng nhập. ` +
      `Đường dẫn chỉ sử dụng được một lần và có hiệu lực đến ${until}. Nếu Quý vị không gửi yêu cầu này, vui lòng bỏ qua thư: ` +
      `không ai có thể đăng nhập nếu không có đường dẫn.`,
    link: 'Đăng nhập',
    footer: [
      'Quý vị nhận được thư này vì có yêu cầu gửi đường dẫn đăng nhập đến địa chỉ thư điện tử của Quý vị.',
      'Thư được gửi tự động từ Hệ thống MRA; vui lòng không trả lời thư này.',
    ],
  },
};

/** The Vietnamese e-mail wording, every registered kind's words included. */
export const vi: Wording = withKindWords(general);
