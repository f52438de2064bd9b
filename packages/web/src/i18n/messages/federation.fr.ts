/** Mots de l’administration du registre pour le point fédéré : clés d’API et livraisons. */
import type { FederationKey } from './federation.en.js';

export const federationFr: Record<FederationKey, string> = {
  'staff.federation.title': 'Point d’accès fédéré',
  'staff.federation.intro':
    'Les demandes envoyées au point fédéré pour les services de ce point d’accès lui sont livrées en arrière-plan, avec la clé d’API ci-dessous.',
  'staff.federation.keyLabel': 'Clé d’API du point d’origine',
  'staff.federation.keySet': 'Une clé d’API est enregistrée. Elle est chiffrée et n’est plus jamais affichée.',
  'staff.federation.keyNotSet': 'Aucune clé d’API : les demandes sont livrées sans clé.',
  'staff.federation.keyHint': 'La clé que ce point d’accès a donnée à ce serveur. Écriture seule : en saisir une nouvelle la remplace.',
  'staff.federation.keySave': 'Enregistrer la clé',
  'staff.federation.keyReplace': 'Remplacer la clé',
  'staff.federation.keyRemove': 'Supprimer la clé',
  'staff.federation.noSecret':
    'Les clés d’API ne peuvent pas être enregistrées : ce serveur a démarré sans O311_ROUTER_SECRET. Définissez-le (au moins 16 caractères, le même pour chaque processus du serveur) et redémarrez.',
  'staff.federation.keyInvalid': 'La clé n’a pas été enregistrée : une clé d’API compte de 1 à 1 024 caractères sur une ligne.',
  'staff.federation.keySaved': 'La clé d’API a été enregistrée.',
  'staff.federation.keyRemoved': 'La clé d’API a été supprimée.',
  'staff.federation.keyAbsent': 'Il n’y avait pas de clé d’API à supprimer.',
  'staff.federation.deliveries': 'Livraisons',
  'staff.federation.deliveriesTitle': 'Livraisons à {name}',
  'staff.federation.deliveriesIntro':
    'Demandes acheminées vers ce point d’accès, les plus récentes d’abord. En file : en route (réessayée avec délai) ; livrée : acceptée par l’origine ; échouée : refusée par l’origine ; morte : tous les essais ont échoué.',
  'staff.federation.anyState': 'Tout état',
  'staff.federation.state': 'État',
  'staff.federation.show': 'Afficher',
  'staff.federation.caption': 'Livraisons, les plus récentes d’abord',
  'staff.federation.received': 'Reçue',
  'staff.federation.service': 'Service',
  'staff.federation.attempts': 'Essais',
  'staff.federation.lastError': 'Dernière erreur',
  'staff.federation.upstreamId': 'Id d’origine',
  'staff.federation.none': 'Aucune livraison ne correspond.',
  'staff.federation.retry': 'Réessayer',
  'staff.federation.retried': 'La livraison a été remise en file.',
  'staff.federation.notRetried': 'Seule une livraison échouée ou morte peut être réessayée.',
  'staff.federation.page': 'Page {page} sur {pages}',
  'staff.federation.newer': 'Plus récentes',
  'staff.federation.older': 'Plus anciennes',
  'staff.federation.back': 'Retour au point d’accès',
};
