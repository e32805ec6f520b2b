import { BooleanField, EditButton, Show, TextField, TopToolbar } from 'react-admin';
import { DateTimeField } from '../common/fields';
import { EnumField } from '../common/EnumField';
import { SafeReferenceField } from '../common/links';
import { ShowSection } from '../common/ShowSection';
import { ClassementButton } from './ClassementButton';
import { LoyerField, PlafondsField, SurfaceField } from './OffreFields';

const Actions = () => (
  <TopToolbar>
    <ClassementButton />
    <EditButton />
  </TopToolbar>
);

export const OffreShow = () => (
  <Show actions={<Actions />}>
    <ShowSection title="app.sections.logement">
      <TextField source="reference" />
      <TextField source="titre" />
      <EnumField source="nature" enumName="natureOffre" />
      <EnumField source="forme" enumName="formeOffre" />
      <EnumField source="typologie" enumName="typologie" />
      <SurfaceField source="surface" />
      <LoyerField source="loyer" />
      <TextField source="nombreLogements" />
      <EnumField source="reglementation" enumName="reglementation" />
      <TextField source="nbCandidaturesOuvertes" />
      <PlafondsField source="plafonds" className="full" />
    </ShowSection>
    <ShowSection title="app.sections.localisation">
      <SafeReferenceField source="bailleurId" reference="bailleurs" />
      <SafeReferenceField source="programmeId" reference="programmes" />
      <TextField source="commune" />
      <TextField source="codePostal" />
      <TextField source="codeInsee" />
      <TextField source="departement" />
    </ShowSection>
    <ShowSection title="app.sections.publication">
      <BooleanField source="publiee" />
      <DateTimeField source="debutPublication" />
      <DateTimeField source="finPublication" />
      <DateTimeField source="depublieeLe" />
      <DateTimeField source="repriseLe" />
      <TextField source="motifDepublication" emptyText="—" className="full" />
    </ShowSection>
  </Show>
);
