import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { contrastWithWhite } from '../src/pack/branding';
import { readPack } from '../src/pack/loadPack';
import { packContent, titleFromFile } from '../src/pack/packContent';
import { type PackFiles, parsePack } from '../src/pack/parsePack';
import { formatProblem } from '../src/pack/problems';
import { idFromName, scaffoldPack } from '../src/pack/scaffold';
import { assertBuilt, runCli } from './support/processes';

const NAME = 'Example Delta Network';

/** The scaffolded pack's files, with some replaced (undefined: removed). */
function files(changes: Record<string, string | undefined> = {}): PackFiles {
  const texts = new Map(Object.entries(scaffoldPack(NAME)));
  for (const [path, text] of Object.entries(changes))
    if (text === undefined) texts.delete(path);
    else texts.set(path, text);
  return { texts, binaries: new Map(), refused: [] };
}

/** The problems of a changed pack, one line each ("file:line field: message"). */
function problems(changes: Record<string, string | undefined>, lang: 'en' | 'vi' = 'en') {
  const parsed = parsePack(files(changes), lang);
  if (parsed.ok) throw new Error('expected problems, the pack was valid');
  return parsed.error.map(formatProblem);
}

const edit = (path: string, from: string, to: string) => {
  const text = scaffoldPack(NAME)[path];
  if (!text?.includes(from)) throw new Error(`${path} has no "${from}"`);
  return { [path]: text.replace(from, to) };
};

describe('a scaffolded pack', () => {
  it('is valid, in both languages, and names no network but its own', () => {
    const parsed = parsePack(files());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const pack = parsed.value;
    expect(pack.network).toMatchObject({ id: 'example-delta-network', name: { en: NAME } });
    expect(pack.centres.map((c) => c.example)).toEqual([true, true]);
    expect(pack.instruments).toHaveLength(1);
    expect(pack.knowledge).toHaveLength(3);
    expect(JSON.stringify(scaffoldPack(NAME))).not.toMatch(/Treatnet|ITTC|UNODC/);
  });

  it('answers its own questions, and cites its files by title', () => {
    const parsed = parsePack(files());
    if (!parsed.ok) throw new Error('invalid');
    const content = packContent(parsed.value);
    const answer = content.answers.answer('How do I contact the network?');
    expect(answer).toMatchObject({ status: 'answered', entryId: 'how-to-contact' });
    expect(content.documents).toContainEqual({
      file: 'knowledge/how-to-contact.yaml',
      title: { en: 'How to contact' },
    });
    const unknown = content.answers.answer('What is the weather in Hanoi tomorrow?');
    expect(unknown.text).toContain(`I only answer questions about ${NAME}`);
    expect(unknown.suggestions.map((s) => s.entryId)).toEqual([
      'what-is-the-network',
      'how-to-contact',
      'using-the-assistant',
    ]);
    expect(content.answers.answer('hello').text).toContain(`What is ${NAME}?`);
  });

  it('makes ids and titles people can read', () => {
    expect(idFromName('Mạng lưới Ví dụ!')).toBe('mang-luoi-vi-du');
    expect(idFromName('***')).toBe('my-network');
    expect(titleFromFile('knowledge/example-charter.md')).toBe('Example charter');
  });
});

