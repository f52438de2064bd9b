/** Words of the services editor's translations of each question and of its values' names. */
export const serviceQuestionsEn = {
  'svcq.question': 'Question in {language}',
  'svcq.hint': 'Help text in {language}',
  'svcq.values': 'Value names in {language}',
  'svcq.valuesHint': 'One line per value: key = name in this language, with the keys above. A value left out shows its own name.',
  'svcq.unknownKey': 'Question {n}, {language}: “{key}” is not one of this question’s value keys.',
} as const;

export type ServiceQuestionsKey = keyof typeof serviceQuestionsEn;
