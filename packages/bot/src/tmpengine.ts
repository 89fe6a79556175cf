export { AnswerEngine } from './answers/answer';
export { KnowledgeIndex } from './answers/knowledgeIndex';
