/** Words of the one form at the top of the staff request page (status, message, templates, assignment). */
export const requestFormEn = {
  'reqform.title': 'Update this request',
  'reqform.status': 'Status',
  'reqform.messageGroup': 'Reply or note (optional)',
  'reqform.message': 'Message',
  'reqform.messageHint': 'Leave it empty to change only the other fields. A public reply sent with a new status is that change’s public note.',
  'reqform.templateNone': 'Choose a template',
  'reqform.templateHint': 'Adds the template’s text after what you typed (and picks its status, if it has one); edit it before saving.',
  'reqform.insertTemplate': 'Insert template',
  'reqform.templateMissing': 'Choose a template to insert.',
  'reqform.inserted': 'Template “{name}” inserted. Nothing is saved until you press “Save changes”.',
  'reqform.save': 'Save changes',
  'reqform.saved': 'Your changes were saved.',
} as const;

export type RequestFormKey = keyof typeof requestFormEn;
