import {
  fillText,
  foldText,
  type Lang,
  localize,
  type Network,
  type SourceRef,
  shortName,
} from '@resonet/core';

/**
 * Questions the bot must not answer from its documents: someone in danger (an overdose,
 * self-harm), a medical decision (which medicine, what dose), or where a person can get
 * treatment. The bot is an information assistant for a network of centres; it cannot judge
 * a person's situation, and it never names a clinic or a phone number the sources do not
 * give.
 */
export type SafetyTopic = 'crisis' | 'medical' | 'find-treatment';

const PEOPLE =
  'son|daughter|child|children|kid|brother|sister|husband|wife|partner|friend|relative|father|mother|dad|mum|mom|family';
const MEDICINES =
  'methadone|buprenorphine|naloxone|naltrexone|suboxone|medicines?|medications?|meds|pills|tablets|drugs|prescriptions?|antidepressants?|opioids?|benzodiazepines?|sleeping pills';
const SELF = '(my|him|her|them|your|our)sel(f|ves)';
// Medicines named in Vietnamese questions ("ngừng uống methadone", "giảm liều thuốc").
const MEDICINES_VI = 'thuoc|methadone|buprenorphine|naltrexone|naloxone|suboxone';
const SERVICE =
  '(drug |addiction |methadone )?(treatment|rehab\\w*|detox\\w*|clinic|hospital|treatment (centre|center|clinic|service))';

