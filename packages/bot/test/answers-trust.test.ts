import { knowledgeBase, networks, SOURCE_DOCUMENTS } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../src/answers/answer';
import { holdsFact } from '../src/answers/asked';
import { citation } from '../src/answers/citation';

// The findings of checking answers against the sources, each in both languages.
const engine = new AnswerEngine(knowledgeBase, networks, { documents: SOURCE_DOCUMENTS });
const BROCHURE = '000_e716c835c95bc311.txt';

describe('what the sources do not say is said plainly, with the nearest fact they give', () => {
  it.each([
    ['Who funds the ITTC Network?', 'en', 'ittc-funding-not-given', /does not say who funds/],
    ['Ai tài trợ cho Mạng lưới ITTC?', 'vi', 'ittc-funding-not-given', /không nói ai tài trợ/],
    ['How many centres does the ITTC Network have?', 'en', 'ittc-size-not-given', /no number/],
    [
      'Mạng lưới ITTC có bao nhiêu trung tâm?',
      'vi',
      'ittc-size-not-given',
      /không cho biết số lượng/,
    ],
    ['When was the ITTC Network founded?', 'en', 'ittc-founding-not-given', /no date/],
    [
      'How much money did Phase II have?',
      'en',
      'phase-2-budget-not-given',
      /no budget for Phase II/,
    ],
    ['ngân sách của giai đoạn hai', 'vi', 'phase-2-budget-not-given', /không nêu ngân sách/],
  ] as const)('%s', (question, lang, entryId, says) => {
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ status: 'answered', kind: 'gap', lang, entryId });
    expect(answer.text).toMatch(says);
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it('labels the nearest known fact as such: Phase I’s budget, Treatnet’s 20 centres', () => {
    expect(engine.answer('How much money did Phase II have?').text).toMatch(
      /Phase I only: USD 1,608,000/,
    );
    expect(engine.answer('How many centres does the ITTC Network have?').text).toMatch(
      /20 resource centres often quoted belong to Treatnet/,
    );
  });

  it('never states a figure for the wrong network or phase, and no app help for a network question', () => {
    const ittcSize = engine.answer('How many centres does the ITTC Network have?');
    expect(ittcSize.text).not.toMatch(/^20 —/);
    for (const question of ['Is there an ITTC in Vietnam?', 'Việt Nam có ITTC không?']) {
      const answer = engine.answer(question);
      expect(answer.entryId ?? '').not.toMatch(/^bot-/);
      expect(answer.text).not.toMatch(/^(Yes|Có)\./);
    }
    const treatnetStart = engine.answer('Treatnet bắt đầu khi nào?');
    expect(treatnetStart.entryId ?? '').not.toMatch(/^bot-/);
  });

  it('does not let one shared word carry a match: a price, a number, “today”', () => {
    for (const question of ['What is the price of gold today?', '1 + 1 = ?', 'thời tiết hôm nay'])
      expect(engine.answer(question).status, question).toBe('unknown');
  });

  it('says the Treatnet web address is cut off in the source', () => {
    const en = engine.answer('treatnet website address');
    expect(en.text).toMatch(/cut off/);
    expect(en.text).not.toMatch(/^Yes/);
    expect(engine.answer('địa chỉ trang web Treatnet').text).toMatch(/bị cắt mất/);
  });
});

describe('an entry on the topic that lacks the fact asked for does not answer it', () => {
  it.each([
    [
      'What did the Treatnet-ASI cost?',
      'en',
      /^The documents do not give that\. The nearest they say: Treatnet-ASI/,
    ],
    [
      'Who is the head of the coordinating office of the ITTC network?',
      'en',
      /^The documents do not give that/,
    ],
    [
      'How many trainers were trained by the training package?',
      'en',
      /^The documents do not give that/,
    ],
    ['Khi nào tài liệu thực hành tốt được viết?', 'vi', /^Các tài liệu không nêu thông tin đó/],
  ] as const)('%s', (question, lang, says) => {
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ status: 'answered', kind: 'gap', lang });
    expect(answer.text).toMatch(says);
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it('still answers when the entry holds the fact: a count, an amount, a date', () => {
    for (const question of [
      'how many good practice documents were written',
      'how much money did phase one get',
      'when did the treatnet forum go online',
    ])
      expect(engine.answer(question).kind, question).not.toBe('gap');
  });
});

