/**
 * The words of the page where a person sees and removes their own watches (`/watching`), in both
 * languages: the page a watch e-mail points to for stopping it, so a person never needs the API.
 */
import type { Language } from '../types.js';

export interface WatchingText {
  title: string;
  lead: string;
  none: string;
  columns: { what: string; since: string };
  /** What a watch is on, as the watch e-mail says it. */
  instance: (noun: string, id: string) => string;
  model: (model: string, manufacturer: string, economy: string) => string;
  recognition: (cab: string, economy: string) => string;
  remove: string;
  removed: string;
}

export const watchingTexts: Readonly<Record<Language, WatchingText>> = {
  en: {
    title: 'What you watch',
    lead: 'You are e-mailed, in your language, when what you watch changes. Remove a watch to stop its e-mails.',
    none: 'You watch nothing.',
    columns: { what: 'What you watch', since: 'Since' },
    instance: (noun, id) => `the ${noun} ${id}`,
    model: (model, manufacturer, economy) => `the equipment model ${model} of ${manufacturer} in ${economy}`,
    recognition: (cab, economy) => `the recognition of ${cab} by ${economy}`,
    remove: 'Stop watching',
    removed: 'The watch is removed: it sends no more e-mail.',
  },
  vi: {
    title: 'Nội dung Quý vị theo dõi',
    lead: 'Quý vị nhận được thư điện tử, bằng ngôn ngữ của mình, khi nội dung theo dõi có thay đổi. Hủy theo dõi để ngừng nhận thư.',
    none: 'Quý vị chưa theo dõi nội dung nào.',
    columns: { what: 'Nội dung theo dõi', since: 'Từ ngày' },
    instance: (noun, id) => `${noun} ${id}`,
    model: (model, manufacturer, economy) => `thiết bị có ký hiệu (model) ${model} của ${manufacturer} tại ${economy}`,
    recognition: (cab, economy) => `việc ${economy} thừa nhận ${cab}`,
    remove: 'Hủy theo dõi',
    removed: 'Đã hủy theo dõi: Quý vị sẽ không nhận thêm thư về nội dung này.',
  },
};
