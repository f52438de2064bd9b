import type { SmsSimulatorKey } from './sms-simulator.en.js';

export const smsSimulatorEs: Record<SmsSimulatorKey, string> = {
  'smsSimulator.title': 'Simulador de SMS',
  'smsSimulator.intro':
    'Escriba a la ciudad como lo haría un teléfono: envíe un mensaje con el número de abajo y lea las respuestas. Esta página es para pruebas y demostraciones: nada llega a un teléfono real.',
  'smsSimulator.number': 'Número de teléfono',
  'smsSimulator.numberHint': 'Un número ficticio, que ningún teléfono real tiene: +1, un prefijo y 555 0100 a 555 0199 (p. ej. +1 515 555 0123), o +44 7700 900 000 a 999.',
  'smsSimulator.message': 'Mensaje',
  'smsSimulator.messageHint': 'Por ejemplo «Hola, hay un bache». Responda AYUDA para ver los comandos, STOP para no recibir más mensajes.',
  'smsSimulator.send': 'Enviar',
  'smsSimulator.refresh': 'Ver mensajes nuevos',
  'smsSimulator.conversation': 'Conversación con {number}',
  'smsSimulator.empty': 'Aún no hay mensajes con este número.',
  'smsSimulator.you': 'Usted',
  'smsSimulator.city': 'Ciudad',
  'smsSimulator.queued': '(enviando)',
  'smsSimulator.failed': '(no entregado)',
  'smsSimulator.noReply': 'Sin respuesta: este número envió STOP, o demasiados mensajes en un minuto.',
  'smsSimulator.badNumber': 'Escriba un número ficticio: +1, un prefijo y 555 0100 a 555 0199, o +44 7700 900 000 a 999.',
  'smsSimulator.emptyMessage': 'Escriba un mensaje.',
};
