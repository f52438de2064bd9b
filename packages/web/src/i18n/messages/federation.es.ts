/** Palabras del administrador del registro para el punto federado: claves de API y entregas. */
import type { FederationKey } from './federation.en.js';

export const federationEs: Record<FederationKey, string> = {
  'staff.federation.title': 'Punto de acceso federado',
  'staff.federation.intro':
    'Las solicitudes enviadas al punto federado para los servicios de este punto de acceso se le entregan en segundo plano, con la clave de API de abajo.',
  'staff.federation.keyLabel': 'Clave de API del punto de origen',
  'staff.federation.keySet': 'Hay una clave de API. Se guarda cifrada y no se vuelve a mostrar.',
  'staff.federation.keyNotSet': 'No hay clave de API: las solicitudes se entregan sin ella.',
  'staff.federation.keyHint': 'La clave que este punto de acceso dio a este servidor. Solo escritura: escribir una nueva la reemplaza.',
  'staff.federation.keySave': 'Guardar la clave',
  'staff.federation.keyReplace': 'Reemplazar la clave',
  'staff.federation.keyRemove': 'Quitar la clave',
  'staff.federation.noSecret':
    'No se pueden guardar claves de API: este servidor se inició sin O311_ROUTER_SECRET. Defínalo (al menos 16 caracteres, el mismo en cada proceso del servidor) y reinicie.',
  'staff.federation.keyInvalid': 'La clave no se guardó: una clave de API tiene de 1 a 1.024 caracteres en una sola línea.',
  'staff.federation.keySaved': 'Se guardó la clave de API.',
  'staff.federation.keyRemoved': 'Se quitó la clave de API.',
  'staff.federation.keyAbsent': 'No había clave de API que quitar.',
  'staff.federation.deliveries': 'Entregas',
  'staff.federation.deliveriesTitle': 'Entregas a {name}',
  'staff.federation.deliveriesIntro':
    'Solicitudes enviadas a este punto de acceso, las más recientes primero. En cola: en camino (se reintenta con espera); entregada: el punto de origen la aceptó; fallida: la rechazó; muerta: todos los reintentos fallaron.',
  'staff.federation.anyState': 'Cualquier estado',
  'staff.federation.state': 'Estado',
  'staff.federation.show': 'Mostrar',
  'staff.federation.caption': 'Entregas, las más recientes primero',
  'staff.federation.received': 'Recibida',
  'staff.federation.service': 'Servicio',
  'staff.federation.attempts': 'Intentos',
  'staff.federation.lastError': 'Último error',
  'staff.federation.upstreamId': 'Id en origen',
  'staff.federation.none': 'Ninguna entrega coincide.',
  'staff.federation.retry': 'Reintentar',
  'staff.federation.retried': 'La entrega se puso de nuevo en cola.',
  'staff.federation.notRetried': 'Solo se puede reintentar una entrega fallida o muerta.',
  'staff.federation.page': 'Página {page} de {pages}',
  'staff.federation.newer': 'Más recientes',
  'staff.federation.older': 'Más antiguas',
  'staff.federation.back': 'Volver al punto de acceso',
};
