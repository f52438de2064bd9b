/** Mots du filtre de statut de la boîte de réception : demandes ouvertes par défaut, tous les statuts sur demande. */
import type { InboxViewKey } from './inbox-view.en.js';

export const inboxViewFr: Record<InboxViewKey, string> = {
  'inbox.filter.allStatuses': 'Tous les statuts',
  'inbox.filter.statusHint': 'Si aucun statut n’est coché, la boîte de réception affiche les demandes ouvertes.',
};
