/**
 * Riverton's service catalogue: what residents can report, who handles it, how
 * fast, and the questions each service asks, in English with Spanish and French
 * translations. Each entry also carries what the seeder needs to make believable
 * history: relative volume, seasonality, where reports fall, description
 * templates and the notes crews write.
 */
import type { Attribute, Datatype, ServiceType } from '@o311/georeport';
import type { NewService, ServiceTranslation } from '@o311/store';
import type { Place } from './city.js';
import { DEMO_JURISDICTION } from './city.js';
import type { Random } from './random.js';

/** A text in English, Spanish and French. */
export type Localized = readonly [en: string, es: string, fr: string];
export const LOCALES = ['es', 'fr'] as const;

export interface AnswerContext {
  rng: Random;
  requested_at: number;
  place: Place & { park?: string };
  /** `YYYY-MM-DDThh:mm:ss±hh:mm` in the city's zone. */
  formatLocal(ms: number): string;
}

export interface DemoValue {
  key: string;
  name: Localized;
  /** Relative frequency among answers (default 1). */
  weight?: number;
}

export interface DemoAttribute {
  code: string;
  datatype: Datatype;
  required: boolean;
  /** `false`: informational text shown to the reporter, never answered. */
  variable?: boolean;
  description: Localized;
  /** The answer's hint (datatype_description), in the three languages. */
  hint?: Localized;
  values?: readonly DemoValue[];
  /** Answer for string, number, text and datetime attributes. */
  answer?: (ctx: AnswerContext) => string;
}

export type Placement = 'street' | 'intersection' | 'park';

export interface DemoService {
  code: string;
  type: ServiceType;
  name: Localized;
  description: Localized;
  group: Localized;
  keywords: Localized;
  agency: string;
  notice: string;
  sla_hours: number | null;
  /** Relative share of all reports. */
  weight: number;
  /** Volume multiplier for January … December. */
  seasonal: readonly number[];
  /** Volume multiplier on Saturdays and Sundays. */
  weekend: number;
  /** Hour-of-day profile (24 weights, local time). */
  hours: readonly number[];
  placement: Placement;
  /** Median hours from report to resolution. */
  resolve_median_h: number;
  /** Chance that a report carries a photo link. */
  photo_rate: number;
  attributes: readonly DemoAttribute[];
  /**
   * Description templates: {street} {cross} {hood} {park} {address}. A template may start with
   * conditions on the answers, `[CODE=key|key;CODE2=key] …`, and is then used only when they hold.
   */
  descriptions: readonly string[];
  notes: {
    /** Status while being worked on, and the notes used for it. */
    working: readonly { status: 'in_progress' | 'action_scheduled' | 'investigating'; notes: readonly string[] }[];
    fixed: readonly string[];
  };
  /** Relative frequency of the final states of resolved requests. */
  outcomes: Readonly<Partial<Record<'fixed' | 'closed' | 'duplicate' | 'no_further_action' | 'not_councils_responsibility', number>>>;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

const DAYTIME = [1, 0.5, 0.3, 0.2, 0.3, 0.8, 2, 4, 6, 7, 7, 6.5, 6, 6.5, 6.5, 6, 5.5, 5, 4.5, 4, 3.5, 3, 2, 1.5];
const EVENING = [4, 3.5, 2.5, 1.5, 0.8, 0.5, 0.5, 0.8, 1, 1.2, 1.5, 1.5, 1.5, 1.5, 1.6, 1.8, 2, 2.5, 3, 4, 5, 6.5, 7, 6];
const FLAT_YEAR = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];

const YES_NO: readonly DemoValue[] = [
  { key: 'yes', name: ['Yes', 'Sí', 'Oui'] },
  { key: 'no', name: ['No', 'No', 'Non'], weight: 2 },
];

const GROUP = {
  streets: ['Streets & Lighting', 'Calles y alumbrado', 'Voirie et éclairage'],
  sanitation: ['Sanitation', 'Saneamiento', 'Propreté'],
  parks: ['Parks & Trees', 'Parques y árboles', 'Parcs et arbres'],
  water: ['Water & Sewer', 'Agua y alcantarillado', 'Eau et assainissement'],
  neighbourhood: ['Neighborhood & Safety', 'Vecindario y seguridad', 'Quartier et sécurité'],
} as const satisfies Record<string, Localized>;

const hoursBefore = (ctx: AnswerContext, min: number, max: number): string =>
  ctx.formatLocal(ctx.requested_at - Math.round(ctx.rng.between(min, max) * 3_600_000 / 60_000) * 60_000);

const pickOf = (list: readonly string[]) => (ctx: AnswerContext): string => ctx.rng.pick(list);

const VEHICLE_MAKES = [
  'Ford Taurus', 'Chevrolet Malibu', 'Honda Civic', 'Toyota Camry', 'Dodge Caravan', 'Ford F-150', 'Nissan Altima',
  'Jeep Cherokee', 'Buick LeSabre', 'Pontiac Grand Am', 'Chevrolet Silverado', 'Hyundai Elantra', 'Saturn Ion',
];
const COLOURS = ['white', 'silver', 'black', 'gray', 'red', 'blue', 'dark green', 'maroon', 'tan', 'gold'];
const plate = (ctx: AnswerContext): string => {
  const L = 'ABCDEFGHJKLMNPRSTUVWXYZ';
  let s = '';
  for (let i = 0; i < 3; i++) s += L[ctx.rng.int(0, L.length - 1)];
  return `${s} ${ctx.rng.int(100, 999)}`;
};

// ---------------------------------------------------------------------------------------------
// The catalogue

