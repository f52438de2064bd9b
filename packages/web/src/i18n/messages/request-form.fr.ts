/** Mots du formulaire unique de la page d’une demande (statut, message, modèles, affectation). */
import type { RequestFormKey } from './request-form.en.js';

export const requestFormFr: Record<RequestFormKey, string> = {
  'reqform.title': 'Mettre à jour cette demande',
  'reqform.status': 'Statut',
  'reqform.messageGroup': 'Réponse ou note (facultatif)',
  'reqform.message': 'Message',
  'reqform.messageHint': 'Laissez-le vide pour ne modifier que les autres champs. Une réponse publique envoyée avec un nouveau statut devient la note publique de ce changement.',
  'reqform.templateNone': 'Choisissez un modèle',
  'reqform.templateHint': 'Ajoute le texte du modèle après ce que vous avez saisi (et choisit son statut, s’il en a un) ; modifiez-le avant d’enregistrer.',
  'reqform.insertTemplate': 'Insérer le modèle',
  'reqform.templateMissing': 'Choisissez le modèle à insérer.',
  'reqform.inserted': 'Modèle « {name} » inséré. Rien n’est enregistré tant que vous n’avez pas cliqué sur « Enregistrer les modifications ».',
  'reqform.save': 'Enregistrer les modifications',
  'reqform.saved': 'Vos modifications ont été enregistrées.',
};
