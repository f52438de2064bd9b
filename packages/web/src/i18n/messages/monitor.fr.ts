/** Mots de la section du moniteur dans l’administration du registre : état, sondage, webhook d’alerte. */
import type { MonitorKey } from './monitor.en.js';

export const monitorFr: Record<MonitorKey, string> = {
  'staff.monitor.title': 'Moniteur',
  'staff.monitor.intro':
    'Le moniteur d’état interroge la liste des services de ce point d’accès à son intervalle et note s’il répond, en combien de temps, et pourquoi sinon. Son adresse de contact et son webhook sont alertés quand il tombe, quand il revient ou quand son score de conformité baisse.',
  'staff.monitor.state': 'État',
  'staff.monitor.state.unknown': 'pas encore interrogé',
  'staff.monitor.state.up': 'en service',
  'staff.monitor.state.down': 'en panne (incident ouvert)',
  'staff.monitor.since': 'depuis {when}',
  'staff.monitor.lastPoll': 'Dernière interrogation',
  'staff.monitor.never': 'jamais',
  'staff.monitor.pollOk': 'réponse en {ms} ms',
  'staff.monitor.pollFailed': 'échec : {kind}',
  'staff.monitor.failures': 'Interrogations échouées d’affilée : {n}',
  'staff.monitor.nextPoll': 'Prochaine interrogation : {when}',
  'staff.monitor.paused': 'En pause : pas interrogé (ses chiffres restent)',
  'staff.monitor.intervalLabel': 'Interroger toutes les (secondes)',
  'staff.monitor.intervalHint': 'De {min} à {max} secondes.',
  'staff.monitor.pausedLabel': 'Mettre le moniteur en pause pour ce point d’accès',
  'staff.monitor.webhookLabel': 'URL du webhook d’alerte',
  'staff.monitor.webhookHint': 'Facultatif. Les alertes y sont envoyées par POST en JSON, signées avec le secret ci-dessous (en-tête X-O311-Signature). Vide : courriel seulement.',
  'staff.monitor.secretLabel': 'Secret du webhook',
  'staff.monitor.secretSet': 'Un secret est défini. Il est stocké chiffré et n’est plus jamais affiché ; laissez le champ vide pour le garder.',
  'staff.monitor.secretNotSet': 'Aucun secret n’est défini. Un webhook en a besoin (16 à 256 caractères).',
  'staff.monitor.save': 'Enregistrer les réglages du moniteur',
  'staff.monitor.pollNow': 'Interroger maintenant',
  'staff.monitor.pollNowHint': 'Interrogé dans la minute par un processus qui fait tourner le moniteur (serve --monitor ou o311 monitor run).',
  'staff.monitor.saved': 'Les réglages du moniteur ont été enregistrés.',
  'staff.monitor.queued': 'Le point d’accès sera interrogé dans la minute.',
  'staff.monitor.problem.interval': 'L’intervalle n’a pas été enregistré : des secondes entières de {min} à {max}.',
  'staff.monitor.problem.url': 'L’URL du webhook doit être une URL http(s) absolue sans nom d’utilisateur ni mot de passe.',
  'staff.monitor.problem.secret': 'Un secret de webhook fait de 16 à 256 caractères sur une seule ligne.',
  'staff.monitor.problem.secretNeeded': 'Un webhook a besoin d’un secret pour signer ses messages.',
  'staff.monitor.problem.noSecret':
    'Les secrets de webhook ne peuvent pas être stockés : ce serveur a été démarré sans O311_ROUTER_SECRET. Définissez-le (au moins 16 caractères, le même pour chaque processus du serveur) et redémarrez.',
};
