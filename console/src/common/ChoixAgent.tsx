import { Autocomplete, TextField } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useInput, useTranslate, type InputProps } from 'react-admin';
import { getJson } from '@console/data/httpClient';
import { useNomAgent } from './links';

interface NomAgent {
  id: number;
  nom: string;
}

const libelle = (o: NomAgent) => o.nom;
const memeAgent = (a: NomAgent, b: NomAgent) => a.id === b.id;
const telQuel = (x: NomAgent[]) => x;
const AUCUN: NomAgent[] = [];

/**
 * Pick an agent by name (issue #15), never by number: the letters typed search
 * GET /api/agents/noms?q= (case and accents ignored, 20 names at most); the value is the agent's id.
 */
export function ChoixAgent({ label, value, onChange, size = 'small', sx }: {
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  size?: 'small' | 'medium';
  sx?: object;
}) {
  const translate = useTranslate();
  const [saisie, setSaisie] = useState('');
  const nomChoisi = useNomAgent(value);
  const q = saisie.trim();
  const { data: options = AUCUN, isFetching } = useQuery({
    queryKey: ['agents', 'noms', 'q', q],
    queryFn: () => getJson<NomAgent[]>(`/agents/noms?q=${encodeURIComponent(q)}`),
    enabled: q.length >= 2,
    staleTime: 60_000,
  });
  const choisi: NomAgent | null = value == null ? null : { id: value, nom: nomChoisi ?? `n° ${value}` };
  return (
    <Autocomplete<NomAgent>
      options={choisi && !options.some((o) => o.id === choisi.id) ? [choisi, ...options] : options}
      value={choisi}
      onChange={(_e, v) => onChange(v?.id ?? null)}
      inputValue={saisie}
      onInputChange={(_e, v) => setSaisie(v)}
      getOptionLabel={libelle}
      isOptionEqualToValue={memeAgent}
      filterOptions={telQuel}
      loading={isFetching}
      noOptionsText={translate(q.length >= 2 ? 'app.choixAgent.aucun' : 'app.choixAgent.tapez')}
      loadingText={translate('app.choixAgent.chargement')}
      clearText={translate('ra.action.clear_input_value')}
      openText={translate('app.choixAgent.ouvrir')}
      closeText={translate('ra.action.close')}
      size={size}
      sx={{ minWidth: 240, ...sx }}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}

/** The same picker as a react-admin input (a list filter: `acteurId`, `agentId`). */
export function ChoixAgentInput({ source, label, alwaysOn: _alwaysOn }: InputProps & { source: string; label: string }) {
  const translate = useTranslate();
  const { field } = useInput({ source });
  const value = field.value === '' || field.value == null ? null : Number(field.value);
  return <ChoixAgent label={translate(label)} value={value} onChange={(id) => field.onChange(id ?? undefined)} sx={{ mb: 0.5 }} />;
}
