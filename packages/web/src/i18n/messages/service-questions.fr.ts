/** Mots de l’éditeur de services : traductions de chaque question et des noms de ses valeurs. */
import type { ServiceQuestionsKey } from './service-questions.en.js';

export const serviceQuestionsFr: Record<ServiceQuestionsKey, string> = {
  'svcq.question': 'Question en {language}',
  'svcq.hint': 'Texte d’aide en {language}',
  'svcq.values': 'Noms des valeurs en {language}',
  'svcq.valuesHint': 'Une ligne par valeur : clé = nom dans cette langue, avec les clés ci-dessus. Une valeur absente garde son nom d’origine.',
  'svcq.unknownKey': 'Question {n}, {language} : « {key} » ne fait pas partie des clés de valeur de cette question.',
};
