import {
  exampleIttcCentres,
  exampleTreatnetCentres,
  instruments,
  knowledgeBase,
  networks,
  SOURCE_DOCUMENTS,
} from '@resonet/fixtures';
import { type Branding, BrandingSchema } from './branding';

/**
 * The shipped pack's branding: resonet as an information assistant about Treatnet and the
 * ITTC Network, the two networks of the source documents. The only place in the bot that
 * names them (their facts are in @resonet/fixtures).
 */
export const SHIPPED_BRANDING: Branding = BrandingSchema.parse({
  name: { en: 'resonet', vi: 'resonet' },
  description: {
    en: 'Information assistant about Treatnet and the ITTC Network',
    vi: 'Trợ lý thông tin về Treatnet và Mạng lưới ITTC',
  },
  welcome: {
    en: 'Hello! I am resonet, an information assistant about Treatnet and the ITTC Network (not an official service of either). I answer questions about the networks from their documents and walk you through needs assessments, in English or Vietnamese.',
    vi: 'Xin chào! Tôi là resonet, trợ lý thông tin về Treatnet và Mạng lưới ITTC (không phải dịch vụ chính thức của hai mạng lưới). Tôi trả lời các câu hỏi về mạng lưới dựa trên tài liệu của họ và hướng dẫn Anh/Chị thực hiện đánh giá nhu cầu, bằng tiếng Việt hoặc tiếng Anh.',
  },
  about: { en: 'Treatnet and the ITTC Network', vi: 'Treatnet và Mạng lưới ITTC' },
  examples: [
    { en: 'What does the ITTC Network do?', vi: 'Mạng lưới ITTC làm gì?' },
    { en: 'Who coordinates Treatnet?', vi: 'Ai điều phối Treatnet?' },
  ],
  colour: '#0b5394',
  topics: ['ittc-roles', 'key-players', 'phase-1', 'what-is-treatnet', 'what-is-an-ittc'],
  languages: ['en', 'vi'],
});

/** The shipped pack's parts, from the fixtures (the example centres only when asked). */
export function shippedPack(options: { exampleCentres?: boolean } = {}) {
  return {
    branding: SHIPPED_BRANDING,
    networks,
    centres: [
      ...networks.flatMap((n) => n.centres),
      ...(options.exampleCentres ? [...exampleTreatnetCentres, ...exampleIttcCentres] : []),
    ],
    instruments,
    knowledge: knowledgeBase,
    documents: SOURCE_DOCUMENTS,
  };
}
