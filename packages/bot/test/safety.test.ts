import { knowledgeBase, networks } from '@resonet/fixtures';
import { describe, expect, it } from 'vitest';
import { AnswerEngine } from '../src/answers/answer';
import { safetyTopic } from '../src/answers/safety';

const engine = new AnswerEngine(knowledgeBase, networks);

describe('safety answers', () => {
  it.each([
    ['crisis', 'en', 'My friend overdosed and is not breathing'],
    ['crisis', 'en', 'I want to kill myself'],
    ['crisis', 'vi', 'Chồng tôi bị sốc thuốc, bất tỉnh rồi'],
    ['crisis', 'vi', 'toi dinh tu tu'],
    ['crisis', 'vi', 'Em tôi dùng quá liều heroin'],
    ['medical', 'en', 'How much methadone is a safe dose?'],
    ['medical', 'en', 'Should I take naltrexone with alcohol?'],
    ['medical', 'vi', 'Liều lượng buprenorphine là bao nhiêu?'],
    ['medical', 'vi', 'methadone co tac dung phu gi'],
    ['medical', 'vi', 'Tôi nên uống thuốc gì để cai nghiện?'],
    ['find-treatment', 'en', 'Where can my daughter get detox?'],
    ['find-treatment', 'en', 'I need rehab for my husband'],
    ['find-treatment', 'vi', 'Cai nghiện cho con ở đâu?'],
    ['find-treatment', 'vi', 'con toi bi nghien ma tuy'],
    // Broadened by kind of situation, not by phrase: self-harm in any tense, wanting to die,
    // changing or stopping a medicine, withdrawal, seizures.
    ['crisis', 'en', 'my friend keeps cutting herself'],
    ['crisis', 'en', 'I do not want to live any more'],
    ['crisis', 'en', 'he is having a seizure after taking pills'],
    ['crisis', 'vi', 'Tôi không muốn sống nữa'],
    ['crisis', 'vi', 'con toi tu lam dau ban than'],
    ['medical', 'en', 'Is it OK to skip my methadone for a day?'],
    ['medical', 'en', 'what are the withdrawal symptoms of heroin'],
    ['medical', 'vi', 'Tôi muốn ngừng uống thuốc methadone'],
    ['medical', 'vi', 'co nen giam lieu buprenorphine khong'],
    ['find-treatment', 'en', 'I am addicted, where do I start'],
    // Thinking of it, said the way people say it.
    ['crisis', 'en', 'I keep thinking about ending my life'],
    ['crisis', 'en', 'my brother talks about killing himself'],
    ['crisis', 'vi', 'Tôi đang nghĩ đến việc kết thúc cuộc đời'],
    ['crisis', 'vi', 'toi nghi den tu tu'],
    // Stopping, cutting or mixing a named medicine.
    ['medical', 'vi', 'Tôi có nên ngừng methadone không?'],
    ['medical', 'vi', 'co nen bo buprenorphine khong'],
    ['medical', 'vi', 'uống methadone với rượu được không'],
    // Mixing something with a medicine, or drinking while on one.
    ['medical', 'en', 'Can I combine cannabis and my methadone?'],
    ['medical', 'en', 'is drinking beer ok while taking buprenorphine'],
    ['medical', 'vi', 'uống bia khi đang dùng methadone có sao không'],
    // The nearest service: the sources name no clinic.
    ['find-treatment', 'en', 'Is there a methadone clinic near me?'],
    ['find-treatment', 'en', 'where is the closest rehab'],
    ['find-treatment', 'vi', 'Cơ sở điều trị methadone gần nhất ở đâu?'],
    ['find-treatment', 'vi', 'cai nghien o dau'],
    // Contractions, and someone's drug use with help asked for.
    ['crisis', 'en', "I don't want to be alive"],
    ['crisis', 'en', "she can't breathe after taking pills"],
    ['find-treatment', 'en', 'My son uses heroin and needs help'],
    ['find-treatment', 'vi', 'Chồng tôi dùng ma túy, cần giúp đỡ ở đâu?'],
  ] as const)('%s (%s): %s', (topic, lang, question) => {
    expect(safetyTopic(question)).toBe(topic);
    const answer = engine.answer(question);
    expect(answer).toMatchObject({ status: 'answered', kind: 'safety', lang });
    // Never a phone number, a clinic or a dose: only what to do and the sources' contact.
    expect(answer.text).not.toMatch(/\d{3,}/);
    expect(answer.text).toContain('ITTC@ITTCnetwork.org');
    expect(answer.sources).toEqual([
      { document: '000_e716c835c95bc311.txt', section: expect.any(String) },
    ]);
  });

  it('says to call emergency services first in a crisis, and that it gives no medical advice', () => {
    expect(engine.answer('he took too many pills').text).toMatch(/^If someone may have overdosed/);
    expect(engine.answer('tôi muốn tự tử').text).toMatch(/số cấp cứu/);
    expect(engine.answer('what dose of methadone').text).toMatch(/cannot give medical advice/);
    expect(engine.answer('uống bao nhiêu viên thuốc thì đủ').text).toMatch(/lời khuyên y tế/);
  });

  it.each([
    'What is the role of drug dependence treatment in HIV/AIDS prevention and care?',
    'treatment in prison',
    'Which assessment should I take?',
    'How do ITTCs combine research and training?',
    'Where can I find the training package?',
    'How do resource centres get training?',
    'Các tài liệu thực hành tốt của Treatnet là gì?',
    'từ từ giải thích giúp tôi Treatnet là gì',
    'thông qua liệu pháp cộng đồng',
    'làm sao bật tính năng tiếng Việt',
    'không tính phí phải không',
    'What does the capacity building contractor do?',
    'help for my centre',
    'Does Treatnet support local treatment projects?',
    'Where is the ITTC Network Coordinating Office?',
    'What does the network do to end drug-related crime?',
    'Vai trò của các trung tâm nguồn là gì?',
    "Don't the resource centres help each other?",
    'How does Treatnet help people who use drugs?',
  ])('leaves questions about the networks alone: %s', (question) => {
    expect(safetyTopic(question)).toBeUndefined();
    expect(engine.answer(question).kind).not.toBe('safety');
  });
});
