import type { Template } from './template';

/**
 * Messages core writes about bad data, in English and Vietnamese. Schemas carry the English
 * text; `parseWith` reports each by its key (the issue's `code`) in the requested language,
 * so people reading zod's output directly still get a readable sentence.
 */
export const MESSAGES = {
  kebabId: {
    en: 'Use a kebab-case id such as "phase-1"',
    vi: 'Dùng mã dạng kebab-case, ví dụ "phase-1"',
  },
  englishRequired: {
    en: 'English text is required and must not be empty',
    vi: 'Bắt buộc có văn bản tiếng Anh (en) và không được để trống',
  },
  citeSource: { en: 'Cite at least one source', vi: 'Cần trích dẫn ít nhất một nguồn' },
  appHelpSources: {
    en: 'Help about the app cites no source document: the documents say nothing about the app',
    vi: 'Hướng dẫn về ứng dụng không trích dẫn tài liệu nguồn: các tài liệu không nói gì về ứng dụng',
  },
  nameDocument: { en: 'Name the source document', vi: 'Cần ghi tên tài liệu nguồn' },
  nameSection: {
    en: 'Name the section of the source document',
    vi: 'Cần ghi mục của tài liệu nguồn',
  },
  isoDate: {
    en: 'Use a calendar date in the form YYYY-MM-DD, such as 2005-08-01',
    vi: 'Dùng ngày theo dạng YYYY-MM-DD, ví dụ 2005-08-01',
  },
  periodOrder: {
    en: 'The period ends before it starts',
    vi: 'Khoảng thời gian kết thúc trước khi bắt đầu',
  },
  decimalAmount: {
    en: 'Write the amount as an exact decimal string such as "1608000" or "12.50"',
    vi: 'Ghi số tiền dạng chuỗi thập phân chính xác, ví dụ "1608000" hoặc "12.50"',
  },
  currencyCode: {
    en: 'Use a three-letter ISO 4217 currency code such as "USD"',
    vi: 'Dùng mã tiền tệ ISO 4217 gồm ba chữ cái, ví dụ "USD"',
  },
  countryCode: {
    en: 'Use a known ISO 3166-1 alpha-2 country code such as "VN"',
    vi: 'Dùng mã quốc gia ISO 3166-1 alpha-2 hợp lệ, ví dụ "VN"',
  },
  required: {
    en: 'This field is required and is missing',
    vi: 'Trường này là bắt buộc nhưng đang thiếu',
  },
  noPersonalData: {
    en: 'A focal point is recorded as a role only: leave out names, e-mail addresses and phone numbers',
    vi: 'Đầu mối chỉ được ghi dưới dạng vai trò: không ghi tên, địa chỉ thư điện tử hay số điện thoại',
  },
} as const satisfies Record<string, Template>;

/** The key of one of core's messages: the `code` of the issues it reports. */
export type MessageCode = keyof typeof MESSAGES;

const byEnglish = new Map<string, MessageCode>(
  (Object.keys(MESSAGES) as MessageCode[]).map((code) => [MESSAGES[code].en, code]),
);

/**
 * The code of a message a schema carries. Schemas keep their English text so that zod's
 * own output reads well (and JSON Schema keeps its patterns); this is the one place that
 * text is turned back into a code.
 */
export const codeOf = (message: string): MessageCode | undefined => byEnglish.get(message);
