/**
 * How a page words an engine refusal beyond the general words (`errors`, `fieldErrors`): the
 * engine's own sentence is English (it names the record and the rule), so it is shown to English
 * readers only; a Vietnamese page words every ajv keyword and reason itself and never appends
 * English, falling back to a general Vietnamese sentence.
 */
import type { Language } from '../types.js';

export interface RefusalText {
  /** Whether this reader is shown the engine's own (English) sentence beside the page's words. */
  showsEngineSentence: boolean;
  /** A field problem by its ajv keyword, for the keywords the general field words do not name. */
  keywords: Readonly<Record<string, string>>;
  /** A reason code that no kind words. */
  reason: (code: string) => string;
  /** What a refusal page says below its title when the engine's sentence is not shown. */
  whatNow: string;
}

export const refusalTexts: Readonly<Record<Language, RefusalText>> = {
  en: {
    showsEngineSentence: true,
    keywords: {},
    reason: (code) => code,
    whatNow: 'Check what you sent and try again.',
  },
  vi: {
    showsEngineSentence: false,
    keywords: {
      type: 'Giá trị không đúng loại dữ liệu.',
      enum: 'Vui lòng chọn một giá trị trong danh sách.',
      const: 'Giá trị không đúng với giá trị yêu cầu.',
      minimum: 'Giá trị nhỏ hơn mức tối thiểu cho phép.',
      exclusiveMinimum: 'Giá trị nhỏ hơn mức tối thiểu cho phép.',
      maximum: 'Giá trị lớn hơn mức tối đa cho phép.',
      exclusiveMaximum: 'Giá trị lớn hơn mức tối đa cho phép.',
      minItems: 'Vui lòng nhập đủ số mục tối thiểu.',
      maxItems: 'Số mục vượt quá mức tối đa cho phép.',
      uniqueItems: 'Các mục không được trùng nhau.',
      minProperties: 'Vui lòng điền thông tin này.',
      additionalProperties: 'Biểu mẫu có thông tin không thuộc thao tác này.',
      anyOf: 'Vui lòng điền đủ một trong các nhóm thông tin được yêu cầu.',
      oneOf: 'Vui lòng điền đúng một trong các nhóm thông tin được yêu cầu.',
      'x-text': 'Nội dung có ký tự điều khiển hoặc ký tự đảo chiều văn bản, không được chấp nhận.',
    },
    reason: (code) => `Chưa đáp ứng điều kiện (mã ${code}).`,
    whatNow: 'Quý vị vui lòng kiểm tra lại thông tin đã gửi rồi thử lại.',
  },
};
