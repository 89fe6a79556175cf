import { fillText, type Lang } from '@resonet/core';

// The terminal chat's own words; the conversation itself speaks through the engine.
const WORDS = {
  en: {
    hint: 'Type a number to choose, a letter for a button, or your answer or question. “quit” or Ctrl+C pauses.',
    progress: 'Question {number}/{total}',
    saved: 'Saved {name} in {dir}',
    resume: 'Run “resonet chat” again and type “continue” to go on where you stopped.',
    forgets:
      'Note: this chat keeps its state in memory (RESONET_STORAGE=memory), so the next run starts afresh.',
    bye: 'Goodbye.',
    failed:
      'Sorry, something went wrong ({reason}). Your saved answers are safe; please try again.',
  },
  vi: {
    hint: 'Gõ số để chọn, chữ cái cho nút bấm, hoặc câu trả lời hay câu hỏi của Anh/Chị. “thoát” hoặc Ctrl+C để tạm dừng.',
    progress: 'Câu hỏi {number}/{total}',
    saved: 'Đã lưu {name} vào {dir}',
    resume: 'Chạy lại “resonet chat” và gõ “tiếp tục” để làm tiếp từ chỗ đã dừng.',
    forgets:
      'Lưu ý: phần trò chuyện này giữ trạng thái trong bộ nhớ (RESONET_STORAGE=memory), nên lần chạy sau sẽ bắt đầu lại.',
    bye: 'Tạm biệt.',
    failed: 'Xin lỗi, đã có lỗi ({reason}). Các câu trả lời đã lưu vẫn an toàn; hãy thử lại.',
  },
} as const;

export type WordKey = keyof (typeof WORDS)['en'];

export function word(lang: Lang, key: WordKey, values: Record<string, string | number> = {}) {
  return fillText(WORDS[lang][key], values);
}