export const DEMO_SERVICES: readonly DemoService[] = [
  {
    code: 'POTHOLE',
    type: 'realtime',
    name: ['Pothole', 'Bache', 'Nid-de-poule'],
    description: [
      'Report a pothole or a sunken patch in a city street or alley.',
      'Informe de un bache o un hundimiento en una calle o callejón de la ciudad.',
      'Signalez un nid-de-poule ou un affaissement dans une rue ou une ruelle de la ville.',
    ],
    group: GROUP.streets,
    keywords: ['pothole, road, asphalt, pavement, hole', 'bache, calle, asfalto, pavimento, hoyo', 'nid-de-poule, route, asphalte, chaussée, trou'],
    agency: 'Public Works – Street Maintenance',
    notice: 'Most potholes are patched within 3 business days; larger failures are added to the paving program.',
    sla_hours: 72,
    weight: 16,
    seasonal: [1.6, 2.2, 2.4, 1.8, 1.1, 0.8, 0.6, 0.6, 0.6, 0.7, 0.8, 1.1],
    weekend: 0.7,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 60,
    photo_rate: 0.06,
    attributes: [
      {
        code: 'SAFETY', datatype: 'text', required: false, variable: false,
        description: [
          'Stay out of traffic while reporting. Potholes on US-65 and IA-28 are repaired by the state and will be forwarded.',
          'No se ponga en el tráfico al informar. Los baches en la US-65 y la IA-28 los repara el estado y se remitirán.',
          'Restez hors de la circulation. Les nids-de-poule sur la US-65 et la IA-28 relèvent de l’État et lui seront transmis.',
        ],
      },
      {
        code: 'LOCATION', datatype: 'singlevaluelist', required: true,
        description: ['Where in the road is it?', '¿En qué parte de la vía está?', 'Où se trouve-t-il sur la chaussée ?'],
        values: [
          { key: 'travel_lane', name: ['Travel lane', 'Carril de circulación', 'Voie de circulation'], weight: 6 },
          { key: 'parking_lane', name: ['Parking lane', 'Carril de estacionamiento', 'Voie de stationnement'], weight: 2 },
          { key: 'bike_lane', name: ['Bike lane', 'Ciclovía', 'Piste cyclable'], weight: 1 },
          { key: 'crosswalk', name: ['Crosswalk', 'Paso de peatones', 'Passage piéton'], weight: 1 },
          { key: 'alley', name: ['Alley', 'Callejón', 'Ruelle'], weight: 1.5 },
        ],
      },
      {
        code: 'SIZE', datatype: 'singlevaluelist', required: true,
        description: ['How big is it?', '¿Qué tamaño tiene?', 'Quelle est sa taille ?'],
        values: [
          { key: 'small', name: ['Smaller than a dinner plate', 'Más pequeño que un plato', 'Plus petit qu’une assiette'], weight: 3 },
          { key: 'medium', name: ['About the size of a car tire', 'Como una llanta de auto', 'De la taille d’un pneu'], weight: 4 },
          { key: 'large', name: ['Larger than a car tire', 'Más grande que una llanta', 'Plus grand qu’un pneu'], weight: 2 },
        ],
      },
      {
        code: 'DEPTH_CM', datatype: 'number', required: false, hint: ['Approximate depth in centimetres, e.g. 8', 'Profundidad aproximada en centímetros, p. ej. 8', 'Profondeur approximative en centimètres, p. ex. 8'],
        description: ['About how deep is it (cm)?', '¿Qué profundidad tiene aproximadamente (cm)?', 'Profondeur approximative (cm) ?'],
        answer: (c) => String(c.rng.int(3, 25)),
      },
    ],
    descriptions: [
      '[LOCATION=travel_lane] Deep pothole in the right lane on {street} near {cross}. Cars are swerving to avoid it.',
      'Pothole on {street} just past {cross}, eastbound side. It has been growing for a couple of weeks.',
      '[SIZE=medium|large] Large pothole in front of {address}. Blew out my front tire this morning.',
      'Several potholes in a row on {street} between {cross} and the next block.',
      'Pavement is crumbling around a utility cover on {street} at {cross}.',
      'Pothole filled with water near {address}, hard to see at night.',
      '[SIZE=large] Huge hole on {street} by the bus stop near {cross}. Buses hit it every stop.',
    ],
    notes: {
      working: [
        { status: 'in_progress', notes: ['Assigned to a street maintenance crew.', 'Inspected; added to this week’s patching route.'] },
        { status: 'action_scheduled', notes: ['Patching scheduled with the district crew.', 'Too large to patch by hand; scheduled for a mill-and-fill repair.'] },
      ],
      fixed: [
        'Pothole patched with hot mix asphalt.',
        'Crew filled the pothole with cold patch; permanent repair follows in spring.',
        'Repaired. Thank you for reporting.',
        'Pavement repaired and area swept.',
      ],
    },
    outcomes: { fixed: 78, closed: 6, duplicate: 10, no_further_action: 3, not_councils_responsibility: 3 },
  },
  {
    code: 'STREETLIGHT',
    type: 'realtime',
    name: ['Streetlight out', 'Farola apagada', 'Lampadaire éteint'],
    description: [
      'A streetlight that is out, flickering, on during the day, or a damaged light pole.',
      'Una farola apagada, parpadeante, encendida de día o un poste de alumbrado dañado.',
      'Un lampadaire éteint, qui clignote, allumé le jour, ou un poteau d’éclairage endommagé.',
    ],
    group: GROUP.streets,
    keywords: ['streetlight, street light, lamp, dark, pole', 'farola, alumbrado, luz, poste', 'lampadaire, éclairage, lumière, poteau'],
    agency: 'Public Works – Street Lighting',
    notice: 'Lights are usually repaired within 5 business days. Outages of several lights are prioritised.',
    sla_hours: 120,
    weight: 10,
    seasonal: [1.3, 1.2, 1, 0.9, 0.8, 0.7, 0.7, 0.8, 0.9, 1.1, 1.3, 1.4],
    weekend: 0.8,
    hours: [2, 1.5, 1, 0.5, 0.3, 0.5, 1.5, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4.5, 5, 6, 6.5, 6, 5, 3],
    placement: 'street',
    resolve_median_h: 90,
    photo_rate: 0.03,
    attributes: [
      {
        code: 'POLE_NUMBER', datatype: 'string', required: false, hint: ['Printed on a metal tag on the pole, e.g. RL-04123', 'Impreso en una placa metálica del poste, p. ej. RL-04123', 'Inscrit sur une plaque métallique du poteau, p. ex. RL-04123'],
        description: ['Pole number, if you can see it', 'Número del poste, si lo ve', 'Numéro du poteau, s’il est visible'],
        answer: (c) => `RL-${String(c.rng.int(1, 29_999)).padStart(5, '0')}`,
      },
      {
        code: 'ISSUE', datatype: 'singlevaluelist', required: true,
        description: ['What is wrong with the light?', '¿Qué le pasa a la farola?', 'Quel est le problème ?'],
        values: [
          { key: 'out', name: ['Light is out', 'No enciende', 'Éteint'], weight: 8 },
          { key: 'flickering', name: ['Flickering', 'Parpadea', 'Clignote'], weight: 3 },
          { key: 'day_burning', name: ['On during the day', 'Encendida de día', 'Allumé le jour'], weight: 1.5 },
          { key: 'damaged_pole', name: ['Pole damaged or leaning', 'Poste dañado o inclinado', 'Poteau endommagé ou penché'], weight: 1 },
          { key: 'exposed_wiring', name: ['Exposed wiring', 'Cables expuestos', 'Fils exposés'], weight: 0.5 },
        ],
      },
      {
        code: 'LIGHTS_OUT', datatype: 'number', required: false, hint: ['Whole number', 'Número entero', 'Nombre entier'],
        description: ['How many lights in a row are affected?', '¿Cuántas farolas seguidas están afectadas?', 'Combien de lampadaires à la suite ?'],
        answer: (c) => String(c.rng.weighted([1, 2, 3, 4, 6], (n) => 6 / n)),
      },
    ],
    descriptions: [
      '[ISSUE=out] Streetlight out in front of {address}. The whole block is dark.',
      '[ISSUE=out] Light on {street} at {cross} has been out for about a week.',
      '[ISSUE=flickering] Streetlight flickering on and off all night near {address}.',
      '[ISSUE=out] Two lights out on {street} between {cross} and the park. Feels unsafe walking home.',
      '[ISSUE=damaged_pole] Light pole near {address} is leaning after a car hit it.',
      '[ISSUE=day_burning] Streetlight on {street} stays on all day.',
      '[ISSUE=exposed_wiring] Access panel missing at the base of the light pole near {address}; wires are hanging out.',
    ],
    notes: {
      working: [
        { status: 'in_progress', notes: ['Work order sent to the lighting crew.', 'Crew dispatched.'] },
        { status: 'investigating', notes: ['Checking whether this is a city light or a MidAmerica Power light.'] },
      ],
      fixed: ['Lamp replaced; light working.', 'Photocell replaced.', 'Faulty wiring repaired; lights restored.', 'Pole replaced and light restored.'],
    },
    outcomes: { fixed: 80, closed: 6, duplicate: 9, not_councils_responsibility: 5 },
  },
  {
    code: 'TRAFFIC_SIGNAL',
    type: 'realtime',
    name: ['Traffic signal problem', 'Problema de semáforo', 'Problème de feu de circulation'],
    description: [
      'A traffic or pedestrian signal that is dark, stuck, flashing, mistimed or damaged.',
      'Un semáforo vehicular o peatonal apagado, atascado, intermitente, mal sincronizado o dañado.',
      'Un feu de circulation ou piéton éteint, bloqué, clignotant, mal réglé ou endommagé.',
    ],
    group: GROUP.streets,
    keywords: ['traffic light, signal, stoplight, walk signal', 'semáforo, señal, luz', 'feu, signal, feu rouge, piéton'],
    agency: 'Traffic Engineering',
    notice: 'Dark or stuck signals are answered around the clock, usually within 4 hours.',
    sla_hours: 4,
    weight: 4,
    seasonal: [1.1, 1, 1, 1.1, 1.2, 1.3, 1.2, 1.1, 1, 1, 1, 1.1],
    weekend: 0.8,
    hours: DAYTIME,
    placement: 'intersection',
    resolve_median_h: 5,
    photo_rate: 0.01,
    attributes: [
      {
        code: 'SAFETY', datatype: 'text', required: false, variable: false,
        description: [
          'If the signal is completely dark, treat the intersection as an all-way stop. For a crash or immediate danger call 911.',
          'Si el semáforo está apagado, trate el cruce como una parada en todas las direcciones. Ante un choque o peligro inmediato llame al 911.',
          'Si le feu est éteint, considérez le carrefour comme un arrêt dans tous les sens. En cas d’accident ou de danger immédiat, appelez le 911.',
        ],
      },
      {
        code: 'ISSUE', datatype: 'singlevaluelist', required: true,
        description: ['What is the signal doing?', '¿Qué hace el semáforo?', 'Que fait le feu ?'],
        values: [
          { key: 'dark', name: ['All lights dark', 'Totalmente apagado', 'Complètement éteint'], weight: 3 },
          { key: 'stuck_red', name: ['Stuck on red', 'Se queda en rojo', 'Bloqué au rouge'], weight: 3 },
          { key: 'flashing', name: ['Flashing', 'Intermitente', 'Clignotant'], weight: 2 },
          { key: 'timing', name: ['Bad timing / long wait', 'Mala sincronización', 'Mauvais réglage'], weight: 3 },
          { key: 'damaged', name: ['Knocked down or damaged', 'Derribado o dañado', 'Renversé ou endommagé'], weight: 1 },
          { key: 'ped_button', name: ['Walk button not working', 'Botón peatonal no funciona', 'Bouton piéton en panne'], weight: 2 },
        ],
      },
      {
        code: 'APPROACHES', datatype: 'multivaluelist', required: false,
        description: ['Which directions are affected?', '¿Qué sentidos están afectados?', 'Quelles directions sont touchées ?'],
        values: [
          { key: 'nb', name: ['Northbound', 'Hacia el norte', 'Vers le nord'] },
          { key: 'sb', name: ['Southbound', 'Hacia el sur', 'Vers le sud'] },
          { key: 'eb', name: ['Eastbound', 'Hacia el este', 'Vers l’est'] },
          { key: 'wb', name: ['Westbound', 'Hacia el oeste', 'Vers l’ouest'] },
        ],
      },
      {
        code: 'NOTICED_AT', datatype: 'datetime', required: false, hint: ['Date and time, e.g. 2025-06-01T07:45', 'Fecha y hora', 'Date et heure'],
        description: ['When did you first notice it?', '¿Cuándo lo notó por primera vez?', 'Quand l’avez-vous remarqué ?'],
        answer: (c) => hoursBefore(c, 0.2, 12),
      },
    ],
    descriptions: [
      '[ISSUE=dark] Signal at {street} and {cross} is completely dark. Cars are treating it as a 4-way stop.',
      '[ISSUE=stuck_red] Light stuck on red for {street} traffic at {cross}. Waited through 4 cycles.',
      '[ISSUE=timing] Left turn arrow at {street} & {cross} never turns green.',
      '[ISSUE=ped_button] Walk button on the northeast corner of {street} and {cross} does nothing.',
      '[ISSUE=flashing] Signal flashing yellow/red at {street} and {cross} since this morning.',
      '[ISSUE=damaged] Signal head at {street}/{cross} was knocked sideways, facing the wrong way.',
    ],
    notes: {
      working: [
        { status: 'in_progress', notes: ['Signal technician dispatched.', 'Technician on site.'] },
        { status: 'investigating', notes: ['Reviewing signal timing plan for this corridor.'] },
      ],
      fixed: ['Controller reset; signal back to normal operation.', 'Detector loop repaired.', 'Signal head realigned.', 'Timing adjusted for peak hours.'],
    },
    outcomes: { fixed: 82, closed: 5, duplicate: 11, no_further_action: 2 },
  },
  {
    code: 'MISSED_COLLECTION',
    type: 'realtime',
    name: ['Missed collection', 'Recolección no realizada', 'Collecte manquée'],
    description: [
      'Trash, recycling, yard waste or a scheduled bulky pickup was not collected on your collection day.',
      'La basura, el reciclaje, los residuos de jardín o una recogida voluminosa programada no se recogieron en su día.',
      'Les ordures, le recyclage, les déchets verts ou un encombrant prévu n’ont pas été collectés le jour prévu.',
    ],
    group: GROUP.sanitation,
    keywords: ['garbage, trash, recycling, pickup, cart, bin', 'basura, reciclaje, recolección, contenedor', 'ordures, poubelle, recyclage, collecte, bac'],
    agency: 'Solid Waste Services',
    notice: 'Missed carts are picked up within 2 business days. Please leave them at the curb.',
    sla_hours: 48,
    weight: 14,
    seasonal: [1.3, 1, 1, 1, 1, 1, 1.1, 1, 1, 1, 1.1, 1.3],
    weekend: 0.5,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 30,
    photo_rate: 0.02,
    attributes: [
      {
        code: 'CONTAINERS', datatype: 'multivaluelist', required: true,
        description: ['What was missed?', '¿Qué no se recogió?', 'Qu’est-ce qui n’a pas été collecté ?'],
        values: [
          { key: 'trash', name: ['Trash cart', 'Contenedor de basura', 'Bac à ordures'], weight: 5 },
          { key: 'recycling', name: ['Recycling cart', 'Contenedor de reciclaje', 'Bac de recyclage'], weight: 4 },
          { key: 'yard_waste', name: ['Yard waste', 'Residuos de jardín', 'Déchets verts'], weight: 2 },
          { key: 'bulky', name: ['Scheduled bulky item', 'Objeto voluminoso programado', 'Encombrant prévu'], weight: 1 },
        ],
      },
      {
        code: 'COLLECTION_DATE', datatype: 'datetime', required: true, hint: ['Date, e.g. 2025-06-02', 'Fecha', 'Date'],
        description: ['Scheduled collection day', 'Día de recolección programado', 'Jour de collecte prévu'],
        answer: (c) => hoursBefore(c, 6, 40).slice(0, 10),
      },
      {
        code: 'SET_OUT', datatype: 'singlevaluelist', required: true,
        description: ['Was it at the curb by 6 am?', '¿Estaba en la acera antes de las 6 a. m.?', 'Était-il sur le trottoir avant 6 h ?'],
        values: [
          { key: 'yes', name: ['Yes', 'Sí', 'Oui'], weight: 9 },
          { key: 'no', name: ['No', 'No', 'Non'], weight: 1 },
        ],
      },
    ],
    descriptions: [
      '[CONTAINERS=recycling] Recycling was not picked up on {street} this week. Whole block was skipped.',
      '[CONTAINERS=trash] Trash cart at {address} was out by 6 am and is still full.',
      'Truck came by but skipped our cart at {address}.',
      '[CONTAINERS=yard_waste] Yard waste bags at {address} left behind again.',
      '[CONTAINERS=bulky] Scheduled bulky pickup (old couch) at {address} never happened.',
      'Our side of {street} between {cross} and the next avenue was missed.',
    ],
    notes: {
      working: [{ status: 'action_scheduled', notes: ['Return trip scheduled for the next business day.', 'Added to tomorrow’s make-up route.'] }],
      fixed: ['Collected on the return trip.', 'Carts emptied. Sorry for the delay.', 'Collected.'],
    },
    outcomes: { fixed: 76, closed: 8, duplicate: 6, no_further_action: 10 },
  },
  {
    code: 'ILLEGAL_DUMPING',
    type: 'realtime',
    name: ['Illegal dumping', 'Vertido ilegal', 'Dépôt sauvage'],
    description: [
      'Furniture, tires, construction debris or bags of trash left on public property, in an alley or a vacant lot.',
      'Muebles, llantas, escombros o bolsas de basura abandonados en la vía pública, un callejón o un terreno baldío.',
      'Meubles, pneus, gravats ou sacs d’ordures abandonnés sur la voie publique, dans une ruelle ou un terrain vague.',
    ],
    group: GROUP.sanitation,
    keywords: ['dumping, junk, debris, mattress, tires, furniture', 'vertido, basura, escombros, colchón, llantas', 'dépôt, déchets, gravats, matelas, pneus'],
    agency: 'Solid Waste Services – Code Enforcement',
    notice: 'Dumped material on public property is removed within 5 business days. Dumping can be fined up to $750.',
    sla_hours: 120,
    weight: 9,
    seasonal: [0.7, 0.7, 1, 1.2, 1.3, 1.2, 1.1, 1.4, 1.2, 1, 0.8, 0.7],
    weekend: 1.1,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 96,
    photo_rate: 0.08,
    attributes: [
      {
        code: 'MATERIALS', datatype: 'multivaluelist', required: true,
        description: ['What was dumped?', '¿Qué se arrojó?', 'Qu’est-ce qui a été déposé ?'],
        values: [
          { key: 'furniture', name: ['Furniture', 'Muebles', 'Meubles'], weight: 4 },
          { key: 'mattress', name: ['Mattress', 'Colchón', 'Matelas'], weight: 3 },
          { key: 'tires', name: ['Tires', 'Llantas', 'Pneus'], weight: 2 },
          { key: 'appliances', name: ['Appliances', 'Electrodomésticos', 'Électroménager'], weight: 1.5 },
          { key: 'construction', name: ['Construction debris', 'Escombros de obra', 'Gravats'], weight: 2 },
          { key: 'bags', name: ['Bags of trash', 'Bolsas de basura', 'Sacs d’ordures'], weight: 4 },
          { key: 'hazardous', name: ['Paint, oil or chemicals', 'Pintura, aceite o químicos', 'Peinture, huile ou produits chimiques'], weight: 0.5 },
        ],
      },
      {
        code: 'VOLUME', datatype: 'number', required: false, hint: ['Cubic yards; a pickup truck bed holds about 2', 'Yardas cúbicas; la caja de una camioneta lleva unas 2', 'Yards cubes ; la benne d’un pick-up en contient environ 2'],
        description: ['About how much (cubic yards)?', '¿Cuánto aproximadamente (yardas cúbicas)?', 'Quel volume environ (verges cubes) ?'],
        answer: (c) => (Math.round(c.rng.logNormal(1.5, 0.7) * 2) / 2 || 0.5).toFixed(1),
      },
      {
        code: 'WITNESSED', datatype: 'singlevaluelist', required: false,
        description: ['Did you see who dumped it?', '¿Vio quién lo arrojó?', 'Avez-vous vu qui l’a déposé ?'],
        values: [
          { key: 'yes', name: ['Yes', 'Sí', 'Oui'] },
          { key: 'no', name: ['No', 'No', 'Non'], weight: 5 },
        ],
      },
      {
        code: 'VEHICLE', datatype: 'string', required: false, hint: ['Make, colour, plate if known', 'Marca, color y matrícula si la conoce', 'Marque, couleur, plaque si vous la connaissez'],
        description: ['Vehicle used, if seen', 'Vehículo utilizado, si lo vio', 'Véhicule utilisé, si vu'],
        answer: (c) => `${c.rng.pick(COLOURS)} ${c.rng.pick(['pickup truck', 'box truck', 'van', 'SUV with trailer', 'flatbed'])}`,
      },
    ],
    descriptions: [
      '[MATERIALS=mattress|furniture] Someone dumped a mattress and a couch in the alley behind {address}.',
      '[MATERIALS=tires] Pile of tires on the side of {street} near {cross}.',
      '[MATERIALS=construction] Construction debris (drywall, shingles) dumped at the vacant lot on {street}.',
      '[MATERIALS=bags] Bags of household trash piled against the fence at {address}. Raccoons are getting into them.',
      '[MATERIALS=appliances] Old refrigerator left on the curb at {street} and {cross} for over a week.',
      '[MATERIALS=hazardous] Paint cans and what looks like motor oil dumped near the storm drain at {address}.',
      '[MATERIALS=furniture] Furniture left on the parkway in front of {address} after a move-out.',
    ],
    notes: {
      working: [
        { status: 'investigating', notes: ['Code enforcement officer will inspect the site.', 'Checking for evidence to identify the dumper.'] },
        { status: 'action_scheduled', notes: ['Removal scheduled with the bulk crew.'] },
      ],
      fixed: ['Material removed from the right-of-way.', 'Site cleaned up; tires taken for recycling.', 'Debris removed. Warning sign posted.'],
    },
    outcomes: { fixed: 70, closed: 6, duplicate: 8, no_further_action: 4, not_councils_responsibility: 12 },
  },
  {
    code: 'GRAFFITI',
    type: 'batch',
    name: ['Graffiti removal', 'Eliminación de grafiti', 'Enlèvement de graffitis'],
    description: [
      'Graffiti or tagging on a building, fence, utility box, sign or bridge. Requests are reviewed in batches; you get a tracking token.',
      'Grafiti en un edificio, valla, caja de servicios, señal o puente. Las solicitudes se revisan por lotes; recibirá un código de seguimiento.',
      'Graffiti ou tag sur un bâtiment, une clôture, un coffret, un panneau ou un pont. Les demandes sont traitées par lots ; vous recevez un jeton de suivi.',
    ],
    group: GROUP.sanitation,
    keywords: ['graffiti, tagging, vandalism, paint, spray', 'grafiti, pintadas, vandalismo, pintura', 'graffiti, tag, vandalisme, peinture'],
    agency: 'Neighborhood Services – Graffiti Abatement',
    notice: 'Offensive graffiti is removed within 24 hours, other graffiti within 7 days.',
    sla_hours: 168,
    weight: 9,
    seasonal: [0.6, 0.6, 0.9, 1.1, 1.2, 1.3, 1.3, 1.3, 1.2, 1, 0.8, 0.6],
    weekend: 1.2,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 110,
    photo_rate: 0.12,
    attributes: [
      {
        code: 'WAIVER', datatype: 'text', required: false, variable: false,
        description: [
          'Graffiti on private property is removed free of charge once the owner signs a consent waiver; the crew leaves one at the address.',
          'El grafiti en propiedad privada se elimina gratis cuando el dueño firma una autorización; el equipo deja una en la dirección.',
          'Les graffitis sur propriété privée sont effacés gratuitement après signature d’une autorisation par le propriétaire ; l’équipe en dépose une à l’adresse.',
        ],
      },
      {
        code: 'SURFACE', datatype: 'singlevaluelist', required: true,
        description: ['Where is the graffiti?', '¿Dónde está el grafiti?', 'Où se trouve le graffiti ?'],
        values: [
          { key: 'public_building', name: ['Public building', 'Edificio público', 'Bâtiment public'], weight: 2 },
          { key: 'private_building', name: ['Private building', 'Edificio privado', 'Bâtiment privé'], weight: 4 },
          { key: 'fence', name: ['Fence or wall', 'Valla o muro', 'Clôture ou mur'], weight: 4 },
          { key: 'utility_box', name: ['Utility box', 'Caja de servicios', 'Coffret technique'], weight: 3 },
          { key: 'sign', name: ['Street sign', 'Señal de tráfico', 'Panneau'], weight: 2 },
          { key: 'bridge', name: ['Bridge or underpass', 'Puente o paso inferior', 'Pont ou passage souterrain'], weight: 1.5 },
        ],
      },
      {
        code: 'OFFENSIVE', datatype: 'singlevaluelist', required: true,
        description: ['Is it offensive or gang-related?', '¿Es ofensivo o relacionado con pandillas?', 'Est-il injurieux ou lié à un gang ?'],
        values: [
          { key: 'yes', name: ['Yes', 'Sí', 'Oui'] },
          { key: 'no', name: ['No', 'No', 'Non'], weight: 5 },
        ],
      },
      {
        code: 'AREA_SQFT', datatype: 'number', required: false, hint: ['Square feet, roughly', 'Pies cuadrados, aproximadamente', 'Pieds carrés, à peu près'],
        description: ['Approximate size (sq ft)', 'Tamaño aproximado (pies cuadrados)', 'Surface approximative (pi²)'],
        answer: (c) => String(Math.max(2, Math.round(c.rng.logNormal(20, 0.9)))),
      },
    ],
    descriptions: [
      '[SURFACE=utility_box] Fresh tags on the utility box at {street} and {cross}.',
      '[SURFACE=private_building|public_building] Graffiti sprayed across the side wall of {address}.',
      '[SURFACE=sign] Spray paint on the stop sign at {street}/{cross}, can barely read it.',
      '[SURFACE=bridge] Large tag on the underpass wall near {cross}.',
      '[SURFACE=fence;OFFENSIVE=yes] Offensive words painted on the fence at {address}. Kids walk past this every day.',
      '[SURFACE=fence] New graffiti on the wall along the alley behind {address}.',
    ],
    notes: {
      working: [
        { status: 'action_scheduled', notes: ['Added to the abatement crew’s route.', 'Consent waiver left with the property owner.'] },
        { status: 'in_progress', notes: ['Crew assigned.'] },
      ],
      fixed: ['Graffiti painted over.', 'Removed with pressure washer.', 'Graffiti removed; surface coated with anti-graffiti film.'],
    },
    outcomes: { fixed: 74, closed: 8, duplicate: 8, no_further_action: 5, not_councils_responsibility: 5 },
  },
  {
    code: 'DEAD_ANIMAL',
    type: 'realtime',
    name: ['Dead animal removal', 'Retiro de animal muerto', 'Enlèvement d’animal mort'],
    description: [
      'A dead animal on a street, sidewalk or other public place.',
      'Un animal muerto en una calle, acera u otro lugar público.',
      'Un animal mort dans une rue, sur un trottoir ou dans un autre lieu public.',
    ],
    group: GROUP.sanitation,
    keywords: ['dead animal, deer, raccoon, roadkill', 'animal muerto, ciervo, mapache', 'animal mort, cerf, raton laveur'],
    agency: 'Solid Waste Services',
    notice: 'Dead animals on public property are removed within one business day.',
    sla_hours: 24,
    weight: 4,
    seasonal: [0.8, 0.7, 0.9, 1.1, 1.3, 1.3, 1.2, 1.2, 1.1, 1.2, 1.1, 0.8],
    weekend: 0.9,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 18,
    photo_rate: 0,
    attributes: [],
    descriptions: [
      'Dead deer on the shoulder of {street} near {cross}.',
      'Dead raccoon in the street in front of {address}.',
      'Dead opossum on the sidewalk at {street} & {cross}.',
      'Dead cat in the gutter near {address}.',
    ],
    notes: {
      working: [{ status: 'in_progress', notes: ['Crew dispatched.'] }],
      fixed: ['Animal removed.', 'Removed and area disinfected.'],
    },
    outcomes: { fixed: 84, closed: 6, duplicate: 6, not_councils_responsibility: 4 },
  },
  {
    code: 'FALLEN_TREE',
    type: 'realtime',
    name: ['Fallen tree or limb', 'Árbol o rama caída', 'Arbre ou branche tombé'],
    description: [
      'A fallen or hanging tree or branch from a city tree blocking a street, sidewalk or park path.',
      'Un árbol o rama caída o colgante de un árbol municipal que bloquea una calle, acera o sendero.',
      'Un arbre ou une branche tombé ou suspendu, d’un arbre municipal, qui bloque une rue, un trottoir ou une allée.',
    ],
    group: GROUP.parks,
    keywords: ['tree, branch, limb, storm, fallen', 'árbol, rama, tormenta, caída', 'arbre, branche, tempête, chute'],
    agency: 'Parks & Forestry',
    notice: 'Trees blocking a street are cleared the same day; other debris within 3 days.',
    sla_hours: 24,
    weight: 6,
    seasonal: [0.9, 0.8, 0.9, 1.3, 1.6, 1.8, 1.6, 1.3, 0.9, 0.8, 0.6, 1],
    weekend: 1,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 28,
    photo_rate: 0.1,
    attributes: [
      {
        code: 'POWER_LINES', datatype: 'text', required: false, variable: false,
        description: [
          'Stay at least 35 feet away from any tree touching power lines and call MidAmerica Power at 555-0142.',
          'Manténgase al menos a 10 metros de cualquier árbol que toque cables eléctricos y llame a MidAmerica Power al 555-0142.',
          'Restez à au moins 10 mètres de tout arbre touchant des lignes électriques et appelez MidAmerica Power au 555-0142.',
        ],
      },
      {
        code: 'BLOCKING', datatype: 'multivaluelist', required: true,
        description: ['What is it blocking?', '¿Qué está bloqueando?', 'Que bloque-t-il ?'],
        values: [
          { key: 'road', name: ['Street', 'Calle', 'Rue'], weight: 4 },
          { key: 'sidewalk', name: ['Sidewalk', 'Acera', 'Trottoir'], weight: 4 },
          { key: 'power_lines', name: ['Touching power lines', 'Toca cables eléctricos', 'Touche des lignes électriques'], weight: 0.7 },
          { key: 'vehicle', name: ['On a vehicle', 'Sobre un vehículo', 'Sur un véhicule'], weight: 0.5 },
          { key: 'nothing', name: ['Nothing, but it is hanging', 'Nada, pero está colgando', 'Rien, mais elle pend'], weight: 2 },
        ],
      },
      {
        code: 'SIZE', datatype: 'singlevaluelist', required: true,
        description: ['How much came down?', '¿Qué cayó?', 'Qu’est-ce qui est tombé ?'],
        values: [
          { key: 'whole_tree', name: ['Whole tree', 'Árbol entero', 'Arbre entier'], weight: 1 },
          { key: 'large_limb', name: ['Large limb (over 6 in. thick)', 'Rama grande (más de 15 cm)', 'Grosse branche (plus de 15 cm)'], weight: 4 },
          { key: 'branches', name: ['Small branches', 'Ramas pequeñas', 'Petites branches'], weight: 4 },
        ],
      },
    ],
    descriptions: [
      '[SIZE=large_limb;BLOCKING=road] Large limb down across {street} near {cross} after last night’s storm.',
      '[SIZE=whole_tree;BLOCKING=sidewalk] Tree fell onto the sidewalk in front of {address}, can’t get a stroller past.',
      '[BLOCKING=nothing] Cracked branch hanging over {street} at {cross}, looks like it could fall any time.',
      '[SIZE=whole_tree;BLOCKING=road] Whole tree uprooted at {address}, partly blocking the street.',
      '[SIZE=branches] Branches down all along {street} between {cross} and the next block.',
      'Storm damage to the city tree in front of {address}.',
    ],
    notes: {
      working: [
        { status: 'in_progress', notes: ['Forestry crew dispatched.', 'Crew on site clearing the street.'] },
        { status: 'action_scheduled', notes: ['Street cleared; stump and debris removal scheduled.'] },
      ],
      fixed: ['Tree removed and debris chipped.', 'Limb cut and cleared from the right-of-way.', 'Hanging branch pruned.'],
    },
    outcomes: { fixed: 80, closed: 5, duplicate: 10, not_councils_responsibility: 5 },
  },
  {
    code: 'PLAYGROUND',
    type: 'realtime',
    name: ['Playground damage', 'Daños en parque infantil', 'Aire de jeux endommagée'],
    description: [
      'Broken or unsafe equipment, surfacing, fences or fountains in a city playground.',
      'Equipos, suelos, vallas o fuentes rotos o inseguros en un parque infantil municipal.',
      'Équipement, revêtement, clôture ou fontaine cassé ou dangereux dans une aire de jeux municipale.',
    ],
    group: GROUP.parks,
    keywords: ['playground, swing, slide, park, equipment', 'parque infantil, columpio, tobogán, juegos', 'aire de jeux, balançoire, toboggan, parc'],
    agency: 'Parks & Forestry',
    notice: 'Unsafe equipment is taped off the same day and repaired within 4 days.',
    sla_hours: 96,
    weight: 3,
    seasonal: [0.3, 0.3, 0.7, 1.2, 1.5, 1.8, 1.8, 1.6, 1.2, 0.9, 0.5, 0.3],
    weekend: 1.8,
    hours: DAYTIME,
    placement: 'park',
    resolve_median_h: 80,
    photo_rate: 0.15,
    attributes: [
      {
        code: 'PARK', datatype: 'string', required: true, hint: ['Name of the park', 'Nombre del parque', 'Nom du parc'],
        description: ['Which park?', '¿Qué parque?', 'Quel parc ?'],
        answer: (c) => c.place.park ?? 'Bellamy Park',
      },
      {
        code: 'EQUIPMENT', datatype: 'singlevaluelist', required: true,
        description: ['What is damaged?', '¿Qué está dañado?', 'Qu’est-ce qui est endommagé ?'],
        values: [
          { key: 'swing', name: ['Swing', 'Columpio', 'Balançoire'], weight: 4 },
          { key: 'slide', name: ['Slide', 'Tobogán', 'Toboggan'], weight: 2 },
          { key: 'climber', name: ['Climbing structure', 'Estructura para trepar', 'Structure d’escalade'], weight: 2 },
          { key: 'surfacing', name: ['Ground surface', 'Suelo', 'Revêtement du sol'], weight: 2 },
          { key: 'fence', name: ['Fence or gate', 'Valla o puerta', 'Clôture ou portail'], weight: 1.5 },
          { key: 'fountain', name: ['Drinking fountain', 'Fuente de agua', 'Fontaine à boire'], weight: 1 },
        ],
      },
      {
        code: 'UNSAFE', datatype: 'singlevaluelist', required: false,
        description: ['Is it unsafe to use right now?', '¿Es peligroso usarlo ahora?', 'Est-il dangereux de l’utiliser maintenant ?'],
        values: YES_NO,
      },
      {
        code: 'DETAILS', datatype: 'text', required: false, hint: ['Anything the crew should know', 'Lo que el equipo deba saber', 'Ce que l’équipe doit savoir'],
        description: ['Describe the damage', 'Describa el daño', 'Décrivez les dégâts'],
        answer: pickOf([
          'Chain is broken on one side, the seat hangs down.',
          'Sharp edge sticking out where a panel cracked.\nA child already cut a finger on it.',
          'Wood chips are worn down to the dirt under the swings.',
          'Gate spring is broken so the gate does not close by itself.',
          'Bolts missing from the platform; it wobbles.',
          'Fountain runs constantly and has flooded the area.',
        ]),
      },
    ],
    descriptions: [
      '[EQUIPMENT=swing] Swing chain broken at {park}.',
      '[EQUIPMENT=slide] Slide at {park} has a crack with sharp edges.',
      '[EQUIPMENT=fence] Playground gate at {park} won’t latch; toddlers can wander out onto {street}.',
      '[EQUIPMENT=surfacing] Surface under the climbing dome at {park} is worn through.',
      '[EQUIPMENT=fountain] Drinking fountain by the playground at {park} not working.',
      '[EQUIPMENT=climber] Loose handhold on the climbing wall at {park}.',
    ],
    notes: {
      working: [
        { status: 'in_progress', notes: ['Equipment taped off; parts ordered.', 'Park maintenance crew assigned.'] },
        { status: 'action_scheduled', notes: ['Repair scheduled once replacement parts arrive.'] },
      ],
      fixed: ['Replaced the damaged part.', 'Repaired and inspected; equipment reopened.', 'Surfacing topped up.'],
    },
    outcomes: { fixed: 82, closed: 6, duplicate: 8, no_further_action: 4 },
  },
  {
    code: 'WATER_LEAK',
    type: 'realtime',
    name: ['Water leak', 'Fuga de agua', 'Fuite d’eau'],
    description: [
      'Water leaking or bubbling from the street, sidewalk, a hydrant or a meter box.',
      'Agua que sale de la calle, la acera, una boca de incendios o una caja de contador.',
      'De l’eau qui fuit ou jaillit de la chaussée, du trottoir, d’une borne d’incendie ou d’un regard de compteur.',
    ],
    group: GROUP.water,
    keywords: ['leak, water main, hydrant, meter, break', 'fuga, tubería, hidrante, contador', 'fuite, conduite, borne, compteur'],
    agency: 'Riverton Water Works',
    notice: 'Water main breaks are answered around the clock; a crew is usually on site within 8 hours.',
    sla_hours: 8,
    weight: 5,
    seasonal: [1.8, 1.7, 1.2, 0.9, 0.8, 0.8, 0.9, 0.9, 0.8, 0.9, 1.1, 1.5],
    weekend: 0.9,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 20,
    photo_rate: 0.05,
    attributes: [
      {
        code: 'WHERE', datatype: 'singlevaluelist', required: true,
        description: ['Where is the water coming from?', '¿De dónde sale el agua?', 'D’où vient l’eau ?'],
        values: [
          { key: 'street', name: ['Street', 'Calle', 'Chaussée'], weight: 4 },
          { key: 'sidewalk', name: ['Sidewalk or parkway', 'Acera o franja verde', 'Trottoir ou bande gazonnée'], weight: 3 },
          { key: 'hydrant', name: ['Fire hydrant', 'Boca de incendios', 'Borne d’incendie'], weight: 2 },
          { key: 'meter', name: ['Meter box', 'Caja del contador', 'Regard de compteur'], weight: 2 },
        ],
      },
      {
        code: 'FLOW', datatype: 'singlevaluelist', required: true,
        description: ['How much water?', '¿Cuánta agua?', 'Quel débit ?'],
        values: [
          { key: 'trickle', name: ['Trickle', 'Goteo', 'Filet'], weight: 4 },
          { key: 'steady', name: ['Steady flow', 'Flujo constante', 'Écoulement continu'], weight: 3 },
          { key: 'gushing', name: ['Gushing', 'Chorro fuerte', 'Jaillissement'], weight: 1 },
        ],
      },
      {
        code: 'STARTED_AT', datatype: 'datetime', required: false, hint: ['Date and time, e.g. 2025-01-14T06:30', 'Fecha y hora', 'Date et heure'],
        description: ['When did it start?', '¿Cuándo empezó?', 'Depuis quand ?'],
        answer: (c) => hoursBefore(c, 1, 72),
      },
    ],
    descriptions: [
      '[WHERE=street] Water bubbling up through a crack in {street} near {cross}.',
      '[WHERE=hydrant] Hydrant at {street} and {cross} is leaking steadily.',
      '[WHERE=meter] Meter box in front of {address} is full of water and overflowing onto the sidewalk.',
      '[WHERE=street|sidewalk] Water running down the gutter on {street} for two days, it has not rained.',
      '[WHERE=street] Street is icing over near {address} from a leak in the pavement.',
      '[WHERE=sidewalk] Parkway in front of {address} is soggy and water seeps onto the sidewalk.',
    ],
    notes: {
      working: [
        { status: 'investigating', notes: ['Leak detection crew sent to locate the source.'] },
        { status: 'in_progress', notes: ['Crew on site; water shut off to the block for repairs.', 'Excavating to reach the main.'] },
      ],
      fixed: ['Main break repaired; pavement restoration to follow.', 'Hydrant valve replaced.', 'Service line leak repaired.'],
    },
    outcomes: { fixed: 78, closed: 4, duplicate: 12, not_councils_responsibility: 6 },
  },
  {
    code: 'BLOCKED_DRAIN',
    type: 'realtime',
    name: ['Blocked storm drain', 'Alcantarilla obstruida', 'Avaloir bouché'],
    description: [
      'A storm drain or inlet blocked by leaves or debris, or street flooding after rain.',
      'Una alcantarilla o sumidero obstruido por hojas o basura, o calles inundadas tras la lluvia.',
      'Un avaloir ou une bouche d’égout bouché par des feuilles ou des débris, ou une rue inondée après la pluie.',
    ],
    group: GROUP.water,
    keywords: ['storm drain, flooding, sewer, inlet, catch basin', 'alcantarilla, inundación, desagüe, sumidero', 'avaloir, inondation, égout, bouche'],
    agency: 'Riverton Water Works – Stormwater',
    notice: 'Blocked drains are cleared within 2 business days, sooner when streets flood.',
    sla_hours: 48,
    weight: 5,
    seasonal: [0.6, 0.7, 1.3, 1.6, 1.5, 1.3, 1, 1, 1, 1.3, 1.3, 0.8],
    weekend: 1,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 40,
    photo_rate: 0.06,
    attributes: [
      {
        code: 'FLOODING', datatype: 'singlevaluelist', required: true,
        description: ['Is there flooding?', '¿Hay inundación?', 'Y a-t-il une inondation ?'],
        values: [
          { key: 'none', name: ['No flooding', 'Sin inundación', 'Pas d’inondation'], weight: 4 },
          { key: 'street', name: ['Street flooded', 'Calle inundada', 'Rue inondée'], weight: 3 },
          { key: 'sidewalk', name: ['Sidewalk flooded', 'Acera inundada', 'Trottoir inondé'], weight: 1.5 },
          { key: 'property', name: ['Water reaching property', 'El agua llega a la propiedad', 'L’eau atteint une propriété'], weight: 0.5 },
        ],
      },
      {
        code: 'DEPTH_CM', datatype: 'number', required: false, hint: ['Centimetres', 'Centímetros', 'Centimètres'],
        description: ['Water depth (cm), if flooded', 'Profundidad del agua (cm)', 'Hauteur d’eau (cm)'],
        answer: (c) => String(c.rng.int(2, 40)),
      },
      {
        code: 'DEBRIS', datatype: 'multivaluelist', required: false,
        description: ['What is blocking it?', '¿Qué lo obstruye?', 'Qu’est-ce qui le bouche ?'],
        values: [
          { key: 'leaves', name: ['Leaves', 'Hojas', 'Feuilles'], weight: 4 },
          { key: 'trash', name: ['Trash', 'Basura', 'Déchets'], weight: 2 },
          { key: 'sediment', name: ['Mud or gravel', 'Barro o grava', 'Boue ou gravier'], weight: 2 },
          { key: 'ice', name: ['Ice or snow', 'Hielo o nieve', 'Glace ou neige'], weight: 1 },
        ],
      },
    ],
    descriptions: [
      '[FLOODING=none|street] Storm drain at {street} and {cross} is completely covered with leaves.',
      '[FLOODING=street|sidewalk] Water pooling a foot deep at the corner of {street} & {cross} every time it rains.',
      'Inlet in front of {address} is clogged with trash and mud.',
      '[FLOODING=street] Street flooding on {street} near {cross}, cars are throwing water onto the sidewalk.',
      '[FLOODING=property] Drain at {street} & {cross} backs up and the water reaches the garage at {address}.',
    ],
    notes: {
      working: [
        { status: 'action_scheduled', notes: ['Added to the vactor truck schedule.'] },
        { status: 'in_progress', notes: ['Crew clearing the inlet.'] },
      ],
      fixed: ['Inlet cleared.', 'Catch basin cleaned with the vactor truck.', 'Grate cleared and line jetted.'],
    },
    outcomes: { fixed: 80, closed: 6, duplicate: 10, no_further_action: 4 },
  },
  {
    code: 'NOISE',
    type: 'blackbox',
    name: ['Noise complaint', 'Queja por ruido', 'Plainte pour bruit'],
    description: [
      'Ongoing noise from parties, construction outside permitted hours, barking dogs, vehicles or businesses. No tracking number is given.',
      'Ruido persistente de fiestas, obras fuera de horario, perros, vehículos o comercios. No se entrega número de seguimiento.',
      'Bruit persistant : fêtes, chantier hors horaires, chiens, véhicules ou commerces. Aucun numéro de suivi n’est donné.',
    ],
    group: GROUP.neighbourhood,
    keywords: ['noise, loud, music, party, barking, construction', 'ruido, música, fiesta, ladridos, obras', 'bruit, musique, fête, aboiements, chantier'],
    agency: 'Riverton Police Department – Community Response',
    notice: 'Complaints are reviewed by community officers. For noise happening now after 10 pm, call 555-0100.',
    sla_hours: null,
    weight: 9,
    seasonal: [0.5, 0.5, 0.7, 0.9, 1.2, 1.6, 1.9, 1.7, 1.2, 1, 0.6, 0.7],
    weekend: 1.9,
    hours: EVENING,
    placement: 'street',
    resolve_median_h: 50,
    photo_rate: 0,
    attributes: [
      {
        code: 'SOURCE', datatype: 'singlevaluelist', required: true,
        description: ['What kind of noise?', '¿Qué tipo de ruido?', 'Quel type de bruit ?'],
        values: [
          { key: 'party', name: ['Music or party', 'Música o fiesta', 'Musique ou fête'], weight: 6 },
          { key: 'construction', name: ['Construction', 'Obras', 'Chantier'], weight: 2 },
          { key: 'dog', name: ['Barking dog', 'Perro ladrando', 'Chien qui aboie'], weight: 3 },
          { key: 'vehicle', name: ['Vehicle or motorcycle', 'Vehículo o motocicleta', 'Véhicule ou moto'], weight: 2 },
          { key: 'business', name: ['Bar or business', 'Bar o comercio', 'Bar ou commerce'], weight: 2 },
          { key: 'alarm', name: ['Alarm', 'Alarma', 'Alarme'], weight: 1 },
          { key: 'fireworks', name: ['Fireworks', 'Fuegos artificiales', 'Feux d’artifice'], weight: 0.7 },
        ],
      },
      {
        code: 'STARTED_AT', datatype: 'datetime', required: true, hint: ['Date and time, e.g. 2025-07-04T22:15', 'Fecha y hora', 'Date et heure'],
        description: ['When did it start?', '¿Cuándo empezó?', 'Quand a-t-il commencé ?'],
        answer: (c) => hoursBefore(c, 0.1, 3),
      },
      {
        code: 'RECURRING', datatype: 'singlevaluelist', required: false,
        description: ['Does this happen often?', '¿Ocurre con frecuencia?', 'Cela arrive-t-il souvent ?'],
        values: YES_NO,
      },
      {
        code: 'DETAILS', datatype: 'text', required: false, hint: ['Anything else officers should know', 'Cualquier otra cosa que los agentes deban saber', 'Tout ce que les agents doivent encore savoir'],
        description: ['More details', 'Más detalles', 'Plus de détails'],
        answer: pickOf([
          'Bass is shaking our windows. This is the third weekend in a row.',
          'Dog left outside barking for hours while the owners are at work.',
          'Crew started jackhammering before 6 am.',
          'Motorcycles revving in the parking lot every night around midnight.',
          'Car alarm going off every 20 minutes.\nThe car has been parked there since Friday.',
        ]),
      },
    ],
    descriptions: [
      '[SOURCE=party] Loud party with music at {address}, still going.',
      '[SOURCE=construction] Construction crew working before 7 am on {street} near {cross}.',
      '[SOURCE=dog] Dog barking nonstop in the backyard at {address}.',
      '[SOURCE=business] Bar on {street} at {cross} plays live music with the doors open past midnight.',
      '[SOURCE=fireworks] Fireworks being set off in the street near {address}.',
      '[SOURCE=vehicle] Motorcycles racing up and down {street} late at night.',
      '[SOURCE=alarm] Alarm at the building at {address} has been going off for an hour.',
    ],
    notes: {
      working: [{ status: 'investigating', notes: ['Forwarded to the community response officer for the area.'] }],
      fixed: ['Officer spoke with the residents.', 'Warning issued to the property owner.', 'Business owner contacted about the noise ordinance.'],
    },
    outcomes: { closed: 55, no_further_action: 30, duplicate: 10, not_councils_responsibility: 5 },
  },
  {
    code: 'ABANDONED_VEHICLE',
    type: 'realtime',
    name: ['Abandoned vehicle', 'Vehículo abandonado', 'Véhicule abandonné'],
    description: [
      'A vehicle parked on a city street for more than 72 hours, or one that appears abandoned or inoperable.',
      'Un vehículo estacionado en una calle de la ciudad más de 72 horas, o que parece abandonado o averiado.',
      'Un véhicule stationné dans une rue de la ville depuis plus de 72 heures, ou qui semble abandonné ou hors d’usage.',
    ],
    group: GROUP.neighbourhood,
    keywords: ['abandoned, car, vehicle, parked, junk car', 'abandonado, auto, vehículo, estacionado', 'abandonné, voiture, véhicule, épave'],
    agency: 'Riverton Police Department – Parking Enforcement',
    notice: 'An officer will tag the vehicle within 3 days; owners then have 72 hours to move it before it is towed.',
    sla_hours: 240,
    weight: 6,
    seasonal: FLAT_YEAR,
    weekend: 0.8,
    hours: DAYTIME,
    placement: 'street',
    resolve_median_h: 170,
    photo_rate: 0.05,
    attributes: [
      {
        code: 'RULES', datatype: 'text', required: false, variable: false,
        description: [
          'Vehicles parked more than 72 hours on a city street may be tagged and towed. Vehicles on private property are not handled by the city.',
          'Los vehículos estacionados más de 72 horas en la calle pueden ser multados y remolcados. Los que están en propiedad privada no los gestiona la ciudad.',
          'Les véhicules stationnés plus de 72 heures dans la rue peuvent être verbalisés et remorqués. Ceux sur une propriété privée ne relèvent pas de la ville.',
        ],
      },
      {
        code: 'PLATE', datatype: 'string', required: false, hint: ['License plate and state, e.g. ABC 123', 'Matrícula y estado, p. ej. ABC 123', 'Plaque et État, p. ex. ABC 123'],
        description: ['License plate', 'Matrícula', 'Plaque d’immatriculation'],
        answer: plate,
      },
      {
        code: 'MAKE', datatype: 'string', required: false, hint: ['e.g. Ford Taurus', 'p. ej. Ford Taurus', 'p. ex. Ford Taurus'],
        description: ['Make and model', 'Marca y modelo', 'Marque et modèle'],
        answer: pickOf(VEHICLE_MAKES),
      },
      {
        code: 'COLOR', datatype: 'string', required: false,
        description: ['Color', 'Color', 'Couleur'],
        answer: pickOf(COLOURS),
      },
      {
        code: 'DAYS', datatype: 'number', required: true, hint: ['Whole number of days', 'Número entero de días', 'Nombre entier de jours'],
        description: ['How many days has it been there?', '¿Cuántos días lleva allí?', 'Depuis combien de jours est-il là ?'],
        answer: (c) => String(c.rng.weighted([3, 4, 5, 7, 10, 14, 21, 30, 45], (n) => 10 / n)),
      },
      {
        code: 'CONDITION', datatype: 'multivaluelist', required: false,
        description: ['Condition of the vehicle', 'Estado del vehículo', 'État du véhicule'],
        values: [
          { key: 'flat_tires', name: ['Flat tires', 'Llantas desinfladas', 'Pneus à plat'], weight: 3 },
          { key: 'broken_windows', name: ['Broken windows', 'Ventanas rotas', 'Vitres cassées'], weight: 2 },
          { key: 'no_plates', name: ['No plates', 'Sin matrícula', 'Sans plaques'], weight: 1.5 },
          { key: 'expired', name: ['Expired registration', 'Registro vencido', 'Immatriculation expirée'], weight: 2 },
          { key: 'leaking', name: ['Leaking fluids', 'Pierde líquidos', 'Fuite de liquides'], weight: 0.7 },
        ],
      },
    ],
    descriptions: [
      '[CONDITION=flat_tires] Car with flat tires has not moved from in front of {address} in weeks.',
      '[CONDITION=no_plates] Van with no plates parked on {street} near {cross} since last month.',
      'Vehicle on {street} near {cross} has not moved in weeks, covered in leaves and parking tickets.',
      '[CONDITION=broken_windows] Vehicle with smashed windows left at {street} & {cross}.',
      '[CONDITION=expired] Same car parked at {address} for over two weeks, expired tags.',
    ],
    notes: {
      working: [
        { status: 'investigating', notes: ['Officer assigned to inspect the vehicle.'] },
        { status: 'action_scheduled', notes: ['Vehicle tagged with a 72-hour notice.', 'Tow requested.'] },
      ],
      fixed: ['Vehicle towed.', 'Owner moved the vehicle after being tagged.', 'Vehicle removed to the city impound lot.'],
    },
    outcomes: { fixed: 60, closed: 14, duplicate: 8, no_further_action: 8, not_councils_responsibility: 10 },
  },
];

