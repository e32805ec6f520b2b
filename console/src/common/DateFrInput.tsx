import { TextField, type TextFieldProps } from '@mui/material';
import { useState } from 'react';
import { useTranslate, type Validator } from 'react-admin';
import { ChampMasque, proprietesChamp, useSaisieMasquee, type ChampMasqueProps, type FormatSaisie } from './ChampMasque';
import { dateFrVersIso, estJourIso, FORMAT_DATE_FR, isoVersDateFr, masquerDateFr } from './dateFr';

/** The French validation message of a day that is not one: « Date invalide : jj/mm/aaaa ». */
export const dateFrValide: Validator = (v: unknown) => (v == null || v === '' || estJourIso(v) ? undefined : 'app.validation.dateFr');

/** A day: « jj/mm/aaaa » ↔ 'YYYY-MM-DD'. */
const JOUR: FormatSaisie = {
  masquer: masquerDateFr,
  lire: dateFrVersIso,
  ecrire: isoVersDateFr,
  estValeur: estJourIso,
  memeValeur: (a, b) => a === b,
  valider: dateFrValide,
  placeholder: FORMAT_DATE_FR,
  maxLength: 10,
  aide: FORMAT_DATE_FR,
};

export type DateFrInputProps = ChampMasqueProps;

/**
 * react-admin's DateInput, French whatever the browser: a text field « jj/mm/aaaa » whose
 * record value is 'YYYY-MM-DD' (forms and list filters). An incomplete or impossible day shows
 * « Date invalide » and keeps the form from saving, the filter from applying.
 */
export function DateFrInput(props: DateFrInputProps) {
  return <ChampMasque saisie={JOUR} {...props} />;
}

/**
 * The same field outside a react-admin form (a dialog's own state): `value` and `onChange` in
 * 'YYYY-MM-DD' ('' while the typed day is incomplete or impossible, with the French error).
 */
export function ChampDateFr({ value, onChange, label, ...rest }: { value: string; onChange: (iso: string) => void; label: string } & Omit<TextFieldProps, 'value' | 'onChange' | 'label'>) {
  const translate = useTranslate();
  const [touche, setTouche] = useState(false);
  const { texte, onChange: saisir } = useSaisieMasquee(JOUR, value, (v) => onChange(v && estJourIso(v) ? v : ''));
  const invalide = touche && texte !== '' && !dateFrVersIso(texte);
  return (
    <TextField
      {...rest}
      label={label}
      value={texte}
      onChange={saisir}
      onBlur={() => setTouche(true)}
      error={invalide}
      helperText={invalide ? translate('app.validation.dateFr') : FORMAT_DATE_FR}
      slotProps={proprietesChamp(JOUR)}
    />
  );
}
