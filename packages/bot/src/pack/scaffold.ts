import { foldText } from '@resonet/core';

/** A kebab-case id from a name: "Mạng lưới Ví dụ" → "mang-luoi-vi-du". */
export function idFromName(name: string): string {
  const id = foldText(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return id || 'my-network';
}

// YAML's double-quoted scalars are JSON strings.
const q = (text: string) => JSON.stringify(text);

/**
 * The files of a new pack for the network named: a working start that `pack check` accepts,
 * with every text to replace said so, two example centres (marked example), one short
 * instrument and three knowledge entries, in English and Vietnamese.
 */
export function scaffoldPack(name: string): Record<string, string> {
  const id = idFromName(name);
  // Teams shows 30 characters of an app's name: a longer one is cut at a word.
  const short = [...name].length <= 30 ? name : `${name.slice(0, 29).replace(/\s+\S*$/, '')}…`;
  return {
    'pack.yaml': `# What members see: the assistant's name, its welcome, its colour and logo.
# Every text has English (en) and Vietnamese (vi); list only "en" under languages to leave
# Vietnamese out. Check the pack with: resonet pack check <this folder>
name:
  en: ${q(short)}
  vi: ${q(short)}
description:
  en: "Questions and needs assessments for the network's centres"
  vi: "Hỏi đáp và đánh giá nhu cầu cho các trung tâm của mạng lưới"
welcome:
  en: ${q(`Hello! I am the ${name} assistant. I answer questions about the network and walk you through needs assessments, in English or Vietnamese.`)}
  vi: ${q(`Xin chào! Tôi là trợ lý của ${name}. Tôi trả lời các câu hỏi về mạng lưới và hướng dẫn Anh/Chị thực hiện đánh giá nhu cầu, bằng tiếng Việt hoặc tiếng Anh.`)}
about:
  en: ${q(name)}
  vi: ${q(name)}
examples:
  - en: ${q(`What is ${name}?`)}
    vi: ${q(`${name} là gì?`)}
colour: "#1f5f8b"
# logo: logo.svg        # a .png or .svg file beside this one
topics: [what-is-the-network, how-to-contact, using-the-assistant]
languages: [en, vi]
openJoining: false
`,
    'network.yaml': `# The network: only id and name are required. Add what members ask about (aims,
# key players, phases, partners, contact…); the schema is in @resonet/core
# (schemas/network.json) and docs/partners.md lists the fields.
id: ${id}
name:
  en: ${q(name)}
  vi: ${q(name)}
`,
    'centres.csv': `id,name,name_vi,country,host_kind,participation,example
example-centre-north,Example Centre North,Trung tâm Ví dụ Miền Bắc,VN,treatment-provider,member,yes
example-centre-south,Example Centre South,Trung tâm Ví dụ Miền Nam,VN,university,member,yes
`,
    'instruments/centre-check-in.yaml': `# A short example assessment. Item types: likert, single, multiple, yes-no, number,
# text, date. Replace it with your own, or import an XLSForm.
id: centre-check-in
version: 1.0.0
status: draft
title:
  en: Centre check-in (example)
  vi: Kiểm tra nhanh trung tâm (ví dụ)
description:
  en: Three questions about a centre's staff and training, to try the assessment flow.
  vi: Ba câu hỏi về cán bộ và đào tạo của trung tâm, để thử quy trình đánh giá.
audience:
  en: A centre's focal point
  vi: Đầu mối của trung tâm
estimatedMinutes: 2
sections:
  - id: staff
    title:
      en: Staff and training
      vi: Cán bộ và đào tạo
    items:
      - id: staff-count
        type: number
        integer: true
        min: 0
        required: true
        text:
          en: How many staff provide treatment at your centre?
          vi: Có bao nhiêu cán bộ tham gia điều trị tại trung tâm của Anh/Chị?
      - id: trained-this-year
        type: yes-no
        required: true
        text:
          en: Has any of them been trained this year?
          vi: Năm nay đã có cán bộ nào được đào tạo chưa?
      - id: training-wish
        type: text
        maxLength: 500
        required: false
        text:
          en: Which training would help your centre most?
          vi: Khóa đào tạo nào sẽ giúp trung tâm của Anh/Chị nhiều nhất?
`,
    'knowledge/what-is-the-network.md': `---
id: what-is-the-network
questions:
  en: [${q(`What is ${name}?`)}, "What does the network do?", "tell me about the network"]
  vi: [${q(`${name} là gì?`)}, "Mạng lưới làm gì?", "gioi thieu ve mang luoi"]
---
## en
${name} is a network of centres. (Replace this text with what your network is for, in a few sentences.)

## vi
${name} là một mạng lưới các trung tâm. (Hãy thay đoạn này bằng vài câu về mục đích của mạng lưới.)
`,
    'knowledge/how-to-contact.yaml': `# Knowledge entries in YAML: one entry, or a list. Each cites its sources; without
# "sources", it cites this file.
id: how-to-contact
questions:
  en: ["How do I contact the network?", "network office email", "who do I write to?"]
  vi: ["Làm sao để liên hệ với mạng lưới?", "email của văn phòng mạng lưới", "tôi liên hệ với ai?"]
answer:
  en: Write to the network office. (Replace this text with the office's address; never a person's private details.)
  vi: Hãy liên hệ văn phòng mạng lưới. (Hãy thay đoạn này bằng địa chỉ của văn phòng; không ghi thông tin riêng của cá nhân.)
`,
    'knowledge/using-the-assistant.yaml': `id: using-the-assistant
appHelp: true
questions:
  en: ["How do I use this assistant?", "what can you do?", "how do I start an assessment?"]
  vi: ["Tôi dùng trợ lý này như thế nào?", "bạn làm được gì?", "làm sao để bắt đầu đánh giá?"]
answer:
  en: Ask a question in English or Vietnamese, or press "Start an assessment" to answer one of the network's forms. You can pause and continue later.
  vi: Hãy đặt câu hỏi bằng tiếng Việt hoặc tiếng Anh, hoặc bấm "Bắt đầu đánh giá" để trả lời một biểu mẫu của mạng lưới. Anh/Chị có thể tạm dừng và tiếp tục sau.
`,
  };
}
