import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInstrument } from '@resonet/core';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';

// Runs the built `resonet` binary as a user would (npm test builds it first).
const cli = fileURLToPath(new URL('../bin/resonet.js', import.meta.url));
const built = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'resonet-cli-'));
const resonet = (...args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

beforeAll(() => {
  if (!existsSync(built))
    throw new Error('packages/bot/dist/cli.js is missing: run "npm run build" first');
});

const good = {
  'offices-adequate': 2,
  'staff-overloaded': 'agree strongly',
  'staff-work-together': '3',
  'management-supports-training': 2,
  'had-training': 'không',
  'barrier-time': 4,
  'barrier-cost': 5,
};

describe('resonet instruments', () => {
  it('lists the built-in instruments in English and Vietnamese', () => {
    const en = resonet('instruments');
    expect(en.code).toBe(0);
    expect(en.out).toContain(
      'centre-training-needs (v1.1.0, pilot) — Centre training needs: up to 30 questions in 7 sections',
    );
    // Who answers, and what the figures are worth.
    expect(en.out).toContain('Answered by each staff member; a centre is shown once 3 of them');
    expect(en.out).toContain('not validated in this form');
    const vi = resonet('instruments', '--lang', 'vi').out;
    expect(vi).toContain('Tự đánh giá chất lượng dịch vụ');
    expect(vi).toContain('thử nghiệm');
  });

  it('prints full definitions with --json that core validates', () => {
    const r = resonet('instruments', '--json');
    const list = JSON.parse(r.out) as unknown[];
    expect(list).toHaveLength(3);
    for (const instrument of list) expect(parseInstrument(instrument).ok).toBe(true);
  });
});

describe('resonet score', () => {
  it('scores a JSON object of answers', () => {
    const r = resonet(
      'score',
      'centre-training-needs',
      file('one.json', JSON.stringify(good)),
      '--date',
      '2026-11-23',
    );
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.out);
    expect(result.scores.find((s: { scale: string }) => s.scale === 'facilities-climate')).toEqual({
      scale: 'facilities-climate',
      value: 20,
      status: 'scored',
      min: 10,
      max: 50,
      needLevel: 'high',
      gap: 20,
    });
    expect(result.recommendations[0]).toMatchObject({
      rule: 'climate-weak',
      resources: [{ name: 'Promote organisational development' }],
    });
  });

  it('scores CSV with one row per respondent, in Vietnamese Markdown and as CSV', () => {
    const csv = Papa.unparse([
      { respondent_id: 'example-a', centre_id: 'example-resource-centre-vn', ...good },
      {
        respondent_id: 'example-b',
        centre_id: 'example-resource-centre-ke',
        'offices-adequate': 5,
        'staff-overloaded': 1,
        'staff-work-together': 5,
      },
    ]);
    const path = file('many.csv', csv);
    const md = resonet('score', 'centre-training-needs', path, '--format', 'md', '--lang', 'vi');
    expect(md.code).toBe(0);
    expect(md.out).toContain('# Nhu cầu đào tạo của trung tâm — Người trả lời example-a');
    expect(md.out).toContain('| Cơ sở vật chất và môi trường làm việc | 20 / 50 | cao | 20 |');
    expect(md.out).toContain('# Nhu cầu đào tạo của trung tâm — Người trả lời example-b');
    const out = resonet(
      'score',
      'centre-training-needs',
      path,
      '--format',
      'csv',
      '--date',
      '2026-01-31',
    );
    // Excel reads UTF-8 only after a byte-order mark.
    expect(out.out.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<Record<string, string>>(out.out.slice(1).trim(), { header: true }).data;
    expect(rows.find((row) => row.item_id === 'offices-adequate')?.label).toBe(
      'Our rooms and offices are adequate for the work we do.',
    );
    expect(
      rows
        .filter((row) => row.record_type === 'score' && row.scale_id === 'facilities-climate')
        .map((row) => [row.respondent_id, row.value]),
    ).toEqual([
      ['example-a', '20'],
      ['example-b', '50'],
    ]);
    expect(rows[0]?.submitted_at).toBe('2026-01-31');
  });

  it('names the row, item and value of every bad answer, and scores nothing', () => {
    const csv =
      'respondent_id,offices-adequate,had-training,unknown-item\nexample-a,4,yes,\nexample-b,9,maybe,1\n';
    const r = resonet('score', 'centre-training-needs', file('bad.csv', csv), '--lang', 'vi');
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.split('\n')).toEqual([
      'Dòng 3, câu hỏi "offices-adequate", giá trị "9": Hãy chọn một trong: 1 = Hoàn toàn không đồng ý, 2 = Không đồng ý, 3 = Không chắc chắn, 4 = Đồng ý, 5 = Hoàn toàn đồng ý.',
      'Dòng 3, câu hỏi "had-training", giá trị "maybe": Hãy trả lời có hoặc không.',
      'Dòng 3: "unknown-item" không phải câu hỏi của centre-training-needs.',
      'Phát hiện 3 lỗi; chưa chấm điểm.',
      '',
    ]);
  });

  it('reads semicolon-separated CSV, whose text answers hold commas', () => {
    const csv =
      'respondent_id;offices-adequate;had-training;barrier-details\nexample-a;4;yes;time, cost, distance\n';
    const r = resonet('score', 'centre-training-needs', file('semicolon.csv', csv));
    expect(r.code).toBe(0);
    const [result] = JSON.parse(r.out);
    expect(result.respondentId).toBe('example-a');
  });

  it('reports CSV syntax errors by line, in the reader’s language, and scores nothing', () => {
    const quote = 'respondent_id,offices-adequate\nexample-a,"4\nexample-b,3\n';
    expect(resonet('score', 'centre-training-needs', file('quote.csv', quote))).toMatchObject({
      code: 1,
      out: '',
      err: 'CSV line 2: a quoted value is never closed (a " is missing).\n1 problem(s) found; nothing was scored.\n',
    });
    const short = 'respondent_id,offices-adequate,had-training\nexample-a,4,yes\nexample-b,3\n';
    const vi = resonet('score', 'centre-training-needs', file('short.csv', short), '--lang', 'vi');
    expect(vi.code).toBe(1);
    expect(vi.err).toContain('CSV dòng 3: có 2 giá trị trong khi dòng tiêu đề có 3 cột.');
  });

  it('warns about rows missing required answers, and --strict refuses them', () => {
    const path = file('partial.json', JSON.stringify({ 'offices-adequate': 4 }));
    const warned = resonet('score', 'centre-training-needs', path);
    expect(warned.code).toBe(0);
    expect(JSON.parse(warned.out)).toHaveLength(1);
    expect(warned.err).toMatch(
      /^Row 1: \d+ of \d+ required questions have no answer \(staff-overloaded, /,
    );
    expect(warned.err).toContain('1 row(s) scored with required answers missing');
    const strict = resonet('score', 'centre-training-needs', path, '--strict', '--lang', 'vi');
    expect(strict.code).toBe(1);
    expect(strict.out).toBe('');
    expect(strict.err).toMatch(/^Dòng 1: \d+\/\d+ câu hỏi bắt buộc chưa có câu trả lời/);
  });

  it('explains malformed files, missing files and wrong types', () => {
    expect(resonet('score', 'centre-training-needs', file('broken.json', '{"a": ')).err).toMatch(
      /is not valid JSON/,
    );
    expect(resonet('score', 'centre-training-needs', file('list.json', '[1, 2]')).err).toMatch(
      /Expected an object of item id/,
    );
    expect(resonet('score', 'centre-training-needs', join(dir, 'missing.json'))).toMatchObject({
      code: 1,
      err: expect.stringMatching(/Cannot read/),
    });
    const wrong = resonet(
      'score',
      'centre-training-needs',
      file(
        'wrong.json',
        JSON.stringify({ 'offices-adequate': { x: 1 }, 'had-training': 'x'.repeat(100_000) }),
      ),
    );
    expect(wrong.code).toBe(1);
    expect(wrong.err).toContain('Row 1, item "offices-adequate", value {"x":1}: Choose one of');
    expect(wrong.err).toContain('Row 1, item "had-training", value "xxxxx');
    expect(wrong.err.length).toBeLessThan(2000);
  });
});

describe('usage', () => {
  it('shows help and refuses bad calls with exit code 2', () => {
    expect(resonet('--help')).toMatchObject({
      code: 0,
      out: expect.stringContaining('Usage: resonet <command>'),
    });
    expect(resonet('--help', '--lang', 'vi').out).toContain('Cách dùng: resonet <lệnh>');
    expect(resonet()).toMatchObject({ code: 2 });
    expect(resonet('frobnicate')).toMatchObject({
      code: 2,
      err: expect.stringContaining('Unknown command "frobnicate"'),
    });
    expect(resonet('score', 'nope', 'x.json')).toMatchObject({
      code: 2,
      err: expect.stringContaining('No instrument has the id "nope"'),
    });
    expect(resonet('score', 'centre-training-needs')).toMatchObject({ code: 2 });
    expect(resonet('score', 'centre-training-needs', 'x.json', '--format', 'xml')).toMatchObject({
      code: 2,
    });
    expect(resonet('instruments', '--bogus')).toMatchObject({
      code: 2,
      err: expect.stringContaining("Unknown option '--bogus'"),
    });
    expect(resonet('instruments', '--lang', 'fr')).toMatchObject({ code: 2 });
  }, 60_000);
});

describe('resonet ask', () => {
  it('answers in the language of the question, with sources', () => {
    const r = resonet('ask', 'Vai trò của một ITTC là gì?');
    expect(r.code).toBe(0);
    expect(r.out).toContain('ITTC có thể đóng bốn vai trò');
    expect(r.out).toContain('Nguồn:');
    // Sources by title, in the answer's language, never as file names.
    expect(r.out).toContain('Tờ giới thiệu Mạng lưới ITTC (tiếng Việt) §');
    expect(r.out).not.toMatch(/\.txt/);
  });

  it('lists the topics right under an answer that does not know, in its language', () => {
    const r = resonet('ask', 'Mạng lưới ITTC có văn phòng ở Hà Nội không?');
    expect(r.code).toBe(0);
    const [first, second] = r.out.split('\n');
    expect(first).toMatch(/không nhắc đến Hà Nội.*Một số chủ đề tôi biết:$/);
    expect(second).toMatch(/^ {2}- /);
  });

  it('prints JSON with --json', () => {
    const r = resonet('ask', 'when did phase one start', '--json');
    const answer = JSON.parse(r.out);
    expect(answer).toMatchObject({ status: 'answered', lang: 'en' });
    expect(answer.text).toContain('August 2005');
    expect(answer.sources).toContainEqual({
      document: '002_d9aab02609379ddc.txt',
      section: 'Phase I - Resources',
      title: 'UNODC project summary slides for Treatnet',
    });
    expect(JSON.parse(resonet('ask', "what's the weather in Hanoi?", '--json').out).status).toBe(
      'unknown',
    );
  });

  it('exits 2 only on usage errors', () => {
    expect(resonet('ask')).toMatchObject({ code: 2 });
    expect(resonet('ask', 'qwertyuiop')).toMatchObject({ code: 0 });
  });
});
