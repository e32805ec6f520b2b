import { EmailField, Show, TextField, TopToolbar } from 'react-admin';
import { DateTimeField, DayField, TelephoneField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import { OngletsDemandeur } from '@console/suspensions/HistoriqueDemandeur';
import { CandidaturesDuDemandeur, DemandesDuDemandeur, SuspensionsDuDemandeur } from './DemandeurRelated';
import { SuspenduField } from './SuspenduField';
import { PaquetDonneesButton } from './PaquetDonneesButton';

export function DemandeurShow() {
  const can = {
    demandes: useCan('read', 'demandes'),
    candidatures: useCan('read', 'candidatures'),
    suspensions: useCan('read', 'suspensions'),
    fraude: useCan('read', 'suspensions', 'type'),
  };
  return (
    <Show
      actions={
        <TopToolbar>
          <PaquetDonneesButton />
        </TopToolbar>
      }
    >
      <OngletsDemandeur>
        <ShowSection title="app.sections.identite">
          <EnumField source="civilite" enumName="civilite" />
          <TextField source="nom" />
          <TextField source="prenom" />
          <DayField source="dateNaissance" />
          <EmailField source="email" />
          <TelephoneField source="telephone" />
        </ShowSection>
        <ShowSection title="app.sections.compte">
          <EnumField source="statutCompte" enumName="statutCompte" />
          <SuspenduField source="suspenduJusquAu" />
          <TextField source="cguVersionAcceptee" emptyText="—" />
          <DateTimeField source="derniereConnexion" />
          <DateTimeField source="createdAt" />
          <DateTimeField source="desactiveLe" />
        </ShowSection>
        <ShowSection>
          {can.demandes && <DemandesDuDemandeur label="app.sections.demandes" className="full" />}
          {can.candidatures && <CandidaturesDuDemandeur label="app.sections.candidatures" className="full" />}
          {can.suspensions && <SuspensionsDuDemandeur label="app.sections.suspensions" className="full" fraude={can.fraude} />}
        </ShowSection>
      </OngletsDemandeur>
    </Show>
  );
}