// Patterns look for a person's situation, not for the words "treatment" or "drug", which
// most questions about the networks contain. Folded patterns read the text without
// diacritics; Vietnamese words that fold into common ones ("tự tử" and "từ từ" both fold
// to "tu tu", "quá liều" into "qua liệu pháp") are matched with their diacritics, or
// without them only in a phrase that cannot mean anything else.
const FOLDED: [SafetyTopic, RegExp][] = [
  [
    'crisis',
    new RegExp(
      [
        'suicid\\w*',
        // Thinking of it is said as "killing myself", "ending my life", "ending it all".
        `kill(ing|ed)? ${SELF}`,
        '(end|ending|ended) (my|his|her|their) (own )?lif(e|es)',
        '(end|ending) it all',
        'self harm\\w*',
        `(hurt|harm|cut|injur)\\w* ${SELF}`,
        '(want|wants|wanted|going) to die',
        '(do not|dont|no longer) want to (live|be alive|wake up)',
        'no reason to live',
        'better off dead',
        'take (my|his|her|their) (own )?life',
        'overdos\\w*',
        'too many (pills|tablets)',
        '(not|stopped|trouble|difficulty) breathing',
        '(cannot|cant|can not) breathe',
        'seizures?',
        'convuls\\w*',
        '(will not|wont|does not|doesnt|cannot|cant) wake( up)?',
        'unconscious',
        '(muon|dinh|se|nghi den|nghi toi) tu tu',
        '(ket thuc|ket lieu|cham dut) (cuoc doi|cuoc song|doi|mang song)',
        'tu sat',
        'muon chet',
        'khong muon song',
        'tu lam (hai|dau)',
        'tu hai (minh|ban than)',
        'co giat',
        'qua lieu(?! (phap|trinh))',
        'soc thuoc',
        'ngung tho',
        'bat tinh(?! nang)',
        'khong tinh lai',
      ]
        .map((p) => `\\b${p}\\b`)
        .join('|'),
    ),
  ],
  [
    'medical',
    new RegExp(
      [
        'doses?',
        'dosage',
        `how (much|many) (${MEDICINES})`,
        `(should|can|must|do) (i|we|he|she|they) take (\\w+ )?(${MEDICINES})`,
        // Changing or stopping a medicine, or mixing it, is a medical decision.
        `(stop|stopping|quit|quitting|reduce|reducing|lower|lowering|increase|increasing|change|changing|skip|skipping|miss|missing|mix|mixing|combine|combining) (taking |using )?(my |his |her |their |the |a |this )?(${MEDICINES})`,
        `(${MEDICINES}) (with|and) (alcohol|other)`,
        // Mixing anything with a medicine, or drinking while on one: "mix alcohol with my
        // medication", "drink while taking methadone".
        `(mix|mixing|combine|combining) (\\w+ ){1,3}(with|and) (my |his |her |their |the |a |this )?(${MEDICINES})`,
        `(alcohol|drink|drinking|beer|wine) (\\w+ ){0,3}(while|when) (on|taking|using) (my |his |her |their |the )?(${MEDICINES})`,
        `(ruou|bia) (\\w+ ){0,3}(khi|trong khi) (dang )?(uong|dung) (${MEDICINES_VI})`,
        'withdrawal symptoms?',
        `is it safe to (take|use|stop|mix|combine)`,
        'side effects?',
        'lieu (luong|dung|thuoc|methadone)',
        'uong bao nhieu',
        'bao nhieu (vien|mg|lieu)',
        'tac dung phu',
        `(ngung|dung|bo|giam|tang|doi|tron|pha) (uong |dung )?(${MEDICINES_VI})`,
        `(${MEDICINES_VI}) (voi|cung) (ruou|bia|thuoc)`,
        '(giam|tang) lieu',
        'trieu chung cai',
        // "Should I stop / take / cut …?": a decision about someone's medicine.
        `co nen (uong|ngung|dung|bo|giam|tang|doi) (uong |dung )?(${MEDICINES_VI})`,
        'co nen uong',
        // "Which medicine should I take to quit?" ("nên uống thuốc gì để cai nghiện?").
        '(nen|phai) uong (thuoc|methadone|buprenorphine)',
        'thuoc (gi|nao) (de|cho|giup) (cai|dieu tri|chua)',
      ]
        .map((p) => `\\b${p}\\b`)
        .join('|'),
    ),
  ],
  [
    'find-treatment',
    new RegExp(
      [
        '(where|how) (can|do|could|should) (i|we|he|she|they|my \\w+) (get|find)\\b.*\\b(treatment|rehab\\w*|detox\\w*)',
        `(treatment|rehab\\w*|detox\\w*|help) for (my|a|our) (${PEOPLE})`,
        `(i am|im|i m|he is|she is|my (${PEOPLE}) is) (addicted|an addict)`,
        '(need|needs|looking for|find) (a |an )?(rehab\\w*|detox\\w*|clinic|treatment centre|treatment center)',
        // Where the nearest service is: the sources name no clinic, and the bot must not.
        `(nearest|closest) ${SERVICE}`,
        `${SERVICE} (near|close to|around) (me|here|us|my home)`,
        `where (is|are) (the |a |there a )?(nearest |closest )?${SERVICE}`,
        '(co so|phong kham|trung tam|benh vien) (dieu tri|cai nghien|methadone)\\b.*\\b(gan|o dau|nao gan)',
        '(dieu tri|cai nghien|methadone) (o dau|gan (day|nha|nhat|toi))',
        '(cai nghien|dieu tri|chua tri)\\b.*\\b(o dau|cho (con|nguoi nha|chong|vo|em|anh|chi|ban|bo|me))',
        '(con|chong|vo|em|anh|chi|nguoi nha) (toi|minh) (nghien|bi nghien)',
        '(con|chong|vo|em|anh|chi|ban|bo|me|nguoi nha) (toi|minh) (dung|su dung|hut|chich) (ma tuy|heroin|thuoc phien|ma tuy da)\\b.*\\b(giup|dieu tri|cai|o dau|lam sao)',
        // Someone's drug use, and help asked for it: "my brother uses heroin, where can he get help?".
        `(${PEOPLE}|i|he|she|they) (uses|use|is using|takes|is taking|is addicted to|is hooked on|injects) (heroin|drugs|cocaine|crack|meth\\w*|opioids?|opium|ice|ma tuy)\\b.*\\b(help|treatment|rehab\\w*|detox\\w*|stop|quit)`,
      ]
        .map((p) => `\\b${p}\\b`)
        .join('|'),
    ),
  ],
];

