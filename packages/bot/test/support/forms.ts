import {
  type AnswerValue,
  type AssessmentResult,
  type Instrument,
  scoreAnswers,
} from '@resonet/core';
import { centreTrainingNeeds } from '@resonet/fixtures';

/** A network's own form without scoring scales (example data), as partners write them. */
export const checkInForm: Instrument = {
  ...centreTrainingNeeds,
  id: 'example-check-in',
  title: { en: 'Centre check-in (example)', vi: 'Kiểm tra nhanh trung tâm (ví dụ)' },
  respondent: { kind: 'key-informant' },
  scales: [],
  recommendations: [],
  sections: [
    {
      id: 'staff',
      title: { en: 'Staff', vi: 'Cán bộ' },
      items: [
        {
          id: 'staff-count',
          type: 'number',
          required: true,
          text: { en: 'How many staff?', vi: 'Có bao nhiêu cán bộ?' },
        },
        {
          id: 'trained',
          type: 'yes-no',
          required: false,
          text: { en: 'Trained this year?', vi: 'Năm nay được đào tạo?' },
        },
        {
          id: 'wish',
          type: 'text',
          maxLength: 200,
          required: false,
          text: { en: 'Which course would help most?', vi: 'Khóa học nào giúp ích nhất?' },
        },
      ],
    },
  ],
};

/** One example result of the check-in form at a centre. */
export function checkIn(
  id: string,
  centreId: string,
  answers: Record<string, AnswerValue>,
  form: Instrument = checkInForm,
): AssessmentResult {
  return {
    id,
    instrumentId: form.id,
    instrumentVersion: form.version,
    centreId,
    respondentId: `${id}-respondent`,
    startedAt: '2026-12-01',
    submittedAt: '2026-12-01',
    answers,
    scores: scoreAnswers(form, answers),
    example: true,
  };
}
