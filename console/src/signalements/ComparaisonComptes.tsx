import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography, alpha, type Theme } from '@mui/material';
import { RecordContextProvider, useTranslate } from 'react-admin';
import { comparerComptes, type ChampCompare } from '@shared/rules/identite';
import { EnumField } from '@console/common/EnumField';
import { formatDateTime, formatDay, formatTelephone } from '@console/common/format';
import { RecordLink } from '@console/common/links';
import type { ComptePreuve } from './preuves';
import { SuspendreLien } from './SignalementLiens';

type Ligne = { champ: ChampCompare | 'statutCompte' | 'createdAt' | 'desactiveLe'; valeur: (c: ComptePreuve) => string };

const LIGNES: Ligne[] = [
  { champ: 'nom', valeur: (c) => c.nom },
  { champ: 'prenom', valeur: (c) => c.prenom },
  { champ: 'dateNaissance', valeur: (c) => formatDay(c.dateNaissance) },
  { champ: 'email', valeur: (c) => c.email },
  { champ: 'telephone', valeur: (c) => formatTelephone(c.telephone) },
  { champ: 'createdAt', valeur: (c) => formatDateTime(c.createdAt) },
  { champ: 'desactiveLe', valeur: (c) => formatDateTime(c.desactiveLe) },
];
const COMPARES: readonly string[] = ['nom', 'prenom', 'dateNaissance', 'email', 'telephone'];

/** Soft backgrounds with a left rule (readable, and not only colour: the verdict is also written). */
const STYLE = {
  identique: {},
  equivalent: { bgcolor: (t: Theme) => alpha(t.palette.warning.main, 0.14), boxShadow: (t: Theme) => `inset 3px 0 ${t.palette.warning.main}` },
  different: { bgcolor: (t: Theme) => alpha(t.palette.error.main, 0.1), boxShadow: (t: Theme) => `inset 3px 0 ${t.palette.error.main}` },
} as const;

/**
 * R-ONE-ACCOUNT: the accounts of a signal side by side, field by field. Each value that differs
 * from the first account is highlighted, telling apart "the same once normalised" (accents, case,
 * hyphens, swapped names: shared/rules/identite.ts) from "really different".
 */
export function ComparaisonComptes({ comptes, suspendre }: { comptes: ComptePreuve[]; suspendre: boolean }) {
  const translate = useTranslate();
  if (comptes.length === 0) return null;
  const [ref] = comptes;
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Table size="small" aria-label={translate('app.fraude.preuves.comptes')} sx={{ '& td, & th': { verticalAlign: 'top' } }}>
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">{translate('app.fraude.preuves.champ')}</TableCell>
            {comptes.map((c) => (
              <TableCell key={c.id} component="th" scope="col">
                <RecordLink resource="demandeurs" id={c.id}>{translate('app.fraude.preuves.compte', { id: c.id })}</RecordLink>
                {suspendre && c.statutCompte !== 'ferme' && (
                  <Box>
                    <SuspendreLien demandeurId={c.id} />
                  </Box>
                )}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {LIGNES.map(({ champ, valeur }) => (
            <TableRow key={champ}>
              <TableCell component="th" scope="row" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
                {translate(`app.fraude.champs.${champ}`)}
              </TableCell>
              {comptes.map((c, i) => {
                const verdict = i > 0 && COMPARES.includes(champ) ? comparerComptes(ref, c)[champ as ChampCompare] : 'identique';
                return (
                  <TableCell key={c.id} sx={{ ...STYLE[verdict], wordBreak: 'break-word' }} data-verdict={verdict}>
                    {valeur(c) || '—'}
                    {verdict !== 'identique' && (
                      <Typography component="span" variant="caption" sx={{ display: 'block', color: verdict === 'different' ? 'error.dark' : 'warning.dark' }}>
                        {translate(`app.fraude.preuves.${verdict}`)}
                      </Typography>
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
          ))}
          <TableRow>
            <TableCell component="th" scope="row" sx={{ color: 'text.secondary' }}>{translate('app.fraude.champs.statutCompte')}</TableCell>
            {comptes.map((c) => (
              <TableCell key={c.id}>
                <EnumFieldValue value={c.statutCompte} />
              </TableCell>
            ))}
          </TableRow>
        </TableBody>
      </Table>
      <Typography variant="caption" color="text.secondary">{translate('app.fraude.preuves.legende')}</Typography>
    </Box>
  );
}

/** An account status chip from a plain value (no record context here). */
function EnumFieldValue({ value }: { value?: string }) {
  if (!value) return <>—</>;
  return (
    <RecordContextProvider value={{ id: 0, v: value }}>
      <EnumField source="v" enumName="statutCompte" />
    </RecordContextProvider>
  );
}
