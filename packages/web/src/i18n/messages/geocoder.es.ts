import type { GeocoderKey } from './geocoder.en.js';

export const geocoderEs: Record<GeocoderKey, string> = {
  'geocode.find': 'Buscar esta dirección',
  'geocode.finding': 'Buscando la dirección…',
  'geocode.empty': 'Escriba primero una dirección y luego búsquela.',
  'geocode.legend': 'Lugares encontrados para «{query}»',
  'geocode.hint': 'Elija el lugar al que se refiere: se muestra en el mapa. Luego úselo, o envíe el aviso solo con la dirección.',
  'geocode.hintNoJs': 'Encontramos lugares para la dirección que escribió. Elija uno y úselo (o envíe), o elija enviar solo la dirección.',
  'geocode.use': 'Usar este lugar',
  'geocode.addressOnly': 'Ninguno de estos: enviar solo la dirección',
  'geocode.none': 'No se encontró ningún lugar para «{query}». Revise la dirección, marque el punto en el mapa o envíe el aviso solo con la dirección.',
  'geocode.busy': 'Demasiadas búsquedas de direcciones desde aquí: espere un minuto y vuelva a intentarlo.',
  'geocode.failed': 'La búsqueda de direcciones no está disponible en este momento. Marque el punto en el mapa o envíe solo la dirección.',
  'geocode.preview': 'En el mapa: {label}. Use este lugar para confirmarlo.',
  'geocode.confirmed': 'Ubicación fijada en {label}.',
  'geocode.keptAddressOnly': 'El aviso se enviará solo con la dirección.',
  'geocode.kind.address': 'dirección',
  'geocode.kind.interpolated': 'cerca de este número',
  'geocode.kind.street': 'la calle',
  'geocode.kind.place': 'lugar',
};