describe('disagreements are shown, each with its source', () => {
  it('gives both starts of Treatnet: December 2005 (abstract), Phase I from August 2005 (slides)', () => {
    for (const [question, lang, dec, aug] of [
      ['When did Treatnet start?', 'en', 'December 2005', 'August 2005'],
      ['Treatnet bắt đầu khi nào?', 'vi', 'tháng 12/2005', 'tháng 8/2005'],
    ] as const) {
      const answer = engine.answer(question);
      expect(answer).toMatchObject({ status: 'answered', kind: 'structured', lang });
      expect(answer.text).toContain(dec);
      expect(answer.text).toContain(aug);
      expect(answer.text).not.toMatch(/\.txt/);
      expect(new Set(answer.sources.map((s) => s.document)).size).toBe(2);
    }
  });
});

describe('who does what, from the key players', () => {
  it('names every key player with a part in the training needs assessment', () => {
    for (const [question, lang] of [
      ['Who is responsible for the training needs assessment?', 'en'],
      ['Ai chịu trách nhiệm đánh giá nhu cầu đào tạo?', 'vi'],
    ] as const) {
      const answer = engine.answer(question);
      expect(answer).toMatchObject({ status: 'answered', kind: 'structured', lang });
      expect(answer.text.split('\n')).toHaveLength(3);
      expect(answer.text).toMatch(
        lang === 'en' ? /Capacity-building contractor: Conduct/ : /Tiến hành đánh giá/,
      );
      expect(answer.text).toContain('GCS/PTRU');
      expect(answer.text).not.toMatch(/headquarters|trụ sở/);
    }
  });
});

describe('citations', () => {
  it('app help cites no document; every other answer cites by title', () => {
    expect(engine.answer('Can I use Vietnamese?')).toMatchObject({
      entryId: 'bot-language',
      sources: [],
    });
    expect(engine.answer('How do I do a needs assessment?').sources).toEqual([]);
    for (const entry of knowledgeBase) {
      expect(entry.answer.en, entry.id).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
      expect(entry.answer.vi ?? '', entry.id).not.toMatch(/\d{3}_[0-9a-f]{16}\.txt/);
    }
    expect(BROCHURE).toMatch(/\.txt$/);
  });
});

describe('how a question asks is not what it is about', () => {
  it.each([
    ['Giá vàng hôm nay bao nhiêu?'],
    ['gia xang bao nhieu'],
    ['how many legs does a spider have'],
    ['what is the speed of light'],
  ])('%s: no confident answer from "how many" or "bao nhiêu" alone', (question) => {
    expect(engine.answer(question).status).not.toBe('answered');
  });
});

describe('short words typed wrong', () => {
  it.each([
    ['itc la gi', 'vi', 'what-is-an-ittc'],
    ['wat is treatnet', 'en', 'what-is-treatnet'],
    ['whta is an ITTC', 'en', 'what-is-an-ittc'],
  ] as const)('%s → %s', (question, lang, entryId) => {
    expect(engine.answer(question)).toMatchObject({ status: 'answered', lang, entryId });
  });

  it('leaves real Vietnamese syllables alone: "gia" is not a typo for "giai"', () => {
    expect(engine.answer('gia vang hom nay').status).toBe('unknown');
  });
});

