import { Alert, Box, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { useGetOne, useRecordContext, useTranslate } from 'react-admin';
import { formatDateTime, formatDay, formatTelephone } from '@console/common/format';
import { RecordLink, nomPrenom } from '@console/common/links';
import type { Justificatif, Signalement } from '@console/data/records';
import { MarquerFalsifieButton, SuspendreLien } from './SignalementLiens';
import { ComparaisonComptes } from './ComparaisonComptes';
import { anomaliesDe, cleDe, comptesDe, fichiersDe, identiteDeCle, type CleSignalement, type ComptePreuve } from './preuves';
import { TableMetadonneesPdf } from './MetadonneesPdf';

function Bloc({ titre, children }: { titre: string; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Box component="section" sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
        {translate(titre)}
      </Typography>
      {children}
    </Box>
  );
}

/** The shared files, side by side: which piece of which account, with its status and date. */
function Fichiers({ preuves }: { preuves: Record<string, unknown> }) {
  const translate = useTranslate();
  const fichiers = fichiersDe(preuves);
  const noms = new Map(comptesDe(preuves).map((c) => [String(c.id), nomPrenom(c.nom, c.prenom)]));
  if (fichiers.length === 0) return null;
  const col = (k: string) => <TableCell component="th" scope="col">{translate(`app.fraude.champs.${k}`)}</TableCell>;
  return (
    <Bloc titre="app.fraude.preuves.fichiers">
      <Table size="small">
        <TableHead>
          <TableRow>{['nomOriginal', 'typePiece', 'demandeur', 'statutPiece', 'deposeLe'].map(col)}</TableRow>
        </TableHead>
        <TableBody>
          {fichiers.map((f) => (
            <TableRow key={f.justificatifId}>
              <TableCell><RecordLink resource="justificatifs" id={f.justificatifId}>{f.nomOriginal}</RecordLink></TableCell>
              <TableCell>{translate(`enums.typeJustificatif.${f.type}`, { _: f.type })}</TableCell>
              <TableCell><RecordLink resource="demandeurs" id={f.demandeurId}>{noms.get(String(f.demandeurId)) || translate('app.fraude.preuves.compte', { id: f.demandeurId })}</RecordLink></TableCell>
              <TableCell>{translate(`enums.statutJustificatif.${f.statut}`, { _: f.statut })}</TableCell>
              <TableCell>{formatDateTime(f.deposeLe)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Bloc>
  );
}

/** A piece's PDF metadata with its anomalies (shared/rules/metadonnees.ts), and the piece itself. */
function Metadonnees({ preuves, confirme }: { preuves: Record<string, unknown>; confirme: boolean }) {
  const translate = useTranslate();
  const meta = (preuves.metadonnees ?? {}) as Record<string, unknown>;
  const id = typeof preuves.justificatifId === 'number' ? preuves.justificatifId : null;
  const compte = comptesDe(preuves)[0];
  const { data: piece } = useGetOne<Justificatif>('justificatifs', { id: id ?? 0 }, { enabled: id !== null });
  return (
    <>
      <Bloc titre="app.fraude.preuves.piece">
        <Typography variant="body2">
          <RecordLink resource="justificatifs" id={id}>{String(preuves.nomOriginal ?? `n° ${id}`)}</RecordLink>
          {' — '}
          {translate(`enums.typeJustificatif.${String(preuves.typePiece)}`, { _: String(preuves.typePiece) })}
          {compte && (
            <>
              {' — '}
              <RecordLink resource="demandeurs" id={compte.id}>{nomPrenom(compte.nom, compte.prenom)}</RecordLink>
            </>
          )}
        </Typography>
        <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
          {id !== null && piece && <MarquerFalsifieButton justificatifId={id} statut={piece.statut} />}
          {confirme && compte && <SuspendreLien demandeurId={compte.id} />}
        </Stack>
      </Bloc>
      <Bloc titre="app.fraude.preuves.anomalies">
        <Stack spacing={1}>
          {anomaliesDe(preuves).map((a) => (
            <Alert key={a.code} severity="warning">{a.detail}</Alert>
          ))}
        </Stack>
      </Bloc>
      <Bloc titre="app.fraude.preuves.metadonnees">
        <TableMetadonneesPdf metadonnees={meta} />
      </Bloc>
    </>
  );
}

/** An agent's flag (issue #15): who flagged, from which dossier, and why. */
function SignalementAgent({ preuves }: { preuves: Record<string, unknown> }) {
  const translate = useTranslate();
  const compte = comptesDe(preuves)[0];
  return (
    <>
      <Bloc titre="app.fraude.preuves.signalementAgent">
        <Typography variant="body2">
          {translate('app.fraude.preuves.signalePar', { agent: String(preuves.agentNom ?? '') })}{' '}
          <RecordLink resource="candidatures" id={typeof preuves.candidatureId === 'number' ? preuves.candidatureId : null}>
            {String(preuves.candidatureReference ?? '')}
          </RecordLink>
          {compte && (
            <>
              {' — '}
              <RecordLink resource="demandeurs" id={compte.id}>{nomPrenom(compte.nom, compte.prenom)}</RecordLink>
            </>
          )}
        </Typography>
      </Bloc>
      <Bloc titre="app.fraude.preuves.motifAgent">
        <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap' }}>{String(preuves.motif ?? '')}</Typography>
      </Bloc>
    </>
  );
}

/**
 * What the grouped accounts share, as people write it (issue #15): « BENALI Karim, né le
 * 02/01/1990 » rather than the key « benali karim|1990-01-02 », a phone in pairs; the normalised
 * key stays in the tooltip. An e-mail or a file's fingerprint is shown as it is.
 */
function ValeurCle({ cle, valeur, comptes }: { cle: CleSignalement; valeur: string; comptes: ComptePreuve[] }) {
  const translate = useTranslate();
  let texte = valeur;
  if (cle === 'cleIdentite') {
    const p = identiteDeCle(valeur, comptes);
    const nom = nomPrenom(p.nom, p.prenom);
    const genre = p.civilite === 'Mme' ? 'f' : p.civilite === 'M' ? 'm' : 'x';
    texte = p.dateNaissance ? translate(`app.fraude.preuves.neLe.${genre}`, { nom, date: formatDay(p.dateNaissance.slice(0, 10)) }) : nom;
  } else if (cle === 'telephone') {
    texte = formatTelephone(valeur);
  }
  const brut = cle === 'emailCanonique' || cle === 'sha256';
  return (
    <Typography variant="body2" title={brut ? undefined : valeur} sx={brut ? { fontFamily: 'monospace', wordBreak: 'break-all' } : undefined}>
      {texte}
    </Typography>
  );
}

/** The evidence of a signal, laid out by its type: accounts compared, shared files, or metadata. */
export function Preuves(_props: { label?: string | false; className?: string }) {
  const record = useRecordContext<Signalement>();
  const translate = useTranslate();
  if (!record) return null;
  const preuves = record.preuves ?? {};
  if (Object.keys(preuves).length === 0) return <Typography variant="body2">{translate('app.fraude.preuves.aucune')}</Typography>;
  if (record.type === 'metadonnees_pdf') return <Metadonnees preuves={preuves} confirme={record.statut === 'confirme'} />;
  if (record.type === 'signalement_agent') return <SignalementAgent preuves={preuves} />;
  const cle = cleDe(preuves);
  const comptes = comptesDe(preuves);
  return (
    <>
      {cle && (
        <Bloc titre={cle.label}>
          <ValeurCle cle={cle.cle} valeur={cle.valeur} comptes={comptes} />
        </Bloc>
      )}
      <Fichiers preuves={preuves} />
      <Bloc titre="app.fraude.preuves.comptes">
        <ComparaisonComptes comptes={comptes} suspendre={record.statut === 'confirme'} />
      </Bloc>
    </>
  );
}
