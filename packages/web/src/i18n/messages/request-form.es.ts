/** Palabras del formulario único de la página de una solicitud (estado, mensaje, plantillas, asignación). */
import type { RequestFormKey } from './request-form.en.js';

export const requestFormEs: Record<RequestFormKey, string> = {
  'reqform.title': 'Actualizar esta solicitud',
  'reqform.status': 'Estado',
  'reqform.messageGroup': 'Respuesta o nota (opcional)',
  'reqform.message': 'Mensaje',
  'reqform.messageHint': 'Déjelo vacío para cambiar solo los demás campos. Una respuesta pública enviada con un estado nuevo es la nota pública de ese cambio.',
  'reqform.templateNone': 'Elija una plantilla',
  'reqform.templateHint': 'Añade el texto de la plantilla después de lo que ha escrito (y elige su estado, si tiene uno); edítelo antes de guardar.',
  'reqform.insertTemplate': 'Insertar plantilla',
  'reqform.templateMissing': 'Elija la plantilla que quiere insertar.',
  'reqform.inserted': 'Plantilla «{name}» insertada. No se guarda nada hasta que pulse «Guardar cambios».',
  'reqform.save': 'Guardar cambios',
  'reqform.saved': 'Se guardaron los cambios.',
};
