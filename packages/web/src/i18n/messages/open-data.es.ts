import type { OpenDataKey } from './open-data.en.js';

export const openDataEs: Record<OpenDataKey, string> = {
  'openData.nav': 'Datos abiertos',
  'openData.title': 'Datos abiertos',
  'openData.intro':
    'Todas las solicitudes de servicio públicas se publican aquí para descargarlas y reutilizarlas: el conjunto completo en CSV, GeoJSON o GeoJSON delimitado por líneas, un archivo GeoReport por mes y un canal con las últimas novedades. Los archivos se generan al pedirlos, así que siempre están al día.',
  'openData.privacy':
    'Los archivos contienen solo lo que muestran las páginas públicas de cada solicitud: nunca el nombre, el correo electrónico, el teléfono, el dispositivo ni la cuenta de quien la presentó, ni las notas internas.',
  'openData.nothing': 'Este servidor aún no publica datos.',
  'openData.total.one': '{count} solicitud (jurisdicción {id}).',
  'openData.total.other': '{count} solicitudes (jurisdicción {id}).',
  'openData.file.csv': 'Todas las solicitudes en CSV (hojas de cálculo)',
  'openData.file.geojson': 'Todas las solicitudes en GeoJSON (mapas)',
  'openData.file.ndjson': 'Todas las solicitudes en GeoJSON delimitado por líneas (un elemento por línea)',
  'openData.file.atom': 'Canal de las últimas novedades (Atom)',
  'openData.file.index': 'Lista de los archivos mensuales (JSON)',
  'openData.months': 'Archivos GeoReport mensuales',
  'openData.monthsIntro':
    'Las solicitudes presentadas cada mes, tal como las muestra la API Open311 GeoReport v2 con extensiones (historial y estado detallado). Los meses se cuentan en la zona horaria {timezone}.',
  'openData.noRequests': 'Aún no hay solicitudes.',
  'openData.col.month': 'Mes',
  'openData.col.requests': 'Solicitudes',
  'openData.col.files': 'Archivos',
  'openData.filters': 'Filtrar los archivos',
  'openData.filtersIntro': 'Los archivos CSV, GeoJSON y GeoJSON delimitado por líneas aceptan estos parámetros; un valor incorrecto se responde con un error 400 que explica el problema.',
  'openData.param.service': 'Solo estos servicios: repita el parámetro o separe los códigos con comas (100 como máximo).',
  'openData.param.status': 'open (abierta) o closed (cerrada).',
  'openData.param.dates': 'Presentada desde / hasta: una fecha (2026-01-31, el día entero en la hora local) o una fecha y hora con su desfase (2026-01-31T08:00:00Z).',
  'openData.param.updated': 'Modificada por última vez desde / hasta, en las mismas formas.',
  'openData.example': 'Por ejemplo:',
  'openData.cli': 'En el servidor, los mismos archivos se obtienen desde la línea de comandos:',
  'openData.columns': 'Columnas',
  'openData.columnsIntro':
    'Las columnas del CSV y las propiedades del GeoJSON, en este orden. Las fechas llevan el desfase local; un elemento GeoJSON sin ubicación tiene geometría nula. Las celdas de texto que empiezan por = + - o @ comienzan con un apóstrofo para que las hojas de cálculo no las ejecuten como fórmulas.',
  'openData.feed.title': '{name}: últimas novedades',
  'openData.feed.subtitle.one': 'El último cambio de estado o comentario público.',
  'openData.feed.subtitle.other': 'Los {count} últimos cambios de estado y comentarios públicos.',
  'openData.feed.entry': 'Solicitud {id}: {what}',
};
