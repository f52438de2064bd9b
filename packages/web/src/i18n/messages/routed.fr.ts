/** Les mots des signalements envoyés à d'autres organismes par le point d'accès fédéré. */
import type { routedEn } from './routed.en.js';

export const routedFr: Record<keyof typeof routedEn, string> = {
  'place.title': 'Signaler un problème n’importe où',
  'place.intro': 'Placez le problème sur la carte ou saisissez ses coordonnées. Vous verrez ensuite les services de chaque organisme responsable à cet endroit : la ville, le comté, l’État et d’autres.',
  'place.submit': 'Voir les services à cet endroit',
  'place.error': 'Saisissez une latitude entre -90 et 90 et une longitude entre -180 et 180, en nombres décimaux.',
  'place.servicesTitle': 'Services à cet endroit',
  'place.at': 'À {lat}, {long}.',
  'place.change': 'Choisir un autre endroit',
  'place.unavailable': 'Les services de {name} sont indisponibles pour le moment. Veuillez réessayer plus tard.',
  'place.none': 'Aucun organisme ne propose de services à cet endroit.',
  'place.home': 'S’agit-il d’une route de comté, d’une route d’État ou d’autre chose que la ville ne gère pas ?',
  'place.homeLink': 'Placez-le sur la carte pour voir les services de chaque organisme à cet endroit',

  'routed.handledBy': 'Ce signalement est envoyé à {name} ({tier}) par ce site.',
  'routed.privacy': 'Vous pouvez signaler sans donner vos coordonnées. Si vous les donnez, elles sont envoyées à {name} avec le signalement, seulement pour que son personnel vous pose des questions ou vous dise quand c’est réparé. Elles ne sont jamais publiées.',
  'routed.noPhotos': 'Les photos ne peuvent pas être envoyées à {name} depuis ce site.',
  'routed.unavailableTitle': 'Cet organisme est injoignable pour le moment',
  'routed.unavailableText': '{name} ne répond pas pour le moment. Veuillez réessayer dans quelques minutes.',
  'routed.refused': '{name} n’a pas accepté ce signalement : {reason}',
  'routed.trackerNote': 'Cette demande est traitée par {name} ({tier}). Ce que vous voyez ici est lu depuis son service.',
  'routed.latestUpdate': 'Dernière nouvelle',
  'routed.statusUnavailable': 'État indisponible pour le moment',
};
