import type { GeocoderKey } from './geocoder.en.js';

export const geocoderFr: Record<GeocoderKey, string> = {
  'geocode.find': 'Trouver cette adresse',
  'geocode.finding': 'Recherche de l’adresse…',
  'geocode.empty': 'Saisissez d’abord une adresse, puis cherchez-la.',
  'geocode.legend': 'Lieux trouvés pour « {query} »',
  'geocode.hint': 'Choisissez le lieu voulu : il s’affiche sur la carte. Utilisez-le ensuite, ou envoyez le signalement avec l’adresse seule.',
  'geocode.hintNoJs': 'Nous avons trouvé des lieux pour l’adresse saisie. Choisissez-en un et utilisez-le (ou envoyez), ou choisissez d’envoyer l’adresse seule.',
  'geocode.use': 'Utiliser ce lieu',
  'geocode.addressOnly': 'Aucun de ceux-ci : envoyer l’adresse seule',
  'geocode.none': 'Aucun lieu trouvé pour « {query} ». Vérifiez l’adresse, placez le point sur la carte ou envoyez le signalement avec l’adresse seule.',
  'geocode.busy': 'Trop de recherches d’adresse depuis ici : patientez une minute puis réessayez.',
  'geocode.failed': 'La recherche d’adresse n’est pas disponible pour le moment. Placez le point sur la carte ou envoyez l’adresse seule.',
  'geocode.preview': 'Sur la carte : {label}. Utilisez ce lieu pour le confirmer.',
  'geocode.confirmed': 'Emplacement fixé : {label}.',
  'geocode.keptAddressOnly': 'Le signalement sera envoyé avec l’adresse seule.',
  'geocode.kind.address': 'adresse',
  'geocode.kind.interpolated': 'près de ce numéro',
  'geocode.kind.street': 'la rue',
  'geocode.kind.place': 'lieu',
};
