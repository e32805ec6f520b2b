import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useState, type ChangeEvent } from 'react';
import { FieldTitle, InputHelperText, sanitizeInputRestProps, useInput, useTranslate, type InputProps, type Validator } from 'react-admin';
import { dateFrVersIso, estJourIso, FORMAT_DATE_FR, isoVersDateFr, masquerDateFr } from './dateFr';

/**
 * The field's text and the value it stands for: the text follows the typing (masked), the value
 * is 'YYYY-MM-DD' once the day is complete and real, null when empty, the text itself otherwise
 * (so that a form refuses it). A value changed from outside (reset, filter cleared) rewrites the text.
 */
function useSaisieDateFr(valeur: unknown, changer: (v: string | null) => void) {
  const [texte, setTexte] = useState(() => isoVersDateFr(valeur));
  useEffect(() => {
    if (estJourIso(valeur)) {
      if (dateFrVersIso(texte) !== valeur) setTexte(isoVersDateFr(valeur));
    } else if (valeur == null || valeur === '') {
      if (dateFrVersIso(texte)) setTexte('');
    }
    // Only an outside change of the value rewrites the text, not the typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valeur]);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const t = masquerDateFr(e.target.value);
    setTexte(t);
    changer(t === '' ? null : (dateFrVersIso(t) ?? t));
  };
  return { texte, onChange };
}

/** The French validation message of a day that is not one: « Date invalide : jj/mm/aaaa ». */
export const dateFrValide: Validator = (v: unknown) => (v == null || v === '' || estJourIso(v) ? undefined : 'app.validation.dateFr');

const PROPRIETES_CHAMP: TextFieldProps['slotProps'] = {
  inputLabel: { shrink: true },
  htmlInput: { inputMode: 'numeric', placeholder: FORMAT_DATE_FR, maxLength: 10, autoComplete: 'off' },
};

export type DateFrInputProps = InputProps & Omit<TextFieldProps, 'label' | 'helperText' | 'onChange' | 'onBlur' | 'defaultValue' | 'value'>;

/**
 * react-admin's DateInput, French whatever the browser: a text field « jj/mm/aaaa » whose
 * record value is 'YYYY-MM-DD' (forms and list filters). An incomplete or impossible day shows
 * « Date invalide » and keeps the form from saving, the filter from applying.
 */
export function DateFrInput(props: DateFrInputProps) {
  const { label, helperText, source, resource, validate, defaultValue, className, ...rest } = props;
  const valide = Array.isArray(validate) ? [dateFrValide, ...validate] : validate ? [dateFrValide, validate] : [dateFrValide];
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ ...props, source, resource, defaultValue, validate: valide });
  const { texte, onChange } = useSaisieDateFr(field.value, field.onChange);
  return (
    <TextField
      id={id}
      name={field.name}
      inputRef={field.ref}
      onBlur={field.onBlur}
      value={texte}
      onChange={onChange}
      className={['ra-input', `ra-input-${source}`, className].filter(Boolean).join(' ')}
      label={label !== '' && label !== false ? <FieldTitle label={label} source={source} resource={resource} isRequired={isRequired} /> : null}
      error={invalid}
      helperText={<InputHelperText error={error?.message} helperText={helperText ?? FORMAT_DATE_FR} />}
      slotProps={PROPRIETES_CHAMP}
      {...sanitizeInputRestProps(rest)}
    />
  );
}

/**
 * The same field outside a react-admin form (a dialog's own state): `value` and `onChange` in
 * 'YYYY-MM-DD' ('' while the typed day is incomplete or impossible, with the French error).
 */
export function ChampDateFr({ value, onChange, label, ...rest }: { value: string; onChange: (iso: string) => void; label: string } & Omit<TextFieldProps, 'value' | 'onChange' | 'label'>) {
  const translate = useTranslate();
  const [touche, setTouche] = useState(false);
  const { texte, onChange: saisir } = useSaisieDateFr(value, (v) => onChange(v && estJourIso(v) ? v : ''));
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
      slotProps={PROPRIETES_CHAMP}
    />
  );
}
