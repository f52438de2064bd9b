/** Palabras de los reportes a otras entidades a través del punto federado. */
import type { routedEn } from './routed.en.js';

export const routedEs: Record<keyof typeof routedEn, string> = {
  'place.title': 'Reportar un problema en cualquier lugar',
  'place.intro': 'Sitúe el problema en el mapa o escriba sus coordenadas. Verá los servicios de cada entidad responsable allí: la ciudad, el condado, el estado y otras.',
  'place.submit': 'Ver los servicios de este lugar',
  'place.error': 'Escriba una latitud entre -90 y 90 y una longitud entre -180 y 180, ambas como números decimales.',
  'place.servicesTitle': 'Servicios en este lugar',
  'place.at': 'En {lat}, {long}.',
  'place.change': 'Elegir otro lugar',
  'place.unavailable': 'Los servicios de {name} no están disponibles en este momento. Vuelva a intentarlo más tarde.',
  'place.none': 'Ninguna entidad ofrece servicios en este lugar.',
  'place.home': '¿Es un camino del condado, una carretera estatal u otra cosa que la ciudad no atiende?',
  'place.homeLink': 'Sitúelo en el mapa para ver los servicios de cada entidad allí',

  'routed.handledBy': 'Este reporte va a {name} ({tier}), enviado por este sitio.',
  'routed.privacy': 'Puede reportar sin dar ningún dato de contacto. Si los da, se envían a {name} con el reporte, solo para que su personal le pregunte por él o le avise cuando esté resuelto. Nunca se muestran en público.',
  'routed.noPhotos': 'No se pueden enviar fotos a {name} desde este sitio.',
  'routed.unavailableTitle': 'No se puede contactar con esta entidad ahora',
  'routed.unavailableText': '{name} no responde en este momento. Vuelva a intentarlo en unos minutos.',
  'routed.refused': '{name} no aceptó este reporte: {reason}',
  'routed.trackerNote': 'Esta solicitud la atiende {name} ({tier}). Lo que ve aquí se lee de su servicio.',
  'routed.latestUpdate': 'Última novedad',
  'routed.statusUnavailable': 'Estado no disponible en este momento',
};
