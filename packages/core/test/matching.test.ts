import { describe, expect, it } from 'vitest';
import { foldedWords, foldText, keywordScore, keywords } from '../src/index';

describe('foldText', () => {
  it('folds Vietnamese diacritics including đ', () => {
    expect(foldText('Vai trò GIÁO DỤC, Đào tạo')).toBe('vai tro giao duc dao tao');
    expect(foldText('Tiến hành đánh giá nhằm xác định')).toBe('tien hanh danh gia nham xac dinh');
  });
  it('treats precomposed and decomposed input alike', () => {
    expect(foldText('Vi\u1EC7t')).toBe(foldText('Vie\u0323\u0302t'));
  });
  it('splits into words', () => {
    expect(foldedWords('  ')).toEqual([]);
    expect(foldedWords('Đánh giá nhu cầu')).toEqual(['danh', 'gia', 'nhu', 'cau']);
  });
});

describe('keywords and keywordScore', () => {
  it('drops stop words in both languages', () => {
    expect(keywords('Who identifies the resource centres?')).toEqual([
      'identifies',
      'resource',
      'centres',
    ]);
    expect(keywords('Ai là người xác định các trung tâm?')).toEqual([
      'xac',
      'dinh',
      'trung',
      'tam',
    ]);
  });
  it('matches stems and spelling variants', () => {
    expect(
      keywordScore('who identifies resource centers', 'Identification of resource centres'),
    ).toBe(1);
    expect(keywordScore('xac dinh trung tam nguon', 'Xác định các trung tâm nguồn')).toBe(1);
    expect(keywordScore('budget', 'Provide expert advice')).toBe(0);
    expect(keywordScore('the', 'the')).toBe(0);
  });
});

describe('keywordScore and inflections', () => {
  it('matches a word with its plural or third-person ending', () => {
    expect(keywordScore('who runs the assessment rounds', 'run the assessment round')).toBe(1);
    expect(keywordScore('who runs the rounds', 'ruin the rounds')).toBeLessThan(1);
  });
});
