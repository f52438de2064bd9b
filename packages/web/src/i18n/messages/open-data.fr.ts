import type { OpenDataKey } from './open-data.en.js';

export const openDataFr: Record<OpenDataKey, string> = {
  'openData.nav': 'Données ouvertes',
  'openData.title': 'Données ouvertes',
  'openData.intro':
    'Toutes les demandes de service publiques sont publiées ici pour être téléchargées et réutilisées : l’ensemble complet en CSV, GeoJSON ou GeoJSON délimité par lignes, un fichier GeoReport par mois et un flux des dernières mises à jour. Les fichiers sont produits à la demande : ils sont toujours à jour.',
  'openData.privacy':
    'Les fichiers ne contiennent que ce que montrent les pages publiques des demandes : jamais le nom, l’adresse e-mail, le téléphone, l’appareil ou le compte de la personne qui a signalé, ni les notes internes.',
  'openData.nothing': 'Ce serveur ne publie encore aucune donnée.',
  'openData.total.one': '{count} demande (juridiction {id}).',
  'openData.total.other': '{count} demandes (juridiction {id}).',
  'openData.file.csv': 'Toutes les demandes en CSV (tableurs)',
  'openData.file.geojson': 'Toutes les demandes en GeoJSON (cartes)',
  'openData.file.ndjson': 'Toutes les demandes en GeoJSON délimité par lignes (un objet par ligne)',
  'openData.file.atom': 'Flux des dernières mises à jour (Atom)',
  'openData.file.index': 'Liste des fichiers mensuels (JSON)',
  'openData.months': 'Fichiers GeoReport mensuels',
  'openData.monthsIntro':
    'Les demandes déposées chaque mois, telles que l’API Open311 GeoReport v2 les montre avec les extensions (historique et statut détaillé). Les mois sont comptés dans le fuseau horaire {timezone}.',
  'openData.noRequests': 'Aucune demande pour l’instant.',
  'openData.col.month': 'Mois',
  'openData.col.requests': 'Demandes',
  'openData.col.files': 'Fichiers',
  'openData.filters': 'Filtrer les fichiers',
  'openData.filtersIntro': 'Les fichiers CSV, GeoJSON et GeoJSON délimité par lignes acceptent ces paramètres ; une valeur erronée reçoit une erreur 400 qui explique le problème.',
  'openData.param.service': 'Seulement ces services : répétez le paramètre ou séparez les codes par des virgules (100 au plus).',
  'openData.param.status': 'open (ouverte) ou closed (fermée).',
  'openData.param.dates': 'Déposée à partir du / jusqu’au : une date (2026-01-31, la journée entière en heure locale) ou une date et une heure avec leur décalage (2026-01-31T08:00:00Z).',
  'openData.param.updated': 'Modifiée pour la dernière fois à partir du / jusqu’au, sous les mêmes formes.',
  'openData.example': 'Par exemple :',
  'openData.cli': 'Sur le serveur, les mêmes fichiers s’obtiennent en ligne de commande :',
  'openData.columns': 'Colonnes',
  'openData.columnsIntro':
    'Les colonnes du CSV et les propriétés du GeoJSON, dans cet ordre. Les dates portent le décalage local ; un objet GeoJSON sans lieu a une géométrie nulle. Les cellules de texte commençant par = + - ou @ débutent par une apostrophe pour que les tableurs ne les exécutent pas comme des formules.',
  'openData.feed.title': '{name} : dernières mises à jour',
  'openData.feed.subtitle.one': 'Le dernier changement de statut ou commentaire public.',
  'openData.feed.subtitle.other': 'Les {count} derniers changements de statut et commentaires publics.',
  'openData.feed.entry': 'Demande {id} : {what}',
};
