import { Box, Tab, Tabs } from '@mui/material';
import { useState } from 'react';
import { BooleanField, EditButton, Show, TextField, TopToolbar, useTranslate } from 'react-admin';
import { DateTimeField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { SafeReferenceField } from '@console/common/links';
import { ShowSection } from '@console/common/ShowSection';
import { useCan } from '@console/common/useAbility';
import { EnvoisOffre } from '@console/bailleurs/envois/EnvoisOffre';
import { ClassementButton } from './ClassementButton';
import { CorrespondancesTab } from './correspondances/CorrespondancesTab';
import { LoyerField, PlafondsField, SurfaceField } from './OffreFields';
import { PublicationPanel } from './publication/PublicationPanel';

const Actions = () => (
  <TopToolbar>
    <ClassementButton />
    <EditButton />
  </TopToolbar>
);

const Details = () => (
  <>
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
  </>
);

const Historique = () => (
  <ShowSection title="app.sections.historique">
    <BooleanField source="publiee" />
    <DateTimeField source="debutPublication" />
    <DateTimeField source="finPublication" />
    <DateTimeField source="depublieeLe" />
    <DateTimeField source="repriseLe" />
    <DateTimeField source="attributionDirecteLe" />
    <TextField source="motifDepublication" emptyText="—" className="full" />
    <TextField source="attributionDirecteMotif" emptyText="—" className="full" />
  </ShowSection>
);

type Onglet = 'offre' | 'publication' | 'correspondances' | 'envois';

/** The offer page: its description, its publication window and actions (R-PUB), and the demandeurs it may be proposed to (§11.17). */
export function OffreShow() {
  const translate = useTranslate();
  const canVoirDemandeurs = useCan('read', 'demandeurs');
  const [onglet, setOnglet] = useState<Onglet>('offre');
  const canVoirCandidatures = useCan('read', 'candidatures');
  const onglets: Onglet[] = [
    'offre', 'publication', ...(canVoirDemandeurs ? (['correspondances'] as const) : []), ...(canVoirCandidatures ? (['envois'] as const) : []),
  ];
  return (
    <Show actions={<Actions />}>
      <Tabs value={onglet} onChange={(_, v: Onglet) => setOnglet(v)} sx={{ borderBottom: 1, borderColor: 'divider', px: 2 }}>
        {onglets.map((o) => (
          <Tab key={o} value={o} label={translate(o === 'envois' ? 'app.envois.titre' : `app.publication.onglets.${o}`)} />
        ))}
      </Tabs>
      <Box role="tabpanel">
        {onglet === 'offre' && <Details />}
        {onglet === 'publication' && (
          <>
            <PublicationPanel />
            <Historique />
          </>
        )}
        {onglet === 'correspondances' && <CorrespondancesTab />}
        {onglet === 'envois' && <EnvoisOffre />}
      </Box>
    </Show>
  );
}
