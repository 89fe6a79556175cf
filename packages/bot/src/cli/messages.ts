// The command line's own words, in English and Vietnamese.
type Text = { en: string; vi: string };

export const MESSAGES = {
  usage: {
    en: `Usage: resonet <command> [options]

Commands:
  ask "<question>" [--lang en|vi] [--json]
      Answer a question about the networks, in English or Vietnamese.
  instruments [--json] [--lang en|vi]
      List the built-in assessment instruments (--json: full definitions).
  score <instrument-id> <answers-file> [--format json|md|csv] [--lang en|vi] [--date YYYY-MM-DD]
      Score answers collected elsewhere. The file is JSON (an object of item id → answer,
      or an array of such objects) or CSV (one row per respondent, one column per item id;
      optional columns respondent_id and centre_id).

Options:
  --help, -h    Show this help.
  --lang        Language of the output (default: from LANG, else en).
`,
    vi: `Cách dùng: resonet <lệnh> [tùy chọn]

Các lệnh:
  ask "<câu hỏi>" [--lang en|vi] [--json]
      Trả lời câu hỏi về các mạng lưới, bằng tiếng Việt hoặc tiếng Anh.
  instruments [--json] [--lang en|vi]
      Liệt kê các công cụ đánh giá có sẵn (--json: toàn bộ định nghĩa).
  score <mã-công-cụ> <tệp-câu-trả-lời> [--format json|md|csv] [--lang en|vi] [--date YYYY-MM-DD]
      Chấm điểm câu trả lời thu thập từ nơi khác. Tệp dạng JSON (đối tượng mã câu hỏi → câu
      trả lời, hoặc mảng các đối tượng đó) hoặc CSV (mỗi dòng một người trả lời, mỗi cột một
      mã câu hỏi; có thể thêm cột respondent_id và centre_id).

Tùy chọn:
  --help, -h    Hiển thị hướng dẫn này.
  --lang        Ngôn ngữ đầu ra (mặc định: theo LANG, nếu không thì en).
`,
  },
  needQuestion: {
    en: 'ask needs a question: resonet ask "What is Treatnet?"',
    vi: 'Lệnh ask cần một câu hỏi: resonet ask "Treatnet là gì?"',
  },
  unknownCommand: {
    en: 'Unknown command "{value}". Run "resonet --help" to see the commands.',
    vi: 'Không có lệnh "{value}". Chạy "resonet --help" để xem các lệnh.',
  },
  badOption: { en: '{value}', vi: '{value}' },
  needArgs: {
    en: 'score needs an instrument id and an answers file: resonet score <instrument-id> <answers-file>',
    vi: 'Lệnh score cần mã công cụ và tệp câu trả lời: resonet score <mã-công-cụ> <tệp-câu-trả-lời>',
  },
  unknownInstrument: {
    en: 'No instrument has the id "{value}". Known: {known}.',
    vi: 'Không có công cụ nào mang mã "{value}". Các mã hiện có: {known}.',
  },
  badFormat: {
    en: 'Unknown --format "{value}": use json, md or csv.',
    vi: 'Không hỗ trợ --format "{value}": dùng json, md hoặc csv.',
  },
  badLang: {
    en: 'Unknown --lang "{value}": use en or vi.',
    vi: 'Không hỗ trợ --lang "{value}": dùng en hoặc vi.',
  },
  badDate: {
    en: 'Use --date YYYY-MM-DD, not "{value}".',
    vi: 'Dùng --date YYYY-MM-DD, không phải "{value}".',
  },
  unreadable: { en: 'Cannot read "{value}": {reason}', vi: 'Không đọc được "{value}": {reason}' },
  tooLarge: {
    en: '"{value}" is larger than 20 MB; split it into smaller files.',
    vi: '"{value}" lớn hơn 20 MB; hãy chia thành các tệp nhỏ hơn.',
  },
  badJson: {
    en: '"{value}" is not valid JSON: {reason}',
    vi: '"{value}" không phải JSON hợp lệ: {reason}',
  },
  badShape: {
    en: 'Expected an object of item id → answer, or an array of them.',
    vi: 'Cần một đối tượng mã câu hỏi → câu trả lời, hoặc một mảng các đối tượng như vậy.',
  },
  emptyFile: { en: '"{value}" holds no answers.', vi: '"{value}" không có câu trả lời nào.' },
  unknownItem: {
    en: 'Row {row}: "{item}" is not an item of {instrument}.',
    vi: 'Dòng {row}: "{item}" không phải câu hỏi của {instrument}.',
  },
  badAnswer: {
    en: 'Row {row}, item "{item}", value {value}: {reason}',
    vi: 'Dòng {row}, câu hỏi "{item}", giá trị {value}: {reason}',
  },
  errorsFound: {
    en: '{count} problem(s) found; nothing was scored.',
    vi: 'Phát hiện {count} lỗi; chưa chấm điểm.',
  },
  listHeader: { en: 'Built-in instruments:', vi: 'Các công cụ đánh giá có sẵn:' },
  listLine: {
    en: '{id} (v{version}) — {title}: {items} questions in {sections} sections, about {minutes} min.',
    vi: '{id} (v{version}) — {title}: {items} câu hỏi trong {sections} phần, khoảng {minutes} phút.',
  },
  respondent: { en: 'Respondent {value}', vi: 'Người trả lời {value}' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;

export function say(
  key: MessageKey,
  lang: string,
  values: Record<string, string | number> = {},
): string {
  const text = lang === 'vi' ? MESSAGES[key].vi : MESSAGES[key].en;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? ''));
}
