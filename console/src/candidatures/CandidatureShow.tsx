import { Show, TextField } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { DemandeurNomField, SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';
import { useCan } from '../common/useAbility';
import { JustificatifsDeLaDemande } from '../demandes/DemandeRelated';
import { DossierDesignationAside } from '../exports/DossierDesignationAside';

export function CandidatureShow() {
  const canReadJustificatifs = useCan('read', 'justificatifs');
  return (
    <Show aside={<DossierDesignationAside />}>
      <ShowSection title="app.sections.suivi">
        <TextField source="reference" />
        <EnumField source="statut" enumName="statutCandidature" />
        <DateTimeField source="dateCandidature" />
        <EnumField source="origine" enumName="origineCandidature" />
        <EnumField source="nature" enumName="natureOffre" />
        <TextField source="departement" />
        <TextField source="agentEnChargeNom" emptyText="—" />
        <DateTimeField source="priseEnChargeLe" />
        <DateTimeField source="designeeLe" />
        <DateTimeField source="clotureLe" />
        <EnumField source="canal" enumName="canalDemande" />
        <TextField source="motif" emptyText="—" className="full" />
      </ShowSection>
      <ShowSection title="app.sections.identite">
        <DemandeurNomField source="demandeurNom" />
        <SafeReferenceField source="demandeId" reference="demandes" />
        <SafeReferenceField source="offreId" reference="offres" />
        {canReadJustificatifs && <JustificatifsDeLaDemande label="app.sections.justificatifs" source="demandeId" className="full" />}
      </ShowSection>
    </Show>
  );
}