// ---------------------------------------------------------------------------------------------
// Records for the store

/** The answer attribute definitions the store keeps (order 1, 2, … in catalogue order). */
export function toAttributes(s: DemoService): Attribute[] {
  return s.attributes.map((a, i): Attribute => {
    const attr: Attribute = {
      variable: a.variable !== false,
      code: a.code,
      datatype: a.datatype,
      required: a.variable === false ? false : a.required,
      datatype_description: a.hint?.[0] ?? null,
      order: i + 1,
      description: a.description[0],
    };
    if (a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist') {
      attr.values = (a.values ?? []).map((v) => ({ key: v.key, name: v.name[0] }));
    }
    return attr;
  });
}

function translation(s: DemoService, locale: number): ServiceTranslation {
  const attributes: NonNullable<ServiceTranslation['attributes']> = {};
  for (const a of s.attributes) {
    const entry: { description?: string; datatype_description?: string; values?: Record<string, string> } = { description: a.description[locale] as string };
    if (a.hint) entry.datatype_description = a.hint[locale] as string;
    if (a.values) entry.values = Object.fromEntries(a.values.map((v) => [v.key, v.name[locale] as string]));
    attributes[a.code] = entry;
  }
  return {
    service_name: s.name[locale] as string,
    description: s.description[locale] as string,
    group: s.group[locale] as string,
    keywords: s.keywords[locale] as string,
    attributes,
  };
}

export function toServiceRecord(s: DemoService, jurisdiction_id = DEMO_JURISDICTION.id): NewService {
  return {
    jurisdiction_id,
    service_code: s.code,
    service_name: s.name[0],
    description: s.description[0],
    type: s.type,
    keywords: s.keywords[0],
    group: s.group[0],
    active: true,
    agency_responsible: s.agency,
    service_notice: s.notice,
    sla_hours: s.sla_hours,
    attributes: toAttributes(s),
    translations: Object.fromEntries(LOCALES.map((locale, i) => [locale, translation(s, i + 1)])),
  };
}
