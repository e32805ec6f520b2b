import { Chip, List, ListItem, ListItemButton, ListItemText, Typography } from '@mui/material';
import type { Ref } from 'react';
import { useTranslate, type Identifier } from 'react-admin';
import { formatDay } from '@console/common/format';
import { enumLabelKey } from '@console/common/enums';
import { colorFor } from '@console/common/statusColors';
import type { LigneDossier } from '@console/data/instruction';
import { Carte } from './Carte';
import { DemanderPieceButton } from './DemanderPieceButton';
import { cleLigne, idLigne } from './pieces';

/** The status of a checklist line: the piece's status, « Expirée », or « Non déposée ». */
export function StatutLigne({ ligne }: { ligne: LigneDossier }) {
  const translate = useTranslate();
  if (!ligne.statut) return <Chip size="small" variant="outlined" color="error" label={translate('app.traitement.pieces.nonDeposee')} />;
  if (ligne.expire && ligne.statut !== 'expire') return <Chip size="small" color="warning" label={translate('app.traitement.pieces.expiree')} />;
  const color = colorFor('statutJustificatif', ligne.statut);
  return <Chip size="small" color={color} variant={color === 'default' ? 'outlined' : 'filled'} label={translate(enumLabelKey('statutJustificatif', ligne.statut))} />;
}

/** « Avis d'imposition · Codemandeur »: what a line asks for. */
export function useLibelleLigne() {
  const translate = useTranslate();
  return (l: Pick<LigneDossier, 'type' | 'titulaire'>) =>
    `${translate(enumLabelKey('typeJustificatif', l.type))}${l.titulaire === 'codemandeur' ? ` · ${translate(enumLabelKey('titulaire', l.titulaire))}` : ''}`;
}

/**
 * The pieces required for this offer and this household (shared/rules completude), each with its
 * status; clicking one shows it in the viewer. A missing or refused line offers « Demander la pièce »
 * to an agent who may act on the dossier (issue #15), and a line asked for says since when.
 */
export function PiecesChecklist({
  lignes,
  selection,
  onSelect,
  listeRef,
  candidatureId,
}: {
  lignes: LigneDossier[];
  /** The dossier's candidature, for « Demander la pièce » (without it, no button). */
  candidatureId?: Identifier;
  selection: string | null;
  onSelect: (cle: string) => void;
  /** The list, so that the page keeps the focus on its selected line after V / R / N. */
  listeRef?: Ref<HTMLUListElement>;
}) {
  const translate = useTranslate();
  const libelle = useLibelleLigne();
  const valides = lignes.filter((l) => l.validee).length;
  return (
    <Carte
      titre="app.traitement.pieces.titre"
      action={
        <Typography variant="caption" color={valides === lignes.length ? 'success.main' : 'text.secondary'}>
          {translate('app.traitement.pieces.compte', { smart_count: valides, total: lignes.length })}
        </Typography>
      }
    >
      <List ref={listeRef} dense disablePadding aria-label={translate('app.traitement.pieces.titre')}>
        {lignes.map((l) => {
          const cle = cleLigne(l);
          const demande = l.demandePiece;
          return (
            // A list holds list items (WCAG 1.3.1): each line's button sits in its <li>, « Demander la pièce » beside it.
            <ListItem key={cle} disablePadding sx={{ gap: 1 }}>
              <ListItemButton id={idLigne(l)} selected={cle === selection} onClick={() => onSelect(cle)} sx={{ borderRadius: 1, gap: 1 }}>
                <ListItemText
                  primary={libelle(l)}
                  secondary={
                    <>
                      {translate(`app.traitement.pieces.source.${l.source}`)}
                      {demande && (
                        <Typography
                          component="span"
                          variant="caption"
                          color="warning.dark"
                          title={translate('app.traitement.pieces.demander.demandeePar', { date: formatDay(demande.demandeeLe), agent: demande.agentNom, motif: demande.motif })}
                          sx={{ display: 'block', fontWeight: 500 }}
                        >
                          {translate('app.traitement.pieces.demander.demandee', { date: formatDay(demande.demandeeLe) })}
                        </Typography>
                      )}
                    </>
                  }
                  slotProps={{ primary: { variant: 'body2', sx: { fontWeight: cle === selection ? 600 : 400 } }, secondary: { variant: 'caption' } }}
                />
                <StatutLigne ligne={l} />
              </ListItemButton>
              {candidatureId != null && l.demandable && <DemanderPieceButton candidatureId={candidatureId} ligne={l} libelle={libelle(l)} />}
            </ListItem>
          );
        })}
      </List>
    </Carte>
  );
}
