import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseInstrument } from '@resonet/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readPack } from '../src/pack/loadPack';
import { formatProblem } from '../src/pack/problems';
import { readWorkbook } from '../src/pack/workbook';
import { assertBuilt, runCli } from './support/processes';

const root = mkdtempSync(join(tmpdir(), 'resonet-xlsform-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A workbook as a network office writes one in a spreadsheet, in ODK's documented shape. */
async function odkWorkbook(file: string, extraSurvey: (string | number)[][] = []) {
  const workbook = new ExcelJS.Workbook();
  const survey = workbook.addWorksheet('survey');
  survey.addRows([
    [
      'type',
      'name',
      'label::English (en)',
      'label::Vietnamese (vi)',
      'required',
      'relevant',
      'constraint',
      'hint::English (en)',
      'hint::Vietnamese (vi)',
    ],
    ['start', 'start'],
    ['begin group', 'staff', 'Staff', 'Cán bộ'],
    [
      'integer',
      'staff_count',
      'How many staff provide treatment?',
      'Có bao nhiêu cán bộ điều trị?',
      'yes',
      '',
      '. >= 0 and . <= 300',
      'Count part-time staff too',
      'Tính cả cán bộ bán thời gian',
    ],
    [
      'select_one yes_no',
      'trained',
      'Has anyone been trained this year?',
      'Năm nay có ai được đào tạo chưa?',
      'yes',
      '${staff_count} > 0',
    ],
    [
      'select_multiple topics',
      'topics',
      'On which topics?',
      'Về những chủ đề nào?',
      '',
      "${trained} = 'yes'",
      'count-selected(.) <= 2',
    ],
    ['end group', 'staff'],
    [
      'text',
      'wish',
      'Which training would help most?',
      'Khóa đào tạo nào giúp ích nhất?',
      '',
      '',
      'string-length(.) <= 300',
    ],
    ...extraSurvey,
  ]);
  const choices = workbook.addWorksheet('choices');
  choices.addRows([
    ['list_name', 'name', 'label::English (en)', 'label::Vietnamese (vi)'],
    ['yes_no', 'yes', 'Yes', 'Có'],
    ['yes_no', 'no', 'No', 'Không'],
    ['topics', 'counselling', 'Counselling', 'Tư vấn'],
    ['topics', 'case_management', 'Case management', 'Quản lý ca'],
  ]);
  const settings = workbook.addWorksheet('settings');
  settings.addRows([
    ['form_title', 'form_title::Vietnamese (vi)', 'form_id', 'version', 'default_language'],
    [
      'Example staff check-in',
      'Kiểm tra nhanh cán bộ (ví dụ)',
      'example_staff_check_in',
      2024011501,
      'English (en)',
    ],
  ]);
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

describe('resonet instrument import and export (XLSForm)', () => {
  const form = join(root, 'check-in.xlsx');
  beforeAll(async () => {
    assertBuilt();
    await odkWorkbook(form);
  });

  it('reads a spreadsheet form into an instrument the bot can run', () => {
    const out = join(root, 'check-in.yaml');
    const run = runCli(['instrument', 'import', form, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('instrument example-staff-check-in, 4 questions');
    expect(run.stderr).toContain('"start" records metadata');
    const instrument = parseInstrument(parse(readFileSync(out, 'utf8')));
    if (!instrument.ok) throw new Error(JSON.stringify(instrument.error));
    const items = instrument.value.sections.flatMap((s) => s.items);
    expect(items.map((i) => i.type)).toEqual(['number', 'yes-no', 'multiple', 'text']);
    expect(items[2]?.visibleWhen).toEqual({ op: 'equals', item: 'trained', value: true });
    expect(instrument.value.title.vi).toBe('Kiểm tra nhanh cán bộ (ví dụ)');
    // Never overwritten.
    expect(runCli(['instrument', 'import', form, '--out', out]).stderr).toContain('exists already');
  });

  it('names each row that uses what it does not support, and writes nothing', async () => {
    const bad = join(root, 'bad.xlsx');
    await odkWorkbook(bad, [
      ['calculate', 'total', 'Total', '', '', '', ''],
      ['integer', 'late', 'Days late', 'Số ngày trễ', '', 'today() > ${staff_count}'],
    ]);
    const out = join(root, 'bad.yaml');
    const run = runCli(['instrument', 'import', bad, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('uses 2 things resonet does not support; nothing was written');
    expect(run.stderr).toContain(
      `${bad}: survey row 9 type: the question type "calculate" is not supported`,
    );
    expect(run.stderr).toMatch(
      /survey row 10 relevant: the expression "today\(\) > \$\{staff_count\}" cannot be read/,
    );
    expect(() => readFileSync(out)).toThrow();
  });

  it('writes an instrument as a workbook that reads back as the same instrument', async () => {
    const out = join(root, 'training.xlsx');
    const exported = runCli([
      'instrument',
      'export',
      'centre-training-needs',
      '--format',
      'xlsx',
      '--out',
      out,
    ]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toContain('recommendation rules have no XLSForm form');
    const sheets = await readWorkbook(readFileSync(out));
    expect(sheets.survey[0]?.cells.type).toBe('begin group');
    const back = join(root, 'training.yaml');
    expect(runCli(['instrument', 'import', out, '--out', back]).status).toBe(0);
    const again = join(root, 'training-again.xlsx');
    writeFileSync(join(root, 'pack-free.txt'), '');
    const first = parse(readFileSync(back, 'utf8'));
    // Export the imported instrument again through a pack, then import: equal.
    const pack = join(root, 'pack');
    expect(runCli(['pack', 'init', pack, '--name', 'Example Delta Network']).status).toBe(0);
    writeFileSync(join(pack, 'instruments', 'training.yaml'), readFileSync(back, 'utf8'));
    expect(
      runCli(['instrument', 'export', 'centre-training-needs', '--out', again, '--pack', pack])
        .status,
    ).toBe(0);
    const twice = join(root, 'training-twice.yaml');
    expect(runCli(['instrument', 'import', again, '--out', twice]).status).toBe(0);
    expect(parse(readFileSync(twice, 'utf8'))).toEqual({
      ...first,
      basis: [{ document: 'training-again.xlsx', section: 'survey' }],
    });
  });

  it('refuses what is not a workbook, and an unknown instrument', () => {
    const text = join(root, 'notes.xlsx');
    writeFileSync(text, 'just text');
    expect(runCli(['instrument', 'import', text]).stderr).toContain('it is not a zip file');
    expect(runCli(['instrument', 'import', text], { LANG: 'vi_VN.UTF-8' }).stderr).toContain(
      'không phải tệp zip',
    );
    expect(runCli(['instrument', 'export', 'nope']).status).toBe(2);
    expect(runCli(['instrument']).status).toBe(2);
  });
});

describe('an XLSForm in a pack', () => {
  it('is one of the pack’s instruments, and its problems are named by row', async () => {
    const example = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));
    const pack = join(root, 'highlands');
    cpSync(example, pack, { recursive: true });
    await odkWorkbook(join(pack, 'instruments', 'staff-check-in.xlsx'));
    const read = await readPack(pack);
    if (!read.ok) throw new Error(read.error.map(formatProblem).join('\n'));
    expect(read.value.instruments.map((i) => i.id)).toContain('example-staff-check-in');
    await odkWorkbook(join(pack, 'instruments', 'broken.xlsx'), [
      ['geopoint', 'where', 'Where?', 'Ở đâu?'],
    ]);
    const broken = await readPack(pack);
    expect(broken.ok).toBe(false);
    if (!broken.ok)
      expect(broken.error.map(formatProblem)).toContain(
        'instruments/broken.xlsx:9 survey.type: the question type "geopoint" is not supported',
      );
  });

  it('names the survey row of a question without Vietnamese, in a pack that speaks it', async () => {
    const example = fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url));
    const pack = join(root, 'highlands-vi');
    cpSync(example, pack, { recursive: true });
    await odkWorkbook(join(pack, 'instruments', 'staff-check-in.xlsx'), [
      ['integer', 'visits', 'Visits this month', ''],
    ]);
    const read = await readPack(pack);
    expect(read.ok).toBe(false);
    if (!read.ok)
      expect(read.error.map(formatProblem).join('\n')).toMatch(
        /^instruments\/staff-check-in\.xlsx:9 sections\[1\]\.items\[1\]\.text: The pack speaks Vietnamese/m,
      );
  });
});
