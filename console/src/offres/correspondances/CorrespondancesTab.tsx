import SendIcon from '@mui/icons-material/Send';
import { Alert, Box, Button, Checkbox, Chip, CircularProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useRecordContext, useTranslate, type Identifier } from 'react-admin';
import { formatDay, formatNumber } from '@console/common/format';
import { nomPrenom, RecordLink } from '@console/common/links';
import { useCan } from '@console/common/useAbility';
import { useAppDataProvider } from '@console/data/dataProvider';
import type { Correspondance } from '@console/data/offres';
import type { Offre } from '@console/data/records';
import { ProposerDialog } from '@console/propositions/ProposerDialog';
import { EcartesTable } from './EcartesTable';

/**
 * §11.17: the demandeurs this offer may be proposed to (published or not), with why they match,
 * a check box each and « Envoyer la proposition » for those who may propose; then those left
 * out with the rule's code. One page of at most 200 evaluated demandeurs at a time.
 */
export function CorrespondancesTab() {
  const offre = useRecordContext<Offre>();
  const translate = useTranslate();
  const dataProvider = useAppDataProvider();
  const canProposer = useCan('create', 'propositions');
  const [debut, setDebut] = useState(0);
  const [choisis, setChoisis] = useState<Set<Identifier>>(new Set());
  const [dialogue, setDialogue] = useState(false);
  const { data, isPending, error, refetch } = useQuery({
    queryKey: ['offres', offre?.id, 'correspondances', debut],
    queryFn: () => dataProvider.correspondances(offre!.id, { debut }).then((r) => r.data),
    enabled: offre != null,
  });
  if (!offre) return null;
  if (isPending) return <CircularProgress sx={{ m: 3 }} size={28} />;
  if (error || !data) return <Alert severity="error">{error instanceof Error ? error.message : translate('app.erreurs.serveur')}</Alert>;

  const basculer = (id: Identifier) => {
    const s = new Set(choisis);
    if (s.has(id)) s.delete(id);
    else s.add(id);
    setChoisis(s);
  };
  const tous = data.correspondances.length > 0 && data.correspondances.every((c) => choisis.has(c.demandeurId));
  const noms = new Map<Identifier, string>(data.correspondances.map((c) => [c.demandeurId, nomPrenom(c.nom, c.prenom)]));

  return (
    <Box sx={{ p: 2 }} data-testid="correspondances">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.correspondances.aide')}
      </Typography>
      {!data.offre.enLigne && <Alert severity="info" sx={{ mb: 2 }}>{translate('app.correspondances.offreNonPubliee')}</Alert>}
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="subtitle2">
          {translate('app.correspondances.resume', {
            trouves: translate('app.correspondances.trouves', { smart_count: data.correspondances.length }),
            ecartes: translate('app.correspondances.nbEcartes', { smart_count: data.ecartes.length }),
            de: data.total ? data.debut + 1 : 0, a: data.debut + data.evalues, total: data.total,
          })}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        {canProposer && (
          <Button variant="contained" startIcon={<SendIcon />} disabled={choisis.size === 0} onClick={() => setDialogue(true)}>
            {translate('app.correspondances.envoyer')} ({choisis.size})
          </Button>
        )}
      </Stack>
      {data.correspondances.length === 0 ? (
        <Alert severity="warning">{translate('app.correspondances.aucune')}</Alert>
      ) : (
        <Table size="small" aria-label={translate('app.publication.onglets.correspondances')}>
          <TableHead>
            <TableRow>
              {canProposer && (
                <TableCell padding="checkbox">
                  <Checkbox
                    checked={tous} indeterminate={!tous && choisis.size > 0}
                    onChange={() => setChoisis(tous ? new Set() : new Set(data.correspondances.map((c) => c.demandeurId)))}
                    slotProps={{ input: { 'aria-label': translate('app.correspondances.demandeur') } }}
                  />
                </TableCell>
              )}
              <TableCell>{translate('app.correspondances.demandeur')}</TableCell>
              <TableCell>{translate('app.correspondances.foyer')}</TableCell>
              <TableCell>{translate('app.correspondances.secteur')}</TableCell>
              <TableCell>{translate('app.correspondances.classement')}</TableCell>
              <TableCell>{translate('app.correspondances.raisons')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {data.correspondances.map((c) => (
              <Ligne key={String(c.demandeurId)} c={c} coche={choisis.has(c.demandeurId)} onToggle={canProposer ? () => basculer(c.demandeurId) : undefined} />
            ))}
          </TableBody>
        </Table>
      )}
      <Stack direction="row" spacing={1} sx={{ my: 2 }}>
        {data.debut > 0 && <Button onClick={() => setDebut(Math.max(0, data.debut - data.maxEvalues))}>{translate('app.correspondances.precedents')}</Button>}
        {data.suivant !== null && <Button onClick={() => setDebut(data.suivant!)}>{translate('app.correspondances.suivants')}</Button>}
      </Stack>
      <EcartesTable ecartes={data.ecartes} />
      <ProposerDialog
        open={dialogue} offre={offre} demandeurIds={[...choisis]} noms={noms} onClose={() => setDialogue(false)}
        onSent={() => {
          setChoisis(new Set());
          void refetch();
        }}
      />
    </Box>
  );
}

function Ligne({ c, coche, onToggle }: { c: Correspondance; coche: boolean; onToggle?: () => void }) {
  const translate = useTranslate();
  return (
    <TableRow hover selected={coche} onClick={onToggle} sx={{ cursor: onToggle ? 'pointer' : 'default', verticalAlign: 'top' }}>
      {onToggle && (
        <TableCell padding="checkbox">
          <Checkbox checked={coche} slotProps={{ input: { 'aria-label': nomPrenom(c.nom, c.prenom) } }} />
        </TableCell>
      )}
      <TableCell>
        <RecordLink resource="demandeurs" id={c.demandeurId}>
          {nomPrenom(c.nom, c.prenom)}
        </RecordLink>
        <Typography variant="caption" component="div" color="text.secondary">
          {c.demandeReference} · {formatDay(c.dateDemande)}
        </Typography>
      </TableCell>
      <TableCell sx={{ whiteSpace: 'nowrap' }}>
        {translate('app.correspondances.personnes', { smart_count: c.nombrePersonnes ?? 1 })}
        <Typography variant="caption" component="div" color="text.secondary">
          {formatNumber(c.revenuFiscalReference)} €
        </Typography>
      </TableCell>
      <TableCell>
        {translate(c.secteur.distanceKm < 0.05 ? 'app.correspondances.surPlace' : 'app.correspondances.distance', {
          commune: c.secteur.commune, rayon: formatNumber(c.secteur.rayonKm), distance: formatNumber(c.secteur.distanceKm),
        })}
      </TableCell>
      <TableCell>
        <Chip size="small" label={c.libellePalier} color={c.palier % 10 === 1 ? 'success' : c.palier % 10 === 2 ? 'info' : 'default'} variant="outlined" />
      </TableCell>
      <TableCell>
        <Box component="ul" sx={{ m: 0, pl: 2, fontSize: 13 }}>
          {c.raisons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </Box>
      </TableCell>
    </TableRow>
  );
}
