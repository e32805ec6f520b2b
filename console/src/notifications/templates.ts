import { fr } from '@console/i18n/fr';

/** The templates the outbox filter offers, in the catalogue's order. */
export const TEMPLATES_CONNUS = Object.keys(fr.app.boiteEnvoi.templates);
export const templateChoices = TEMPLATES_CONNUS.map((id) => ({ id, name: `app.boiteEnvoi.templates.${id}` }));
