import type { Validator } from 'react-admin';
import { ChampMasque, type ChampMasqueProps, type FormatSaisie } from './ChampMasque';
import { dateHeureFrVersIso, estInstantIso, FORMAT_DATE_HEURE_FR, heureInexistanteParis, isoVersDateHeureFr, masquerDateHeureFr } from './dateFr';

/**
 * The French validation message: « Date et heure invalides : jj/mm/aaaa hh:mm », or the hour
 * Paris skips when the clocks go forward.
 */
export const dateHeureFrValide: Validator = (v: unknown) => {
  if (v == null || v === '' || estInstantIso(v)) return undefined;
  return typeof v === 'string' && heureInexistanteParis(v) ? 'app.validation.heureInexistante' : 'app.validation.dateHeureFr';
};

/** An instant: « jj/mm/aaaa hh:mm » in Paris time ↔ the ISO 8601 UTC instant. */
const INSTANT: FormatSaisie = {
  masquer: masquerDateHeureFr,
  lire: dateHeureFrVersIso,
  ecrire: isoVersDateHeureFr,
  estValeur: estInstantIso,
  memeValeur: (a, b) => a !== null && typeof b === 'string' && Date.parse(a) === Date.parse(b),
  valider: dateHeureFrValide,
  placeholder: FORMAT_DATE_HEURE_FR,
  maxLength: 16,
  aide: 'app.validation.dateHeureAide',
};

export type DateHeureFrInputProps = ChampMasqueProps;

/**
 * react-admin's DateTimeInput, French whatever the browser (UI-DATES-FR): a text field
 * « jj/mm/aaaa hh:mm » read in Paris time, whose record value is the ISO 8601 UTC instant the API
 * takes (null when empty). An incomplete or impossible date and time — or an hour Paris skips —
 * shows a French error and keeps the form from saving. A value changed from outside (reset)
 * rewrites the text; the typing does not.
 */
export function DateHeureFrInput(props: DateHeureFrInputProps) {
  return <ChampMasque saisie={INSTANT} {...props} />;
}
