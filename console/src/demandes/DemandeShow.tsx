import { Box } from '@mui/material';
import { BooleanField, Show, TextField, TopToolbar } from 'react-admin';
import { HistoriqueDuRecord } from '@console/candidatures/dossier/Historique';
import { DateTimeField, EuroField } from '@console/common/fields';
import { EnumArrayField, EnumField } from '@console/common/EnumField';
import { DemandeurNomField, SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import { LeverControleRenforceButton } from '@console/suspensions/LeverControleRenforceButton';
import { useCan } from '@console/common/useAbility';
import { AccompagnementDemandeButton } from './AccompagnementButton';
import { ControleRenforceChip } from './ControleRenforceChip';
import { CandidaturesDeLaDemande, JustificatifsDeLaDemande } from './DemandeRelated';
import { CodemandeurField, SecteursField } from './DemandeFields';

export function DemandeShow() {
  const canCandidatures = useCan('read', 'candidatures');
  const canJustificatifs = useCan('read', 'justificatifs');
  return (
    <Show
      actions={
        <TopToolbar>
          <AccompagnementDemandeButton />
          <LeverControleRenforceButton />
        </TopToolbar>
      }
    >
      <ShowSection title="app.sections.suivi">
        <TextField source="reference" />
        <DemandeurNomField source="demandeurNom" />
        <EnumField source="statut" enumName="statutDemande" />
        <ControleRenforceChip source="controleRenforce" />
        <DateTimeField source="derniereMiseAJour" />
        <DateTimeField source="createdAt" />
        <EnumField source="motifCloture" enumName="motifClotureVisible" />
        <DateTimeField source="clotureLe" />
      </ShowSection>
      <ShowSection title="app.sections.foyer">
        <TextField source="nombrePersonnes" />
        <CodemandeurField source="codemandeur" />
        <EuroField source="revenuFiscalReference" />
        <EnumField source="publicCible" enumName="publicCible" />
        <SafeReferenceField source="entrepriseId" reference="entreprises" />
        <TextField source="lieuTravailCodePostal" emptyText="—" />
        <TextField source="lieuTravailCommune" emptyText="—" />
        <TextField source="communeLogementActuel" emptyText="—" />
      </ShowSection>
      <ShowSection title="app.sections.recherche">
        <SecteursField source="secteursRecherche" className="full" />
        <EnumArrayField source="situationsPrioritaires" enumName="situationPrioritaire" className="full" />
        <BooleanField source="accompagneServiceSalariesEnDifficulte" />
      </ShowSection>
      <ShowSection>
        {canCandidatures && <CandidaturesDeLaDemande label="app.sections.candidatures" className="full" />}
        {canJustificatifs && <JustificatifsDeLaDemande label="app.sections.justificatifs" className="full" />}
      </ShowSection>
      <Box sx={{ p: 2 }}>
        <HistoriqueDuRecord entite="demandes" />
      </Box>
    </Show>
  );
}
