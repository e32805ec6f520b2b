import { Box, Button as MuiButton, Stack } from '@mui/material';
import {
  AutocompleteInput,
  Create,
  NumberInput,
  RadioButtonGroupInput,
  ReferenceInput,
  SaveButton,
  SimpleForm,
  TextInput,
  Toolbar,
  required,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';
import { useFormContext, useWatch } from 'react-hook-form';
import { verifierDureeSuspension } from '@shared/rules/suspension';
import { choicesFor } from '@console/common/enums';
import { formatDay } from '@console/common/format';
import { nomPrenom } from '@console/common/links';
import type { Demandeur, Suspension } from '@console/data/records';
import { ApercuEffets, useApercuSuspension } from './ApercuEffets';

const DUREES = [6, 12, 24, 36, 60];

/** R-SUSP: the shared rule decides (6 to 60 whole months); its French reason is shown under the field. */
const dureeValide = (value: unknown) => {
  if (value == null || value === '') return undefined;
  const r = verifierDureeSuspension(Number(value));
  return r.ok ? undefined : r.raison;
};

const demandeurTexte = (d: Demandeur) => `${nomPrenom(d.nom, d.prenom)}${d.dateNaissance ? ` — né(e) le ${formatDay(d.dateNaissance)}` : ''} (n° ${d.id})`;

function DureesRapides() {
  const { setValue } = useFormContext();
  const choisie = Number(useWatch({ name: 'dureeMois' }));
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2 }} aria-label={translate('app.fraude.suspension.duree')}>
      {DUREES.map((m) => (
        <MuiButton key={m} size="small" variant={choisie === m ? 'contained' : 'outlined'} aria-pressed={choisie === m} onClick={() => setValue('dureeMois', m, { shouldDirty: true, shouldValidate: true })}>
          {m < 12 ? `${m} mois` : `${m / 12} an${m > 12 ? 's' : ''}`}
        </MuiButton>
      ))}
    </Stack>
  );
}

/** The effects, then the confirm button: enabled only once the effects are known and the suspension possible. */
function ApercuEtConfirmation() {
  const { data, isFetching, valide } = useApercuSuspension();
  const possible = valide && !!data && !isFetching && !data.dejaSuspendu;
  return (
    <>
      <ApercuEffets apercu={data} chargement={isFetching} valide={valide} />
      <Toolbar sx={{ width: '100%', px: '0 !important', bgcolor: 'transparent' }}>
        <SaveButton label="app.fraude.suspension.confirmer" alwaysEnable={possible} disabled={!possible} color="error" />
      </Toolbar>
    </>
  );
}

/** Suspension form for fraud control: who, type, duration, motive; the effects are shown before confirming. */
export function SuspensionCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create<Suspension & { effets: { candidatures: unknown[] } }>
      title="app.fraude.actions.suspendre"
      mutationOptions={{
        onSuccess: (data) => {
          notify('app.fraude.notifications.suspendu', { type: 'success', messageArgs: { smart_count: data.effets.candidatures.length } });
          redirect('show', 'suspensions', data.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ type: 'fraude', dureeMois: 24 }} toolbar={false}>
        <Box sx={{ width: '100%', maxWidth: 760 }}>
          <ReferenceInput source="demandeurId" reference="demandeurs">
            <AutocompleteInput
              label="app.fraude.suspension.demandeur"
              optionText={demandeurTexte}
              filterToQuery={(q: string) => ({ q })}
              validate={required()}
              fullWidth
              noOptionsText="ra.navigation.no_results"
            />
          </ReferenceInput>
          <RadioButtonGroupInput source="type" label="app.fraude.suspension.type" choices={choicesFor('typeSuspension')} validate={required()} />
          <NumberInput
            source="dureeMois"
            label="app.fraude.suspension.duree"
            helperText="app.fraude.suspension.dureeAide"
            min={6}
            max={60}
            step={1}
            validate={[required(), dureeValide]}
            sx={{ maxWidth: 220 }}
          />
          <DureesRapides />
          <TextInput
            source="motif"
            label="app.fraude.suspension.motif"
            helperText="app.fraude.suspension.motifAide"
            multiline
            minRows={3}
            fullWidth
            validate={required()}
          />
          <ApercuEtConfirmation />
        </Box>
      </SimpleForm>
    </Create>
  );
}