describe('a count, an amount or a country the entry does not hold is said not to be given', () => {
  it('counts only the thing asked for: people trained are not resource centres', () => {
    const phase1 = knowledgeBase.find((e) => e.id === 'phase-1-resources');
    const [en, vi] = [phase1?.answer.en ?? '', phase1?.answer.vi ?? ''];
    expect(holdsFact('count', 'How many people were trained in Phase I?', en)).toBe(false);
    expect(holdsFact('count', 'Giai đoạn I có bao nhiêu người được đào tạo?', vi)).toBe(false);
    expect(holdsFact('count', 'How many resource centres were there?', en)).toBe(true);
    expect(holdsFact('count', 'Có bao nhiêu trung tâm nguồn?', vi)).toBe(true);
    const answer = engine.answer('How many people were trained in Phase I?');
    expect(answer.kind === 'gap' || answer.status === 'unknown').toBe(true);
  });

  it.each([
    ['How many resource centres did Phase I have?', /20/],
    ['How many treatment staff did Phase I have at GCS?', /two treatment staff/],
    ['Có bao nhiêu trung tâm nguồn trong Giai đoạn I?', /20/],
  ])('answers a count it holds: %s', (question, says) => {
    const answer = engine.answer(question);
    expect(answer.notGiven).toBeUndefined();
    expect(answer.text).toMatch(says);
  });

  it('"where does the funding come from" asks for a source, not an amount', () => {
    const answer = engine.answer('kinh phí của Treatnet từ đâu');
    expect(answer).toMatchObject({ entryId: 'treatnet-funders', kind: 'knowledge' });
    expect(answer.notGiven).toBeUndefined();
  });

  it.each([
    ['Which countries do Treatnet centres come from?', 'en'],
    ['Trung tâm nguồn Treatnet ở nước nào?', 'vi'],
  ] as const)('no country is named for Treatnet’s centres: %s', (question, lang) => {
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ status: 'answered', kind: 'gap', lang });
  });

  it('the sources name none of Treatnet’s centres, and say so', () => {
    const answer = engine.answer('What are the names of the Treatnet resource centres?');
    expect(answer).toMatchObject({ entryId: 'treatnet-centres-not-named', kind: 'gap' });
    expect(answer.text).toMatch(/name none/);
  });
});

describe('a key player is described in full', () => {
  it('names WHO and UNAIDS among the experts', () => {
    const en = engine.answer('What do the experts from other UN agencies do?');
    expect(en.entryId).toBe('duties-external-experts');
    expect(en.text).toMatch(/WHO and UNAIDS/);
    const vi = engine.answer('Chuyên gia từ các cơ quan Liên Hợp Quốc khác làm gì?');
    expect(vi.text).toMatch(/WHO và UNAIDS/);
  });

  it('is asked by the other name its name gives in brackets', () => {
    expect(engine.answer('responsibilities of the resource centres').entryId).toBe(
      'duties-resource-centres',
    );
    expect(engine.answer('nhiệm vụ của các trung tâm nguồn').entryId).toBe(
      'duties-resource-centres',
    );
  });
});

describe('answers found by the line that says it, without one shared word carrying a match', () => {
  it('finds the key player by the duty the question words like its answer', () => {
    const answer = engine.answer('Who tests the draft training package?');
    expect(answer.status).toBe('answered');
    expect(answer.text).toMatch(/contractor/i);
  });

  it('finds a fact only an answer line holds, in both languages', () => {
    expect(engine.answer('Was there an external evaluation of Phase I?').text).toMatch(
      /external evaluation among Phase I/i,
    );
    expect(engine.answer('Does Spain fund Treatnet?').text).toMatch(/Spain/);
  });

  it('shares a Vietnamese word with a line only when the syllables stand side by side', () => {
    // "cách nấu phở bò": every syllable folds into some line about technology transfer.
    for (const question of ['cach nau pho bo', 'ke cho toi mot cau chuyen cuoi'])
      expect(engine.answer(question).status).toBe('unknown');
  });

  it('does not rest a two-word question on one word when the other asks about something else', () => {
    const answer = engine.answer('Who founded ICUDDR?');
    expect(answer.kind === 'knowledge' || answer.kind === 'structured').toBe(false);
  });

  it('does not give one phase’s count as another’s: it says so, with the count it has', () => {
    const en = engine.answer('How many resource centres will Phase II have?');
    expect(en.kind).toBe('gap');
    expect(en.notGiven).toBe('count');
    expect(en.text).toMatch(/do not give that for Phase II.*Phase I.*20/s);
    const vi = engine.answer('Giai đoạn II có bao nhiêu trung tâm?');
    expect(vi.kind).toBe('gap');
    expect(vi.text).toMatch(/không nêu con số đó cho Giai đoạn II.*20/s);
    expect(engine.answer('How many resource centres did Phase I have?').kind).toBe('structured');
  });

  it('reads a question about money for resource centres as an amount, not a count', () => {
    const answer = engine.answer('Mỗi trung tâm nguồn nhận được bao nhiêu tiền tài trợ?');
    expect(answer.kind).not.toBe('structured');
    expect(answer.text).not.toMatch(/^20 —/);
  });

  it('answers when a phase was planned from the year it asks for', () => {
    const answer = engine.answer('Giai đoạn II được lên kế hoạch từ năm nào đến năm nào?');
    expect(answer.kind).toBe('structured');
    expect(answer.text).toMatch(/2007-2008/);
    expect(answer.text).toMatch(/2007-2010/);
  });
});