const ACCENTED: [SafetyTopic, RegExp][] = [
  [
    'crisis',
    /tự tử|tự sát|muốn chết|không muốn sống|tự làm (hại|đau)|quá liều|sốc thuốc|ngừng thở|bất tỉnh|co giật|(kết thúc|kết liễu|chấm dứt) (cuộc đời|cuộc sống|mạng sống)/,
  ],
  [
    'medical',
    /liều (lượng|dùng|thuốc)|uống bao nhiêu|tác dụng phụ|(ngừng|dừng|bỏ|giảm|tăng|đổi) (uống |dùng )?(thuốc|methadone|buprenorphine)|(giảm|tăng) liều|triệu chứng cai|có nên (uống|ngừng|dừng|bỏ)/,
  ],
];

/** The topic of a question that needs the careful answer, if it is one. */
export function safetyTopic(question: string): SafetyTopic | undefined {
  // "don't", folded to "don t", reads as the patterns spell it: "dont".
  const folded = foldText(question).replace(
    /\b(don|doesn|didn|can|won|isn|aren|wasn|shouldn|couldn|wouldn) t\b/g,
    '$1t',
  );
  const lower = question.normalize('NFC').toLowerCase();
  for (const topic of ['crisis', 'medical', 'find-treatment'] as const) {
    const folds = FOLDED.find(([t]) => t === topic)?.[1].test(folded);
    const accents = ACCENTED.find(([t]) => t === topic)?.[1].test(lower);
    if (folds || accents) return topic;
  }
  return undefined;
}

const TEXT: Record<SafetyTopic, Record<Lang, string>> = {
  crisis: {
    en: 'If someone may have overdosed, is not breathing, will not wake up or may harm themselves, call your local emergency number or go to the nearest emergency service now, and stay with them. I am an information assistant for the networks’ centres and cannot help in an emergency.',
    vi: 'Nếu có người có thể đã dùng quá liều, ngừng thở, không tỉnh lại hoặc có thể tự làm hại mình, hãy gọi ngay số cấp cứu tại địa phương hoặc đến cơ sở cấp cứu gần nhất, và ở bên cạnh họ. Tôi chỉ là trợ lý thông tin cho các trung tâm của mạng lưới và không thể hỗ trợ trong tình huống khẩn cấp.',
  },
  medical: {
    en: 'I cannot give medical advice, such as which medicine to take or how much. Please ask a doctor, a pharmacist or your treatment service: they know the person’s situation.',
    vi: 'Tôi không thể đưa ra lời khuyên y tế, chẳng hạn nên dùng thuốc gì hay liều bao nhiêu. Hãy hỏi bác sĩ, dược sĩ hoặc cơ sở điều trị: họ nắm được tình trạng của người bệnh.',
  },
  'find-treatment': {
    en: 'I cannot recommend a clinic or a service. Your local health services or a doctor can tell you where drug dependence treatment is available near you.',
    vi: 'Tôi không thể giới thiệu một phòng khám hay cơ sở cụ thể. Cơ sở y tế địa phương hoặc bác sĩ có thể cho Anh/Chị biết nơi điều trị lệ thuộc ma túy gần Anh/Chị.',
  },
};

const CONTACT: Record<Lang, string> = {
  en: 'For questions about the {network} itself: {contact}.',
  vi: 'Với câu hỏi về chính {network}: {contact}.',
};

/**
 * The careful answer: what to do instead of asking the bot, and the contact the sources give
 * for a network (organisational addresses only; none is invented where the sources give none).
 */
export function safetyAnswer(
  topic: SafetyTopic,
  networks: readonly Network[],
  lang: Lang,
): { text: string; sources: SourceRef[] } {
  const withContact = networks.find((n) => n.contact?.email || n.contact?.website);
  const contact = withContact?.contact;
  if (!withContact || !contact) return { text: TEXT[topic][lang], sources: [] };
  const address = [contact.email, contact.website].filter(Boolean).join(' · ');
  // English reads the short name ("the ITTC Network"); Vietnamese the full one.
  const network = lang === 'en' ? shortName(withContact) : localize(withContact.name, lang);
  const line = fillText(CONTACT[lang], { network, contact: address });
  return { text: `${TEXT[topic][lang]}\n${line}`, sources: contact.sources };
}
