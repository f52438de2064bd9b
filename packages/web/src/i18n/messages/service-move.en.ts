/** Words of moving a request to another service on the staff request page. */
export const serviceMoveEn = {
  'serviceMove.label': 'Service',
  'serviceMove.hint': "Another service gives the request its name and notice, and its agency and expected date unless staff set them; answers to questions the new service does not ask are dropped. The move is shown in the public history.",
  'serviceMove.current': '{name} (current, inactive)',
  'serviceMove.ungrouped': 'Other services',
  'serviceMove.unknown': 'Choose one of the services listed.',
};

export type ServiceMoveKey = keyof typeof serviceMoveEn;
