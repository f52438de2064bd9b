import type { SmsSimulatorKey } from './sms-simulator.en.js';

export const smsSimulatorFr: Record<SmsSimulatorKey, string> = {
  'smsSimulator.title': 'Simulateur de SMS',
  'smsSimulator.intro':
    'Écrivez à la ville comme le ferait un téléphone : envoyez un message depuis le numéro ci-dessous et lisez les réponses. Cette page sert aux tests et aux démonstrations : rien n’arrive sur un vrai téléphone.',
  'smsSimulator.number': 'Numéro de téléphone',
  'smsSimulator.numberHint': 'Un numéro fictif, qu’aucun vrai téléphone n’a : +1, un indicatif régional et 555 0100 à 555 0199 (p. ex. +1 515 555 0123), ou +44 7700 900 000 à 999.',
  'smsSimulator.message': 'Message',
  'smsSimulator.messageHint': 'Par exemple « Bonjour, il y a un nid-de-poule ». Répondez AIDE pour les commandes, STOP pour ne plus recevoir de messages.',
  'smsSimulator.send': 'Envoyer',
  'smsSimulator.refresh': 'Voir les nouveaux messages',
  'smsSimulator.conversation': 'Conversation avec {number}',
  'smsSimulator.empty': 'Aucun message avec ce numéro pour l’instant.',
  'smsSimulator.you': 'Vous',
  'smsSimulator.city': 'Ville',
  'smsSimulator.queued': '(envoi en cours)',
  'smsSimulator.failed': '(non distribué)',
  'smsSimulator.noReply': 'Pas de réponse : ce numéro a envoyé STOP, ou trop de messages en une minute.',
  'smsSimulator.badNumber': 'Saisissez un numéro fictif : +1, un indicatif régional et 555 0100 à 555 0199, ou +44 7700 900 000 à 999.',
  'smsSimulator.emptyMessage': 'Saisissez un message.',
};
