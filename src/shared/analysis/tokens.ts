// The tokens of a text, behind one module: the layout and its lookups (token-layout), the
// vocabulary and its word classes (vocabulary), and the scanner with markTokens (token-scan).
export {
  ALL_CAPS,
  CAP,
  IN_QUOTE,
  MARK,
  POSS,
  SENTENCE_START,
  type Tokens,
  WORD,
  lowerAt,
  tokenAt,
  tokenText,
  tokensAt,
  wordClass,
  wordIdAt,
} from './token-layout'
export { type TextScan, markTokens, scanText } from './token-scan'
export {
  DOCUMENT_VERB,
  GIVEN_NAME,
  HEAD_NOUN,
  ORG_NAME,
  ORG_NOUN,
  ORG_SUFFIX,
  PERSON_NOUN,
  PLACE_NAME,
  PLACE_SUFFIX,
  ROLE_WORD,
  SPEECH_VERB,
  STRIP_ALWAYS,
  STRIP_AT_START,
  Vocabulary,
  WORK_NOUN,
  WORK_ROLE_NOUN,
  trimSharedVocabulary,
} from './vocabulary'
