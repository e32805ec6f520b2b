import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useState, type ChangeEvent } from 'react';
import { FieldTitle, InputHelperText, sanitizeInputRestProps, useInput, type InputProps, type Validator } from 'react-admin';
import { dateHeureFrVersIso, estInstantIso, FORMAT_DATE_HEURE_FR, heureInexistanteParis, isoVersDateHeureFr, masquerDateHeureFr } from './dateFr';

const memeInstant = (a: string | null, b: unknown) => a !== null && typeof b === 'string' && Date.parse(a) === Date.parse(b);

/**
 * The French validation message: « Date et heure invalides : jj/mm/aaaa hh:mm », or the hour
 * Paris skips when the clocks go forward.
 */
export const dateHeureFrValide: Validator = (v: unknown) => {
  if (v == null || v === '' || estInstantIso(v)) return undefined;
  return typeof v === 'string' && heureInexistanteParis(v) ? 'app.validation.heureInexistante' : 'app.validation.dateHeureFr';
};

const PROPRIETES_CHAMP: TextFieldProps['slotProps'] = {
  inputLabel: { shrink: true },
  htmlInput: { inputMode: 'numeric', placeholder: FORMAT_DATE_HEURE_FR, maxLength: 16, autoComplete: 'off' },
};

export type DateHeureFrInputProps = InputProps & Omit<TextFieldProps, 'label' | 'helperText' | 'onChange' | 'onBlur' | 'defaultValue' | 'value'>;

/**
 * react-admin's DateTimeInput, French whatever the browser (UI-DATES-FR): a text field
 * « jj/mm/aaaa hh:mm » read in Paris time, whose record value is the ISO 8601 UTC instant the API
 * takes (null when empty). An incomplete or impossible date and time — or an hour Paris skips —
 * shows a French error and keeps the form from saving. A value changed from outside (reset)
 * rewrites the text; the typing does not.
 */
export function DateHeureFrInput(props: DateHeureFrInputProps) {
  const { label, helperText, source, resource, validate, defaultValue, className, ...rest } = props;
  const valide = Array.isArray(validate) ? [dateHeureFrValide, ...validate] : validate ? [dateHeureFrValide, validate] : [dateHeureFrValide];
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ ...props, source, resource, defaultValue, validate: valide });
  const [texte, setTexte] = useState(() => isoVersDateHeureFr(field.value));
  useEffect(() => {
    if (estInstantIso(field.value)) {
      if (!memeInstant(dateHeureFrVersIso(texte), field.value)) setTexte(isoVersDateHeureFr(field.value));
    } else if (field.value == null || field.value === '') {
      if (dateHeureFrVersIso(texte)) setTexte('');
    }
    // Only an outside change of the value rewrites the text, not the typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [field.value]);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const t = masquerDateHeureFr(e.target.value);
    setTexte(t);
    field.onChange(t === '' ? null : (dateHeureFrVersIso(t) ?? t));
  };
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
      helperText={<InputHelperText error={error?.message} helperText={helperText ?? 'app.validation.dateHeureAide'} />}
      slotProps={PROPRIETES_CHAMP}
      {...sanitizeInputRestProps(rest)}
    />
  );
}
