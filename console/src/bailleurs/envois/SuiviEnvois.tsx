import { Box, Chip, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import type { DecisionBailleurVue, SuiviEnvoi } from '@shared/api/bailleurs';
import { LIBELLES_MOTIF_NON_RETENUE } from '@shared/rules/decisionBailleur';
import { EnumField } from '@console/common/EnumField';
import { formatDateTime, formatDay } from '@console/common/format';
import { RecordLink } from '@console/common/links';
import { RevoquerLienButton } from './RevoquerLienButton';

function EtatLien({ envoi }: { envoi: SuiviEnvoi }) {
  const translate = useTranslate();
  if (envoi.revoqueLe) return <Chip size="small" color="warning" variant="outlined" label={translate('app.envois.lienRevoque', { date: formatDateTime(envoi.revoqueLe) })} />;
  if (new Date(envoi.expireLe).getTime() <= Date.now()) return <Chip size="small" variant="outlined" label={translate('app.envois.lienExpire', { date: formatDateTime(envoi.expireLe) })} />;
  return (
    <>
      <Chip size="small" color="success" variant="outlined" label={translate('app.envois.lienActif', { date: formatDateTime(envoi.expireLe) })} />
      <RevoquerLienButton envoiId={envoi.id} />
    </>
  );
}

/** « 3 téléchargements, le premier le … » or « Pas encore téléchargé ». */
export function Telechargements({ premier, n }: { premier: string | Date | null; n: number }) {
  const translate = useTranslate();
  if (!premier) return <Typography variant="body2" color="text.secondary">{translate('app.envois.pasTelecharge')}</Typography>;
  return (
    <Typography variant="body2">
      {translate('app.envois.telechargeLe', { date: formatDateTime(premier) })}
      {n > 1 ? ` (${translate('app.envois.telechargements', { smart_count: n })})` : ''}
    </Typography>
  );
}

/**
 * What was sent to the bailleur and what it did with it: « envoyé le … par … à … », « ouvert le … »,
 * « téléchargé le … » (per candidature when `avecCandidatures`), the link's state and its revocation.
 */
export function SuiviEnvois({ envois, avecCandidatures }: { envois: SuiviEnvoi[]; avecCandidatures: boolean }) {
  const translate = useTranslate();
  if (envois.length === 0) return <Typography variant="body2" color="text.secondary">{translate('app.envois.aucun')}</Typography>;
  return (
    <Stack spacing={1.5}>
      {envois.map((e) => (
        <Box key={e.id} component="article" aria-label={translate('app.envois.envoyeLe', { date: formatDateTime(e.envoyeLe) })} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5 }}>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {translate('app.envois.envoyeLe', { date: formatDateTime(e.envoyeLe) })}{' '}
            {e.agent ? translate('app.envois.par', { agent: e.agent }) : translate('app.envois.parRelance')}{' '}
            {translate('app.envois.a', { destinataire: e.destinataire })}
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {translate(`app.envois.origines.${e.origine}`)}
          </Typography>
          <Stack direction="row" sx={{ gap: 1, mt: 1, flexWrap: 'wrap', alignItems: 'center' }}>
            <Chip
              size="small"
              color={e.ouvertLe ? 'primary' : 'default'}
              variant="outlined"
              label={e.ouvertLe ? `${translate('app.envois.ouvertLe', { date: formatDateTime(e.ouvertLe) })}${e.ouvertures > 1 ? ` · ${translate('app.envois.ouvertures', { smart_count: e.ouvertures })}` : ''}` : translate('app.envois.pasOuvert')}
            />
            <EtatLien envoi={e} />
          </Stack>
          {!avecCandidatures && e.candidatures[0] && (
            <Box sx={{ mt: 1 }}>
              <Telechargements premier={e.candidatures[0].telechargeLe} n={e.candidatures[0].telechargements} />
            </Box>
          )}
          {avecCandidatures && (
            <Table size="small" sx={{ mt: 1 }} aria-label={translate('app.envois.candidatures')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('resources.candidatures.fields.reference')}</TableCell>
                  <TableCell>{translate('resources.candidatures.fields.demandeurId')}</TableCell>
                  <TableCell>{translate('resources.candidatures.fields.statut')}</TableCell>
                  <TableCell>{translate('app.envois.decision')}</TableCell>
                  <TableCell>{translate('app.envois.colonneTelechargement')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {e.candidatures.map((c) => (
                  <TableRow key={c.candidatureId}>
                    <TableCell>
                      <RecordLink resource="candidatures" id={c.candidatureId}>
                        {c.reference}
                      </RecordLink>
                    </TableCell>
                    <TableCell>{c.demandeur}</TableCell>
                    <TableCell>
                      <RecordContextProvider value={c}>
                        <EnumField source="statut" enumName="statutCandidature" />
                      </RecordContextProvider>
                    </TableCell>
                    <TableCell>
                      {c.decision ? translate('app.envois.decisionTexte', { decision: translate(`app.envois.decisions.${c.decision}`), date: formatDay(c.dateCaleol) }) : '—'}
                    </TableCell>
                    <TableCell>
                      <Telechargements premier={c.telechargeLe} n={c.telechargements} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Box>
      ))}
    </Stack>
  );
}

/** « Non retenue — CALEOL du 01/11/2026 », who recorded it and how, the motif and the bailleur's own words. */
export function DecisionBailleur({ decision }: { decision: DecisionBailleurVue }) {
  const translate = useTranslate();
  return (
    <Box sx={{ borderLeft: 3, borderColor: decision.decision === 'attribuee' ? 'success.main' : 'warning.main', pl: 1.5, py: 0.5 }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('app.envois.decisionTexte', { decision: translate(`app.envois.decisions.${decision.decision}`), date: formatDay(decision.dateCaleol) })}
      </Typography>
      {decision.motif && <Typography variant="body2">{LIBELLES_MOTIF_NON_RETENUE[decision.motif]}</Typography>}
      {decision.commentaire && (
        <Typography variant="body2" sx={{ fontStyle: 'italic' }}>
          « {decision.commentaire} »
        </Typography>
      )}
      <Typography variant="caption" color="text.secondary">
        {translate('app.envois.decisionEnregistree', { date: formatDateTime(decision.decideLe), bailleur: decision.bailleur, source: translate(`app.envois.sources.${decision.source}`) })}
      </Typography>
    </Box>
  );
}