describe('a broken pack: every problem names its file, line and field', () => {
  it.each([
    ['no pack.yaml', { 'pack.yaml': undefined }, /^pack\.yaml: A pack needs this file/],
    ['no network', { 'network.yaml': undefined }, /^network\.yaml: A pack needs this file/],
    [
      'YAML that does not parse',
      edit('network.yaml', 'name:\n', 'name: [\n'),
      /^network\.yaml:\d+: This is not valid YAML/,
    ],
    [
      'a network without its name',
      { 'network.yaml': 'id: example-delta-network\n' },
      /^network\.yaml:1 name: /,
    ],
    [
      'a network id that is not kebab-case',
      edit('network.yaml', 'id: example-delta-network', 'id: Example Delta'),
      /^network\.yaml:4 id: /,
    ],
    [
      'a field the network does not have',
      { 'network.yaml': `id: x\nname:\n  en: X\n  vi: X\nfounder: Someone\n` },
      /^network\.yaml:5 founder: Unrecognized key: "founder"/,
    ],
    [
      'a centre with an unknown country',
      edit('centres.csv', 'South,Trung tâm Ví dụ Miền Nam,VN', 'South,Trung tâm Ví dụ Miền Nam,XX'),
      /^centres\.csv:3 country: /,
    ],
    [
      'two centres with one id',
      edit('centres.csv', 'example-centre-south,', 'example-centre-north,'),
      /^centres\.csv:3 id: The id "example-centre-north" is used more than once \(also in line 2\)/,
    ],
    [
      'a centre without its id',
      edit('centres.csv', 'example-centre-south,', ','),
      /^centres\.csv:3 id: This field is required and is missing/,
    ],
    [
      'a centres file without its id column',
      { 'centres.csv': 'name,country\nA,VN\n' },
      /^centres\.csv:1: The first line names the columns: it needs id/,
    ],
    [
      'a centre whose example flag is not yes or no',
      edit('centres.csv', 'member,yes\nexample-centre-south', 'member,maybe\nexample-centre-south'),
      /^centres\.csv:2 example: "maybe" is not yes or no/,
    ],
    [
      'an instrument item of an unknown type',
      edit('instruments/centre-check-in.yaml', 'type: yes-no', 'type: slider'),
      /^instruments\/centre-check-in\.yaml:31 sections\[0\]\.items\[1\]\.type: /,
    ],
    [
      'an instrument file that is not YAML or JSON',
      { 'instruments/form.txt': 'hello' },
      /^instruments\/form\.txt: Files here are \.yaml, \.yml, \.json/,
    ],
    [
      'Markdown without front matter',
      { 'knowledge/what-is-the-network.md': '# What is it?\nA network.\n' },
      /^knowledge\/what-is-the-network\.md:1: A knowledge file in Markdown starts with front matter/,
    ],
    [
      'an entry with no English way of asking',
      edit(
        'knowledge/how-to-contact.yaml',
        '  en: ["How do I contact the network?", "network office email", "who do I write to?"]\n',
        '',
      ),
      /^knowledge\/how-to-contact\.yaml:\d+ questions\.en: /,
    ],
    [
      'two entries with one id',
      { 'knowledge/copy.yaml': scaffoldPack(NAME)['knowledge/how-to-contact.yaml'] },
      /^knowledge\/how-to-contact\.yaml:3 id: The id "how-to-contact" is used more than once \(also in knowledge\/copy\.yaml\)/,
    ],
    [
      'a text without Vietnamese in a pack that speaks it',
      edit(
        'instruments/centre-check-in.yaml',
        '          vi: Năm nay đã có cán bộ nào được đào tạo chưa?\n',
        '',
      ),
      /^instruments\/centre-check-in\.yaml:\d+ sections\[0\]\.items\[1\]\.text: The pack speaks Vietnamese/,
    ],
    [
      'a topic no entry has',
      edit('pack.yaml', 'topics: [what-is-the-network,', 'topics: [no-such-entry,'),
      /^pack\.yaml:21 topics\[0\]: No knowledge entry has the id "no-such-entry"/,
    ],
    [
      'a logo that is not there',
      edit('pack.yaml', '# logo: logo.svg', 'logo: logo.svg'),
      /^pack\.yaml:20 logo: The logo "logo\.svg" is not in the pack/,
    ],
    [
      'a colour too light for white text',
      edit('pack.yaml', 'colour: "#1f5f8b"', 'colour: "#ffd700"'),
      /^pack\.yaml:19 colour: is too light/,
    ],
    [
      'no knowledge at all',
      {
        'knowledge/what-is-the-network.md': undefined,
        'knowledge/how-to-contact.yaml': undefined,
        'knowledge/using-the-assistant.yaml': undefined,
        'pack.yaml': scaffoldPack(NAME)['pack.yaml']?.replace(/topics: .*\n/, ''),
      },
      /^knowledge: The pack has no knowledge entries/,
    ],
  ] as const)('%s', (_, changes, expected) => {
    const found = problems(changes);
    expect(
      found.some((p) => expected.test(p)),
      found.join('\n'),
    ).toBe(true);
  });

  it('lists every problem at once, in Vietnamese when asked', () => {
    const found = problems(
      {
        ...edit('network.yaml', 'id: example-delta-network', 'id: Bad Id'),
        ...edit(
          'centres.csv',
          'North,Trung tâm Ví dụ Miền Bắc,VN',
          'North,Trung tâm Ví dụ Miền Bắc,XX',
        ),
      },
      'vi',
    );
    expect(found).toHaveLength(2);
    expect(found.join('\n')).toMatch(/centres\.csv:2 country: .*(không hợp lệ|Mã quốc gia)/i);
    // The YAML reader's complaints and the branding's own checks speak Vietnamese too.
    expect(problems(edit('network.yaml', 'name:\n', 'name: [\n'), 'vi').join('\n')).toMatch(
      /^network\.yaml:\d+: Đây không phải YAML hợp lệ: thiếu một ký tự đóng/,
    );
    expect(
      problems(edit('network.yaml', 'id: example-delta-network', 'id: a\nid: b'), 'vi').join('\n'),
    ).toMatch(/^network\.yaml:\d+: Đây không phải YAML hợp lệ: một khóa xuất hiện hai lần/);
    expect(
      problems(edit('pack.yaml', 'colour: "#1f5f8b"', 'colour: "#ffd700"'), 'vi').join('\n'),
    ).toMatch(/^pack\.yaml:19 colour: quá sáng: chữ trắng trên màu này khó đọc/);
  });

  it('refuses YAML aliases that would expand without limit', () => {
    const bomb = `id: x\nname: &a\n  en: X\n  vi: X\nsummary: *a\n`;
    expect(problems({ 'network.yaml': bomb }).join('\n')).toMatch(
      /^network\.yaml: This is not valid YAML/m,
    );
  });

  it('computes contrast as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 0);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(contrastWithWhite('#1f5f8b')).toBeGreaterThan(4.5);
  });
});

