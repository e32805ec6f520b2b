import SendIcon from '@mui/icons-material/Send';
import { Alert, Link, List, ListItem, Typography } from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Dossier, PreconditionsDesignation } from '@console/data/instruction';
import type { CandidatureFile } from '@console/candidatures/types';
import { useLibelleLigne } from '@console/candidatures/dossier/PiecesChecklist';
import { idLigne } from '@console/candidatures/dossier/pieces';
import { BoutonAction } from './BoutonAction';
import { MotifDialog } from './MotifDialog';
import { useCandidatureAction, type RefusApi } from './useCandidatureAction';

/** Shows a checklist line in the viewer (as a click on it does) and gives it the focus. */
function allerALaPiece(id: string) {
  const ligne = document.getElementById(id);
  if (!ligne) return;
  ligne.click();
  ligne.scrollIntoView?.({ block: 'nearest' });
  ligne.focus();
}

/** Why « Désigner » is disabled, inline: the pieces to validate as links to their checklist line, the other refusals in French. */
export function RaisonDesignation({ id, designation }: { id: string; designation: PreconditionsDesignation }) {
  const translate = useTranslate();
  const libelle = useLibelleLigne();
  const autres = designation.refus.filter((r) => r.code !== 'PIECES_NON_VALIDEES' || designation.piecesAValider.length === 0);
  return (
    <Alert id={id} severity="info" variant="outlined" sx={{ py: 0, '& .MuiAlert-message': { py: 0.75 } }}>
      <Typography variant="body2" sx={{ fontWeight: 600 }}>
        {translate('app.traitement.actions.designation.impossible')}
      </Typography>
      {designation.piecesAValider.length > 0 && (
        <Typography variant="body2" component="div">
          {translate('app.traitement.actions.designation.pieces')}{' '}
          {designation.piecesAValider.map((p, i) => (
            <span key={`${p.type}:${p.titulaire}`}>
              {i > 0 && ', '}
              <Link
                href={`#${idLigne(p)}`}
                onClick={(e) => {
                  e.preventDefault();
                  allerALaPiece(idLigne(p));
                }}
              >
                {libelle(p)}
              </Link>
            </span>
          ))}
        </Typography>
      )}
      {autres.map((r) => (
        <Typography key={r.code} variant="body2">
          {r.raison}
        </Typography>
      ))}
    </Alert>
  );
}

/**
 * « Désigner au bailleur » (R-DESIGNATE). Its preconditions come with the dossier: while one
 * fails, the button is disabled and the reason shows under the actions (pieces linked to their
 * line). A click asks for confirmation (the demandeur is mailed); when better-ranked candidatures
 * still wait, the dialog names them and asks for the motif. A SAUT_DE_RANG_SANS_MOTIF answer (the
 * ranking changed since the page loaded) opens the same dialog with the API's French detail.
 */
export function DesignerButton({ record, bloque, dossier }: { record: CandidatureFile; bloque?: boolean; dossier?: Dossier }) {
  const translate = useTranslate();
  const [ouvert, setOuvert] = useState(false);
  const [saut, setSaut] = useState<string | null>(null);
  const { executer, pending } = useCandidatureAction(record.id, 'designer');
  const designation = dossier?.designation ?? null;
  const impossible = designation != null && !designation.possible;
  const devancees = designation?.devancees ?? [];
  const avecMotif = saut != null || (designation?.devanceesTotal ?? 0) > 0;
  const demanderMotif = (refus: RefusApi) => {
    if (refus.body?.code !== 'SAUT_DE_RANG_SANS_MOTIF') return false;
    setSaut(refus.message);
    setOuvert(true);
    return true;
  };
  const fermer = () => {
    setOuvert(false);
    setSaut(null);
  };
  const reste = (designation?.devanceesTotal ?? 0) - devancees.length;
  return (
    <>
      <BoutonAction
        label={translate('app.traitement.actions.designer')}
        icon={<SendIcon />}
        variant="contained"
        onClick={() => {
          setSaut(null);
          setOuvert(true);
        }}
        pending={pending && !ouvert}
        bloque={bloque}
        desactive={impossible}
        decritPar={impossible ? 'raison-designation' : undefined}
      />
      <MotifDialog
        open={ouvert}
        motif={avecMotif}
        title={translate(avecMotif ? 'app.traitement.actions.titres.designer' : 'app.traitement.actions.designation.confirmerTitre')}
        alert={saut}
        help={
          <>
            {translate('app.traitement.actions.designation.confirmerAide', { reference: record.reference })}
            {avecMotif && ` ${translate('app.traitement.actions.aides.designer')}`}
          </>
        }
        pending={pending}
        confirmLabel={translate('app.traitement.actions.designer')}
        onConfirm={({ motif }) => executer(motif ? { motif } : {}, { onSucces: fermer, onRefus: demanderMotif })}
        onClose={fermer}
      >
        {devancees.length > 0 && (
          <div>
            <Typography variant="body2">{translate('app.traitement.actions.designation.devancees')}</Typography>
            <List dense disablePadding sx={{ listStyle: 'disc', pl: 3 }}>
              {devancees.map((d) => (
                <ListItem key={d.candidatureId} disablePadding sx={{ display: 'list-item' }}>
                  <Typography variant="body2">{translate('app.traitement.actions.designation.devancee', d)}</Typography>
                </ListItem>
              ))}
            </List>
            {reste > 0 && <Typography variant="body2">{translate('app.traitement.actions.designation.autres', { smart_count: reste })}</Typography>}
          </div>
        )}
      </MotifDialog>
    </>
  );
}
