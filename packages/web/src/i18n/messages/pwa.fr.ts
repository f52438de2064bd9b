import type { pwaEn } from './pwa.en.js';

export const pwaFr: Record<keyof typeof pwaEn, string> = {
  'pwa.name': '{site} : signaler un problème',
  'pwa.description':
    'Signalez un problème dans l’espace public à qui s’en occupe, suivez-le, et continuez à signaler sans connexion.',
  'pwa.offline.title': 'Pas de connexion',
  'pwa.offline.intro': 'Cette page n’a pas été gardée sur cet appareil : elle ne peut pas s’afficher sans connexion.',
  'pwa.offline.canStill': 'Sans connexion, vous pouvez encore :',
  'pwa.offline.report': 'signaler un problème (il part quand la connexion revient)',
  'pwa.offline.outbox': 'voir les signalements en attente d’envoi',
  'pwa.outbox.title': 'Signalements en attente d’envoi',
  'pwa.outbox.intro':
    'Un signalement fait sans connexion est gardé dans ce navigateur, avec ses photos, et envoyé quand la connexion revient. Il n’est enregistré qu’une fois, même envoyé plusieurs fois.',
  'pwa.outbox.noScript': 'Les signalements ne sont gardés sur cet appareil qu’avec JavaScript. Sans lui, envoyez votre signalement une fois connecté.',
  'pwa.outbox.empty': 'Aucun signalement n’attend sur cet appareil.',
  'pwa.outbox.sendNow': 'Envoyer maintenant',
  'pwa.outbox.pending': 'En attente de connexion (fait le {time}).',
  'pwa.outbox.sending': 'Envoi…',
  'pwa.outbox.sent': 'Envoyé. Son numéro est {id}.',
  'pwa.outbox.sentNoNumber': 'Envoyé.',
  'pwa.outbox.refused': 'Non envoyé : la ville n’a pas accepté ce signalement tel quel. Tout ce que vous avez écrit est gardé ici : corrigez-le et envoyez-le de nouveau.',
  'pwa.outbox.serverSaid': 'Le serveur a répondu :',
  'pwa.outbox.answers': 'Ce que vous avez écrit',
  'pwa.outbox.photosKept': 'Photos gardées : {number}',
  'pwa.outbox.edit': 'Corriger et envoyer de nouveau',
  'pwa.outbox.otherService': 'ou l’envoyer comme un autre service',
  'pwa.outbox.reopened': 'Votre signalement est de retour dans le formulaire, avec tout ce que vous avez écrit et ses photos : corrigez-le et envoyez-le de nouveau.',
  'pwa.outbox.track': 'Suivre la demande {id}',
  'pwa.outbox.remove': 'Retirer',
  'pwa.queued': 'Pas de connexion : votre signalement est gardé sur cet appareil et partira quand la connexion reviendra.',
  'pwa.banner.sent': 'Votre signalement ({service}) a été envoyé. Son numéro est {id}.',
  'pwa.banner.sentNoNumber': 'Votre signalement ({service}) a été envoyé.',
  'pwa.banner.waiting': 'Signalements en attente d’envoi sur cet appareil : {count}.',
  'pwa.banner.view': 'Voir les signalements en attente d’envoi',
  'pwa.routed.needsConnection':
    'Envoyer un signalement à un autre destinataire demande une connexion. Vos réponses restent dans le formulaire ; envoyez-le une fois reconnecté.',
};
