import { EmailField, Show, TextField } from 'react-admin';
import { DateTimeField, DayField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { ShowSection } from '../common/ShowSection';
import { useCan } from '../common/useAbility';
import { OngletsDemandeur } from '../suspensions/HistoriqueDemandeur';
import { CandidaturesDuDemandeur, DemandesDuDemandeur, SuspensionsDuDemandeur } from './DemandeurRelated';
import { SuspenduField } from './SuspenduField';

export function DemandeurShow() {
  const can = {
    demandes: useCan('read', 'demandes'),
    candidatures: useCan('read', 'candidatures'),
    suspensions: useCan('read', 'suspensions'),
    fraude: useCan('read', 'suspensions', 'type'),
  };
  return (
    <Show>
      <OngletsDemandeur>
        <ShowSection title="app.sections.identite">
          <EnumField source="civilite" enumName="civilite" />
          <TextField source="nom" />
          <TextField source="prenom" />
          <DayField source="dateNaissance" />
          <EmailField source="email" />
          <TextField source="telephone" emptyText="—" />
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
