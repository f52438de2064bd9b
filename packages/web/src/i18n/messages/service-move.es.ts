/** Palabras para pasar un aviso a otro servicio en la página del aviso del personal. */
import type { ServiceMoveKey } from './service-move.en.js';

export const serviceMoveEs: Record<ServiceMoveKey, string> = {
  'serviceMove.label': 'Servicio',
  'serviceMove.hint': 'Otro servicio da al aviso su nombre y su nota, y su organismo y su fecha prevista salvo si el personal los fijó; las respuestas a preguntas que el nuevo servicio no hace se descartan. El cambio aparece en el historial público.',
  'serviceMove.current': '{name} (actual, inactivo)',
  'serviceMove.ungrouped': 'Otros servicios',
  'serviceMove.unknown': 'Elija uno de los servicios de la lista.',
};
