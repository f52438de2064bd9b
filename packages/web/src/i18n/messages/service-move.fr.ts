/** Mots du changement de service d’une demande sur la page de la demande du personnel. */
import type { ServiceMoveKey } from './service-move.en.js';

export const serviceMoveFr: Record<ServiceMoveKey, string> = {
  'serviceMove.label': 'Service',
  'serviceMove.hint': 'Un autre service donne à la demande son nom et son avis, ainsi que son organisme et sa date prévue sauf si le personnel les a fixés ; les réponses aux questions que le nouveau service ne pose pas sont abandonnées. Le changement figure dans l’historique public.',
  'serviceMove.current': '{name} (actuel, inactif)',
  'serviceMove.ungrouped': 'Autres services',
  'serviceMove.unknown': 'Choisissez l’un des services de la liste.',
};