describe('resonet pack (the command line)', () => {
  const root = mkdtempSync(join(tmpdir(), 'resonet-pack-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('init writes a pack that check accepts; a broken one exits 1 with its problems', () => {
    assertBuilt();
    const dir = join(root, 'delta');
    expect(runCli(['pack', 'init', dir, '--name', NAME]).status).toBe(0);
    const valid = runCli(['pack', 'check', dir]);
    expect(valid.status).toBe(0);
    expect(valid.stdout).toContain(
      'is valid. Centres: 2; instruments: 1; knowledge entries: 3; languages: en, vi.',
    );
    writeFileSync(join(dir, 'network.yaml'), 'id: Bad Id\n');
    const broken = runCli(['pack', 'check', dir]);
    expect(broken.status).toBe(1);
    expect(broken.stderr).toContain('network.yaml:1 id: ');
    expect(broken.stderr).toContain('network.yaml:1 name: ');
    const json = JSON.parse(runCli(['pack', 'check', dir, '--json']).stdout);
    expect(json.ok).toBe(false);
    expect(json.problems[0]).toMatchObject({ file: 'network.yaml', line: 1, field: 'id' });
    const vi = runCli(['pack', 'check', dir], { LANG: 'vi_VN.UTF-8' });
    expect(vi.stderr).toContain(`Gói ${dir} có 2 lỗi`);
  });

  it('refuses to write into a folder that is not empty, and explains its arguments', () => {
    const dir = join(root, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const taken = runCli(['pack', 'init', dir, '--name', NAME]);
    expect(taken.status).toBe(1);
    expect(taken.stderr).toContain('is not empty; nothing was written');
    expect(runCli(['pack', 'init', join(root, 'x')]).status).toBe(2);
    expect(runCli(['pack', 'check']).status).toBe(2);
    expect(runCli(['pack', 'frobnicate']).stderr).toContain('Usage: resonet pack init');
  });

  it('says when the folder does not exist, and refuses files too big to be a pack file', async () => {
    const missing = await readPack(join(root, 'nowhere'));
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(missing.error[0]?.message).toContain('There is no folder or installed package');
    const dir = join(root, 'big');
    expect(runCli(['pack', 'init', dir, '--name', NAME]).status).toBe(0);
    writeFileSync(join(dir, 'knowledge', 'huge.yaml'), 'x'.repeat(1024 * 1024 + 1));
    const big = await readPack(dir);
    expect(big.ok).toBe(false);
    if (!big.ok)
      expect(big.error.map(formatProblem)).toContain(
        'knowledge/huge.yaml: The file is larger than 1024 KB; a pack file this big is not read',
      );
  });

  it('serve refuses a broken pack before it listens, naming the problems', () => {
    const dir = join(root, 'serve-broken');
    expect(runCli(['pack', 'init', dir, '--name', NAME]).status).toBe(0);
    writeFileSync(join(dir, 'pack.yaml'), 'name: [\n');
    const serve = runCli(['serve', '--pack', dir], { PORT: '0' });
    expect(serve.status).toBe(1);
    expect(serve.stderr).toContain(`the pack "${dir}" has problems`);
    expect(serve.stderr).toMatch(/pack\.yaml:\d+: This is not valid YAML/);
  });
});

describe('the example pack (examples/highlands-network)', () => {
  const example = join(
    fileURLToPath(new URL('../../../examples/highlands-network', import.meta.url)),
  );

  it('is valid, marked example throughout, and cites its fictional charter by title', async () => {
    const read = await readPack(example);
    if (!read.ok) throw new Error(read.error.map(formatProblem).join('\n'));
    const pack = read.value;
    expect(pack.branding.example).toBe(true);
    expect(pack.network.example).toBe(true);
    expect(pack.centres.every((c) => c.example)).toBe(true);
    expect(pack.logo?.type).toBe('image/svg+xml');
    const content = packContent(pack);
    const joining = content.answers.answer('Ai có thể tham gia mạng lưới?');
    expect(joining).toMatchObject({ status: 'answered', lang: 'vi', entryId: 'joining' });
  });

  it('answers from its own network model: who does a duty, when a phase named by its name ends', async () => {
    const read = await readPack(example);
    if (!read.ok) throw new Error('invalid');
    const content = packContent(read.value);
    expect(content.answers.answer('Who runs the assessment rounds?')).toMatchObject({
      kind: 'structured',
      text: 'Coordinating office: run the assessment rounds and collect the results.',
    });
    expect(content.answers.answer('When does the first work plan end?').text).toContain(
      'December 2027',
    );
    expect(content.answers.answer('What is Treatnet?').text).toContain(
      'The documents say nothing about Treatnet',
    );
  });
});
