/** Palabras de la sección del monitor en el administrador del registro: estado, sondeo y webhook de alertas. */
import type { MonitorKey } from './monitor.en.js';

export const monitorEs: Record<MonitorKey, string> = {
  'staff.monitor.title': 'Monitor',
  'staff.monitor.intro':
    'El monitor de estado consulta la lista de servicios de este punto de acceso en su intervalo y registra si responde, con qué rapidez y por qué no. Su correo de contacto y su webhook reciben una alerta cuando cae, cuando vuelve o cuando baja su puntuación de conformidad.',
  'staff.monitor.state': 'Estado',
  'staff.monitor.state.unknown': 'aún no consultado',
  'staff.monitor.state.up': 'en servicio',
  'staff.monitor.state.down': 'caído (incidente abierto)',
  'staff.monitor.since': 'desde {when}',
  'staff.monitor.lastPoll': 'Última consulta',
  'staff.monitor.never': 'nunca',
  'staff.monitor.pollOk': 'respondió en {ms} ms',
  'staff.monitor.pollFailed': 'falló: {kind}',
  'staff.monitor.failures': 'Consultas fallidas seguidas: {n}',
  'staff.monitor.nextPoll': 'Próxima consulta: {when}',
  'staff.monitor.paused': 'En pausa: no se consulta (sus cifras se conservan)',
  'staff.monitor.intervalLabel': 'Consultar cada (segundos)',
  'staff.monitor.intervalHint': 'De {min} a {max} segundos.',
  'staff.monitor.pausedLabel': 'Pausar el monitor para este punto de acceso',
  'staff.monitor.webhookLabel': 'URL del webhook de alertas',
  'staff.monitor.webhookHint': 'Opcional. Las alertas se envían aquí por POST en JSON, firmadas con el secreto de abajo (cabecera X-O311-Signature). Vacío: solo correo.',
  'staff.monitor.secretLabel': 'Secreto del webhook',
  'staff.monitor.secretSet': 'Hay un secreto. Se guarda cifrado y no se vuelve a mostrar; deje el campo vacío para conservarlo.',
  'staff.monitor.secretNotSet': 'No hay secreto. Un webhook necesita uno (de 16 a 256 caracteres).',
  'staff.monitor.save': 'Guardar los ajustes del monitor',
  'staff.monitor.pollNow': 'Consultar ahora',
  'staff.monitor.pollNowHint': 'Lo consulta en menos de un minuto un proceso que ejecute el monitor (serve --monitor u o311 monitor run).',
  'staff.monitor.saved': 'Se guardaron los ajustes del monitor.',
  'staff.monitor.queued': 'El punto de acceso se consultará en menos de un minuto.',
  'staff.monitor.problem.interval': 'No se guardó el intervalo: segundos enteros de {min} a {max}.',
  'staff.monitor.problem.url': 'La URL del webhook debe ser una URL http(s) absoluta sin usuario ni contraseña.',
  'staff.monitor.problem.secret': 'Un secreto de webhook tiene de 16 a 256 caracteres en una sola línea.',
  'staff.monitor.problem.secretNeeded': 'Un webhook necesita un secreto con el que firmar sus mensajes.',
  'staff.monitor.problem.noSecret':
    'No se pueden guardar secretos de webhook: este servidor se inició sin O311_ROUTER_SECRET. Defínalo (al menos 16 caracteres, el mismo en cada proceso del servidor) y reinicie.',
};