describe('a question naming what the documents never mention is not answered from a neighbour', () => {
  it.each([
    ['Is there an ITTC in Vietnam?', 'en', /say nothing about Vietnam/],
    ['Does Treatnet cooperate with UNICEF?', 'en', /say nothing about UNICEF/],
    ['Mạng lưới ITTC có văn phòng ở Hà Nội không?', 'vi', /không nhắc đến Hà Nội/],
    ['Treatnet có trung tâm ở Đà Nẵng không?', 'vi', /không nhắc đến Đà Nẵng/],
  ] as const)('%s', (question, lang, says) => {
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ status: 'unknown', lang });
    expect(answer.text).toMatch(says);
    expect(answer.suggestions.length).toBeGreaterThan(0);
  });

  it('knows the names the documents use, as typed, mistyped by one letter or as a phrase', () => {
    expect(engine.answer('Is Sweden a Treatnet donor?').text).toMatch(/Sweden/);
    expect(
      engine.answer('Does Treatnet work with the Robert Wood Johnson Foundation?').status,
    ).toBe('answered');
    expect(engine.answer('What does the Colombo Plan do in Treatnet?').status).toBe('answered');
    expect(engine.answer('Is UNAIDS a partner of Treatnt?').status).toBe('answered');
    expect(engine.answer('Trung tâm Chuyển giao Công nghệ Quốc tế là gì?').status).toBe('answered');
  });

  it('reads months and weekdays as dates, not names', () => {
    expect(engine.answer('Which phase was running in March 2007?')).toMatchObject({
      status: 'answered',
      kind: 'structured',
    });
  });
});

describe('what something found, who heads it, when something else began', () => {
  it('says an evaluation’s findings are not given, in both languages', () => {
    const en = engine.answer('What did the Phase I evaluation conclude?');
    expect(en).toMatchObject({ kind: 'gap', entryId: 'phase-1-evaluation-not-given' });
    expect(en.text).toMatch(/do not give the findings of the Phase I evaluation/);
    expect(engine.answer('Kết quả đánh giá giai đoạn I là gì?').text).toMatch(
      /không nêu kết quả đánh giá Giai đoạn I/,
    );
    // Any other study: the entry on its topic is the nearest fact, labelled as such.
    const asi = engine.answer('What did the Treatnet-ASI study show?');
    expect(asi).toMatchObject({ kind: 'gap', notGiven: 'finding', entryId: 'treatnet-asi' });
    expect(asi.text).toMatch(/^The documents do not give that/);
    // Help about the app is no fact of the documents, so never their nearest one.
    expect(engine.answer('What did the training needs assessment find?').entryId).not.toBe(
      'bot-assessments',
    );
  });

  it('says who heads an office is not given', () => {
    const answer = engine.answer('Who is the chief of GCS/PTRU?');
    expect(answer).toMatchObject({ kind: 'gap', notGiven: 'person' });
  });

  it('answers a start question with the network’s start only when it asks about the network', () => {
    expect(engine.answer('When was ICUDDR founded?').text).not.toMatch(/Treatnet started/);
    expect(engine.answer('When did the Treatnet project start?').text).toMatch(/December 2005/);
    expect(engine.answer('Treatnet được thành lập năm nào?').text).toMatch(/2005/);
  });

  it('does not rest an answer on one word an answer line shares, or one Vietnamese syllable', () => {
    expect(engine.answer('what time is it now').status).toBe('unknown');
    expect(engine.answer('Hát cho tôi một bài').status).toBe('unknown');
  });
});

