import { TextField, type TextFieldProps } from '@mui/material';
import { useEffect, useState, type ChangeEvent } from 'react';
import { FieldTitle, InputHelperText, sanitizeInputRestProps, useInput, type InputProps, type Validator } from 'react-admin';

/**
 * What a French date field types and stores (UI-DATES-FR): the day « jj/mm/aaaa » ↔ 'YYYY-MM-DD',
 * or the instant « jj/mm/aaaa hh:mm » in Paris time ↔ the ISO 8601 UTC instant.
 */
export interface FormatSaisie {
  /** Keeps the digits and puts the separators as they are typed. */
  masquer: (texte: string) => string;
  /** The value a complete and real text stands for; null otherwise. */
  lire: (texte: string) => string | null;
  /** The text of a stored value ('' for none). */
  ecrire: (valeur: unknown) => string;
  /** A value in the stored form (not a text being typed). */
  estValeur: (valeur: unknown) => boolean;
  /** Two values for the same day or instant. */
  memeValeur: (a: string | null, b: unknown) => boolean;
  /** The French validation of the form's value. */
  valider: Validator;
  placeholder: string;
  maxLength: number;
  /** The help under the field (a catalogue key or the format itself). */
  aide: string;
}

/**
 * The field's text and the value it stands for: the text follows the typing (masked), the value is
 * the stored form once the text is complete and real, null when empty, the text itself otherwise (so
 * that a form refuses it). Only a value changed from outside (reset, filter cleared) rewrites the text.
 */
export function useSaisieMasquee(format: FormatSaisie, valeur: unknown, changer: (v: string | null) => void) {
  const [texte, setTexte] = useState(() => format.ecrire(valeur));
  useEffect(() => {
    if (format.estValeur(valeur)) {
      if (!format.memeValeur(format.lire(texte), valeur)) setTexte(format.ecrire(valeur));
    } else if (valeur == null || valeur === '') {
      if (format.lire(texte)) setTexte('');
    }
    // Only an outside change of the value rewrites the text, not the typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [valeur]);
  const onChange = (e: ChangeEvent<HTMLInputElement>) => {
    const t = format.masquer(e.target.value);
    setTexte(t);
    changer(t === '' ? null : (format.lire(t) ?? t));
  };
  return { texte, onChange };
}

export const proprietesChamp = (format: FormatSaisie): TextFieldProps['slotProps'] => ({
  inputLabel: { shrink: true },
  htmlInput: { inputMode: 'numeric', placeholder: format.placeholder, maxLength: format.maxLength, autoComplete: 'off' },
});

export type ChampMasqueProps = InputProps & Omit<TextFieldProps, 'label' | 'helperText' | 'onChange' | 'onBlur' | 'defaultValue' | 'value'>;

/** A react-admin input typed in French whatever the browser: a text field with its format's mask, value and validation. */
export function ChampMasque({ saisie: format, ...props }: ChampMasqueProps & { saisie: FormatSaisie }) {
  const { label, helperText, source, resource, validate, defaultValue, className, ...rest } = props;
  const valide = Array.isArray(validate) ? [format.valider, ...validate] : validate ? [format.valider, validate] : [format.valider];
  const {
    field,
    fieldState: { error, invalid },
    id,
    isRequired,
  } = useInput({ ...props, source, resource, defaultValue, validate: valide });
  const { texte, onChange } = useSaisieMasquee(format, field.value, field.onChange);
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
      helperText={<InputHelperText error={error?.message} helperText={helperText ?? format.aide} />}
      slotProps={proprietesChamp(format)}
      {...sanitizeInputRestProps(rest)}
    />
  );
}
