import { Box, Tab, Tabs, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import { BooleanField, DataTable, ReferenceManyField, TextField, useTranslate } from 'react-admin';
import { DateTimeField, DayField } from '@console/common/fields';
import { EnumField } from '@console/common/EnumField';
import { useCan } from '@console/common/useAbility';
import type { Candidature, Signalement, Suspension } from '@console/data/records';
import { ScoreField } from '@console/signalements/ScoreField';
import { LeverButton } from './LeverButton';

function Aucun() {
  const translate = useTranslate();
  return (
    <Typography variant="body2" color="text.secondary" sx={{ py: 1 }}>
      {translate('app.fraude.historique.aucun')}
    </Typography>
  );
}

function Partie({ titre, children }: { titre: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ px: 2, pt: 1.5 }}>
      <Typography variant="overline" color="primary" component="h2" sx={{ fontWeight: 600 }}>
        {translate(titre)}
      </Typography>
      {children}
    </Box>
  );
}

/**
 * A demandeur's history for fraud control: every suspension (lift from here), the signals naming
 * the account, and the candidatures that were closed or cancelled. Each part only when the agent
 * may read it; fraud columns only for controle_fraude.
 */
export function HistoriqueDemandeur() {
  const can = {
    suspensions: useCan('read', 'suspensions'),
    fraude: useCan('read', 'suspensions', 'motif'),
    signalements: useCan('read', 'signalements'),
    candidatures: useCan('read', 'candidatures'),
  };
  return (
    <>
      {can.suspensions && (
        <Partie titre="app.fraude.historique.suspensions">
          <ReferenceManyField reference="suspensions" target="demandeurId" sort={{ field: 'debut', order: 'DESC' }} perPage={50}>
            <DataTable<Suspension> rowClick="show" bulkActionButtons={false} empty={<Aucun />}>
              {can.fraude && (
                <DataTable.Col source="type">
                  <EnumField source="type" enumName="typeSuspension" />
                </DataTable.Col>
              )}
              <DataTable.Col source="debut" field={DayField} />
              <DataTable.Col source="fin" field={DayField} />
              <DataTable.NumberCol source="dureeMois" />
              <DataTable.Col source="active" field={BooleanField} />
              <DataTable.Col source="leveeLe" field={DayField} />
              {can.fraude && <DataTable.Col source="recidive" field={BooleanField} />}
              {can.fraude && <DataTable.Col source="motif" field={TextField} disableSort />}
              {can.fraude && (
                <DataTable.Col label={false} disableSort>
                  <LeverButton />
                </DataTable.Col>
              )}
            </DataTable>
          </ReferenceManyField>
        </Partie>
      )}
      {can.signalements && (
        <Partie titre="app.fraude.historique.signalements">
          <ReferenceManyField reference="signalements" target="demandeurId" sort={{ field: 'createdAt', order: 'DESC' }} perPage={50}>
            <DataTable<Signalement> rowClick="show" bulkActionButtons={false} empty={<Aucun />}>
              <DataTable.Col source="score" field={ScoreField} />
              <DataTable.Col source="type">
                <EnumField source="type" enumName="typeSignalement" />
              </DataTable.Col>
              <DataTable.Col source="statut">
                <EnumField source="statut" enumName="statutSignalement" />
              </DataTable.Col>
              <DataTable.Col source="createdAt" field={DateTimeField} />
              <DataTable.Col source="conclusion" field={TextField} disableSort />
            </DataTable>
          </ReferenceManyField>
        </Partie>
      )}
      {can.candidatures && (
        <Partie titre="app.fraude.historique.cloturees">
          <ReferenceManyField
            reference="candidatures"
            target="demandeurId"
            filter={{ statut: ['cloturee', 'annulee'] }}
            sort={{ field: 'dateCandidature', order: 'DESC' }}
            perPage={50}
          >
            <DataTable<Candidature> rowClick="show" bulkActionButtons={false} empty={<Aucun />}>
              <DataTable.Col source="reference" />
              <DataTable.Col source="offreReference" />
              <DataTable.Col source="statut">
                <EnumField source="statut" enumName="statutCandidature" />
              </DataTable.Col>
              <DataTable.Col source="clotureLe" field={DateTimeField} />
              <DataTable.Col source="motif" field={TextField} disableSort />
            </DataTable>
          </ReferenceManyField>
        </Partie>
      )}
    </>
  );
}

/** Two tabs on the demandeur page: the file as it is (children), and its history. */
export function OngletsDemandeur({ children }: { children: ReactNode }) {
  const translate = useTranslate();
  const [onglet, setOnglet] = useState(0);
  return (
    <>
      <Tabs value={onglet} onChange={(_, v: number) => setOnglet(v)} sx={{ px: 2, borderBottom: 1, borderColor: 'divider' }}>
        <Tab label={translate('app.fraude.historique.dossier')} id="onglet-dossier" aria-controls="panneau-dossier" />
        <Tab label={translate('app.fraude.historique.titre')} id="onglet-historique" aria-controls="panneau-historique" />
      </Tabs>
      <Box role="tabpanel" id={onglet === 0 ? 'panneau-dossier' : 'panneau-historique'} aria-labelledby={onglet === 0 ? 'onglet-dossier' : 'onglet-historique'}>
        {onglet === 0 ? children : <HistoriqueDemandeur />}
      </Box>
    </>
  );
}
