import { Button, Card, CardContent, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { ChoixAgent } from '@console/common/ChoixAgent';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { RechercheTraces, TraceAcces } from '@console/data/donnees';
import { RESSOURCES_TRACEES } from '@shared/domain/traces';



const dateHeure = (iso: string) => new Date(iso).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' });

/** DATA-TRACES: who read which personal data, when, from where (CNIL 2021-122, kept 6 months). */
export function TracesPage() {
  const peut = useCan('read', 'traces');
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useAppDataProvider();
  const [q, setQ] = useState<RechercheTraces>({});
  const [traces, setTraces] = useState<TraceAcces[] | null>(null);
  if (!peut) return null;
  const chercher = async () => {
    try {
      setTraces((await dataProvider.tracesAcces(q)).data);
    } catch (e) {
      notify(e instanceof Error ? e.message : 'app.erreurs.serveur', { type: 'error' });
    }
  };
  const champ = (k: keyof RechercheTraces) => (
    <TextField size="small" label={translate(`app.donnees.traces.filtres.${k}`)} value={q[k] ?? ''} onChange={(e) => setQ({ ...q, [k]: e.target.value })} />
  );
  return (
    <Card>
      <Title title="app.donnees.traces.titre" />
      <CardContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('app.donnees.traces.intro')}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
          <ChoixAgent
            label={translate('app.donnees.traces.filtres.agentId')}
            value={q.agentId ? Number(q.agentId) : null}
            onChange={(id) => setQ({ ...q, agentId: id == null ? undefined : String(id) })}
          />
          <TextField
            select
            size="small"
            sx={{ minWidth: 260 }}
            label={translate('app.donnees.traces.filtres.ressource')}
            value={q.ressource ?? ''}
            onChange={(e) => setQ({ ...q, ressource: e.target.value || undefined })}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            <option value="">{translate('app.donnees.traces.toutes')}</option>
            {RESSOURCES_TRACEES.map((r) => (
              <option key={r} value={r}>
                {translate(`app.donnees.traces.ressources.${r}`)}
              </option>
            ))}
          </TextField>
          {champ('entiteId')}
          <Button variant="contained" onClick={chercher}>
            {translate('app.donnees.traces.chercher')}
          </Button>
        </Stack>
        {traces && (
          <Table size="small" aria-label={translate('app.donnees.traces.titre')}>
            <TableHead>
              <TableRow>
                {(['at', 'agent', 'ressource', 'entite', 'filtre', 'ip'] as const).map((c) => (
                  <TableCell key={c}>{translate(`app.donnees.traces.colonnes.${c}`)}</TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {traces.length === 0 && (
                <TableRow>
                  <TableCell colSpan={6}>{translate('app.donnees.traces.aucune')}</TableCell>
                </TableRow>
              )}
              {traces.map((t) => (
                <TableRow key={t.id}>
                  <TableCell>{dateHeure(t.at)}</TableCell>
                  <TableCell>{t.agentNom ?? `n° ${t.agentId}`}</TableCell>
                  <TableCell>{translate(`app.donnees.traces.ressources.${t.ressource}`, { _: t.ressource })}</TableCell>
                  <TableCell>{t.entiteId ?? '—'}</TableCell>
                  <TableCell>{t.filtre ? `${JSON.stringify(t.filtre)} (${t.nombre ?? 0})` : '—'}</TableCell>
                  <TableCell>{t.ip ?? '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
}