describe('members’ words for the documents’ words', () => {
  it('finds an entry by another word for the one it uses, at less weight than that word', () => {
    expect(engine.answer('What is the purpose of Treatnet?').entryId).toBe('treatnet-aims');
    expect(engine.answer('What is the aim of Treatnet?').entryId).toBe('treatnet-aims');
  });

  it('never lets another word carry a match on its own', () => {
    expect(engine.answer('what is the purpose of a wedding speech').status).toBe('unknown');
  });

  it('reads "disseminated" as "disseminate", so it meets the words the documents use', () => {
    // The answer says "spreading results"; "disseminate" is another word for "spread".
    expect(engine.answer('how are research findings disseminated').entryId).toBe(
      'technology-transfer',
    );
  });

  it('reads "what kinds of" and "whats" as the way a question asks', () => {
    expect(engine.answer('whats treatnet').entryId).toBe('what-is-treatnet');
    expect(engine.answer('what kinds of materials does the network develop').entryId).toBe(
      'ittc-shared-resources',
    );
  });
});

describe('a phase named in a question', () => {
  it('prefers an entry about the phase only when it fits nearly as well as the best', () => {
    const answer = engine.answer('Who plans local projects for phase two?');
    expect(answer.entryId).toBe('duties-resource-centres');
    expect(answer.text).toMatch(/plan local projects/i);
  });
});

describe('a start asked as yes or no, with a year', () => {
  it.each([
    ['Was Treatnet created in 2005?', /December 2005/],
    ['Treatnet có được thành lập năm 2005 không?', /12\/2005/],
  ])('%s', (question, says) => {
    expect(engine.answer(question)).toMatchObject({ kind: 'structured' });
    expect(engine.answer(question).text).toMatch(says);
  });
});

describe('a question asking for the names of members', () => {
  it('is told they are not given when the entry on its topic names none', () => {
    const answer = engine.answer('Which Vietnamese universities are ITTCs?');
    expect(answer).toMatchObject({ kind: 'gap', notGiven: 'names' });
    expect(answer.text).toMatch(/^The documents do not give that\. The nearest they say: ITTCs/);
    expect(engine.answer('các trường đại học nào là ITTC?').kind).toBe('gap');
  });

  it('is answered when the entry names them', () => {
    const answer = engine.answer('Which organisations are Treatnet partners?');
    expect(answer).toMatchObject({ kind: 'knowledge', entryId: 'treatnet-partners' });
  });
});

describe('a section the document does not head itself', () => {
  it('is named in the reader’s language; a headed section as headed', () => {
    const intro = { document: BROCHURE, section: 'Đoạn mở đầu (không có tiêu đề)' };
    expect(citation(intro, SOURCE_DOCUMENTS, 'en')).toBe(
      'ITTC Network brochure (Vietnamese) § opening paragraph (untitled)',
    );
    expect(citation(intro, SOURCE_DOCUMENTS, 'vi')).toBe(
      'Tờ giới thiệu Mạng lưới ITTC (tiếng Việt) § Đoạn mở đầu (không có tiêu đề)',
    );
    const contact = { document: BROCHURE, section: 'LIÊN HỆ VỚI CHÚNG TÔI' };
    expect(citation(contact, SOURCE_DOCUMENTS, 'en')).toMatch(/§ LIÊN HỆ VỚI CHÚNG TÔI$/);
    expect(
      citation({ document: BROCHURE, section: 'constructor' }, SOURCE_DOCUMENTS, 'en'),
    ).toMatch(/§ constructor$/);
  });
});

