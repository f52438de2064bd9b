import type { pwaEn } from './pwa.en.js';

export const pwaEs: Record<keyof typeof pwaEn, string> = {
  'pwa.name': '{site}: informar de un problema',
  'pwa.description':
    'Informe de un problema en el espacio público a quien se ocupa de él, sígalo y siga informando sin conexión.',
  'pwa.offline.title': 'Sin conexión',
  'pwa.offline.intro': 'Esta página no se guardó en este dispositivo, así que no se puede mostrar sin conexión.',
  'pwa.offline.canStill': 'Sin conexión todavía puede:',
  'pwa.offline.report': 'informar de un problema (se envía cuando vuelva la conexión)',
  'pwa.offline.outbox': 'ver los informes pendientes de envío',
  'pwa.outbox.title': 'Informes pendientes de envío',
  'pwa.outbox.intro':
    'Un informe hecho sin conexión se guarda en este navegador, con sus fotos, y se envía cuando vuelve la conexión. Se registra una sola vez, aunque se envíe varias.',
  'pwa.outbox.noScript': 'Los informes solo se guardan en este dispositivo con JavaScript activado. Sin él, envíe su informe cuando tenga conexión.',
  'pwa.outbox.empty': 'Ningún informe espera en este dispositivo.',
  'pwa.outbox.sendNow': 'Enviar ahora',
  'pwa.outbox.pending': 'Esperando conexión (hecho el {time}).',
  'pwa.outbox.sending': 'Enviando…',
  'pwa.outbox.sent': 'Enviado. Su número es {id}.',
  'pwa.outbox.sentNoNumber': 'Enviado.',
  'pwa.outbox.refused': 'No enviado: la ciudad no aceptó este informe tal como estaba. Todo lo que escribió se guarda aquí: corríjalo y envíelo de nuevo.',
  'pwa.outbox.serverSaid': 'El servidor dijo:',
  'pwa.outbox.answers': 'Lo que escribió',
  'pwa.outbox.photosKept': 'Fotos guardadas: {number}',
  'pwa.outbox.edit': 'Corregir y enviar de nuevo',
  'pwa.outbox.otherService': 'o envíelo como otro servicio',
  'pwa.outbox.reopened': 'Su informe está de nuevo en el formulario, con todo lo que escribió y sus fotos: corríjalo y envíelo de nuevo.',
  'pwa.outbox.track': 'Seguir la solicitud {id}',
  'pwa.outbox.remove': 'Quitar',
  'pwa.queued': 'Sin conexión: su informe se guarda en este dispositivo y se enviará cuando vuelva la conexión.',
  'pwa.banner.sent': 'Su informe ({service}) se ha enviado. Su número es {id}.',
  'pwa.banner.sentNoNumber': 'Su informe ({service}) se ha enviado.',
  'pwa.banner.waiting': 'Informes pendientes de envío en este dispositivo: {count}.',
  'pwa.banner.view': 'Ver los informes pendientes de envío',
  'pwa.routed.needsConnection':
    'Enviar un informe a otro destino necesita conexión. Sus respuestas siguen en el formulario; envíelo cuando vuelva a tener conexión.',
};
