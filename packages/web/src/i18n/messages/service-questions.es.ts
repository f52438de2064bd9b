/** Palabras del editor de servicios: traducciones de cada pregunta y de los nombres de sus valores. */
import type { ServiceQuestionsKey } from './service-questions.en.js';

export const serviceQuestionsEs: Record<ServiceQuestionsKey, string> = {
  'svcq.question': 'Pregunta en {language}',
  'svcq.hint': 'Texto de ayuda en {language}',
  'svcq.values': 'Nombres de los valores en {language}',
  'svcq.valuesHint': 'Una línea por valor: clave = nombre en este idioma, con las claves de arriba. Un valor que falte muestra su nombre original.',
  'svcq.unknownKey': 'Pregunta {n}, {language}: «{key}» no es una de las claves de valor de esta pregunta.',
};