describe('an organisation’s acronym, from the model', () => {
  it.each([
    [
      'What does ICUDDR stand for?',
      /^ICUDDR stands for the International Consortium of Universities for Drug Demand Reduction, one of the coordinating bodies of the ITTC Network \(ITTC Network brochure/,
    ],
    [
      'icuddr la to chuc gi',
      /^ICUDDR là viết tắt của Hiệp hội Các trường Đại học Quốc tế về giảm cầu ma túy/,
    ],
    [
      'What is UNODC?',
      /^UNODC stands for the United Nations Office on Drugs and Crime, one of the coordinating bodies of Treatnet \(/,
    ],
    ['NIDA là gì?', /^NIDA là viết tắt của .*một đối tác của/],
  ])('%s', (question, says) => {
    const answer = engine.answer(question);
    expect(answer.kind).toBe('structured');
    expect(answer.text).toMatch(says);
    expect(answer.sources.length).toBeGreaterThan(0);
  });

  it('answers only a question that asks the acronym, not one that uses it', () => {
    expect(engine.answer('What is the role of WHO in Treatnet?').text).not.toMatch(/stands for/);
    expect(engine.answer('What does ITTC stand for?').entryId).toBe('what-is-an-ittc');
  });
});

describe('an entry that never uses a name the question asks about is about something else', () => {
  it('does not answer who funds ICUDDR with Treatnet’s funders', () => {
    for (const question of ['Ai tài trợ cho ICUDDR?', 'Who funds ICUDDR?'])
      expect(engine.answer(question).entryId).not.toBe('treatnet-funders');
  });

  it('still answers from the entry that uses the name', () => {
    expect(engine.answer('Is UNAIDS a Treatnet partner?').entryId).toBe('treatnet-partners');
  });
});

describe('where an office is and who directs it are said not to be given', () => {
  it.each([
    ['Where is the ITTC Network Coordinating Office located?', 'place'],
    ['Văn phòng Điều phối mạng lưới ITTC ở đâu?', 'place'],
    ['Who directs the ITTC Network Coordinating Office?', 'person'],
  ] as const)('%s', (question, fact) => {
    expect(engine.answer(question)).toMatchObject({ kind: 'gap', notGiven: fact });
  });

  it('still answers where ITTCs are based', () => {
    expect(engine.answer('Where are ITTCs based?').kind).toBe('knowledge');
    expect(engine.answer('ITTC đặt trụ sở ở đâu?').kind).toBe('knowledge');
  });
});

describe('a short word is corrected into its own question’s language only', () => {
  it('does not read “taxi” as the Vietnamese syllable “tai”', () => {
    expect(engine.answer('Book me a taxi').status).toBe('unknown');
  });
});

describe('pay, who heads a body and what a document recommended are said not to be given', () => {
  it.each([
    ['What wage do the GCS treatment staff earn?', 'amount'],
    ['Lương của cán bộ điều trị ở GCS là bao nhiêu?', 'amount'],
    ['Ai đứng đầu mạng lưới ITTC?', 'person'],
    ['What did the working group reports recommend?', 'finding'],
  ] as const)('%s', (question, fact) => {
    const answer = engine.answer(question);
    // Said not to be given: by the kind of fact, or by a gap entry nearby, or not known at all.
    expect(answer.kind).toMatch(/^(gap|none)$/);
    if (answer.kind === 'gap' && !answer.entryId?.endsWith('-not-given'))
      expect(answer.notGiven).toBe(fact);
  });
});

describe('a count answers only for the thing counted', () => {
  it('does not answer how many clients the centres saw with the number of centres', () => {
    for (const question of [
      'How many clients did the resource centres see?',
      'Các trung tâm nguồn đã điều trị cho bao nhiêu bệnh nhân?',
    ])
      expect(engine.answer(question).text).not.toMatch(/^20 —/);
  });

  it('still counts the centres when they are what is counted', () => {
    expect(engine.answer('How many resource centres took part in Phase I?').text).toMatch(/^20 —/);
    expect(engine.answer('Có bao nhiêu trung tâm nguồn trong giai đoạn I?').text).toMatch(/20/);
  });
});

describe('an entry that says something beats a gap entry that fits the question less', () => {
  it('answers the main activities of Phase I, not its evaluation', () => {
    expect(engine.answer('Give me the main activities in Phase I').entryId).toBe('main-activities');
    expect(engine.answer('What were the Phase I evaluation results?').kind).toBe('gap');
  });
});
