import {
  AutocompleteInput, Create, FormDataConsumer, ReferenceInput, required, SelectInput, SimpleForm, useDataProvider, useTranslate,
  type Identifier,
} from 'react-admin';
import { Box } from '@mui/material';
import { DateFrInput } from '@console/common/DateFrInput';
import { FormRow } from '@console/common/form';
import type { DemandeExport } from '@console/data/dataProvider';
import type { Entreprise } from '@console/data/records';
import { aujourdhuiParis, debutDuMoisParis } from './dates';

interface Valeurs {
  kind: 'designations_bailleur' | 'rapport_entreprise';
  bailleurId?: number;
  entrepriseId?: number;
  from: string;
  to: string;
}

const apresDebut = (to: string, values: Valeurs) => (to && values.from && to < values.from ? 'ra.validation.minValue' : undefined);

/**
 * New export (bailleur designations or entreprise report); the file is produced by a job, the list shows its progress.
 * Each explanation is its field's helper text (a loose caption sat on the next fields' labels, issue #15); the default
 * period is the current month up to today, in Paris days.
 */
export function ExportCreate() {
  const translate = useTranslate();
  const dataProvider = useDataProvider();
  const t = (k: string) => translate(`app.pilotage.exports.${k}`);
  const choix = (['designations_bailleur', 'rapport_entreprise'] as const).map((id) => ({ id, name: translate(`enums.typeExport.${id}`) }));
  // The API wants the entreprise's SIRET: the picker works on ids, the SIRET is read from the chosen record.
  const transform = async (v: Valeurs): Promise<DemandeExport> => {
    if (v.kind === 'designations_bailleur') return { kind: v.kind, params: { bailleurId: v.bailleurId!, from: v.from, to: v.to } };
    const { data } = await dataProvider.getOne<Entreprise>('entreprises', { id: v.entrepriseId! });
    return { kind: v.kind, params: { siret: data.siret, from: v.from, to: v.to } };
  };
  return (
    <Create<DemandeExport & { id: Identifier }> title={t('creer')} redirect="list" transform={transform}>
      <SimpleForm defaultValues={{ kind: 'designations_bailleur', from: debutDuMoisParis(), to: aujourdhuiParis() }} sx={{ maxWidth: 720 }}>
        <SelectInput source="kind" label={t('type')} choices={choix} validate={required()} fullWidth />
        <FormDataConsumer<Valeurs>>
          {({ formData }) =>
            formData.kind === 'rapport_entreprise' ? (
              <>
                <ReferenceInput source="entrepriseId" reference="entreprises" sort={{ field: 'raisonSociale', order: 'ASC' }}>
                  <AutocompleteInput label={t('entreprise')} optionText={(r: Entreprise) => `${r.raisonSociale} (${r.siret})`} validate={required()} fullWidth helperText={t('entrepriseAide')} noOptionsText="ra.navigation.no_results" />
                </ReferenceInput>
              </>
            ) : (
              <>
                <ReferenceInput source="bailleurId" reference="bailleurs" sort={{ field: 'nom', order: 'ASC' }}>
                  <AutocompleteInput label={t('bailleur')} optionText="nom" validate={required()} fullWidth helperText={t('designationsAide')} noOptionsText="ra.navigation.no_results" />
                </ReferenceInput>
              </>
            )
          }
        </FormDataConsumer>
        <Box sx={{ width: '100%', mt: 1.5 }}>
          <FormRow>
            <DateFrInput source="from" label={t('du')} validate={required()} helperText={t('periodeAide')} />
            <DateFrInput source="to" label={t('au')} validate={[required(), apresDebut]} />
          </FormRow>
        </Box>
      </SimpleForm>
    </Create>
  );
}
