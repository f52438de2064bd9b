/** Palabras del filtro de estado de la bandeja: solicitudes abiertas por defecto, todos los estados si se pide. */
import type { InboxViewKey } from './inbox-view.en.js';

export const inboxViewEs: Record<InboxViewKey, string> = {
  'inbox.filter.allStatuses': 'Todos los estados',
  'inbox.filter.statusHint': 'Si no marca ningún estado, la bandeja muestra las solicitudes abiertas.',
};
