import OpenIcon from '@mui/icons-material/OpenInNew';
import RotateIcon from '@mui/icons-material/RotateRight';
import FitIcon from '@mui/icons-material/FitScreen';
import ZoomInIcon from '@mui/icons-material/ZoomIn';
import ZoomOutIcon from '@mui/icons-material/ZoomOut';
import { Alert, Box, IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useState, type ReactNode, type SyntheticEvent } from 'react';
import { useTranslate } from 'react-admin';
import { saisieEnCours } from '@console/common/raccourcis';
import { useCan } from '@console/common/useAbility';
import { fichierUrl } from '@console/data/dataProvider';
import type { Justificatif } from '@console/data/records';

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3];

function Outil({ label, onClick, disabled, children }: { label: string; onClick: () => void; disabled?: boolean; children: ReactNode }) {
  const translate = useTranslate();
  return (
    <Tooltip title={translate(label)}>
      <span>
        <IconButton size="small" aria-label={translate(label)} onClick={onClick} disabled={disabled}>
          {children}
        </IconButton>
      </span>
    </Tooltip>
  );
}

/** An image piece, with zoom and rotation (scans often arrive sideways). */
function Image({ piece }: { piece: Justificatif }) {
  const [zoom, setZoom] = useState(2);
  const [rotation, setRotation] = useState(0);
  useEffect(() => {
    setZoom(2);
    setRotation(0);
  }, [piece.id]);
  return (
    <>
      <Stack direction="row" sx={{ gap: 0.5, px: 1, py: 0.5, borderBottom: 1, borderColor: 'divider', bgcolor: 'grey.50' }}>
        <Outil label="app.traitement.pieces.zoomMoins" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}>
          <ZoomOutIcon fontSize="small" />
        </Outil>
        <Typography variant="caption" sx={{ alignSelf: 'center', minWidth: 40, textAlign: 'center' }}>
          {Math.round(ZOOMS[zoom] * 100)} %
        </Typography>
        <Outil label="app.traitement.pieces.zoomPlus" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1}>
          <ZoomInIcon fontSize="small" />
        </Outil>
        <Outil label="app.traitement.pieces.pivoter" onClick={() => setRotation((r) => (r + 90) % 360)}>
          <RotateIcon fontSize="small" />
        </Outil>
        <Outil label="app.traitement.pieces.ajuster" onClick={() => { setZoom(2); setRotation(0); }}>
          <FitIcon fontSize="small" />
        </Outil>
      </Stack>
      <Box sx={{ flex: 1, overflow: 'auto', bgcolor: 'grey.200', p: 2, textAlign: 'center' }}>
        <Box
          component="img"
          src={fichierUrl('justificatifs', piece.id)}
          alt={piece.nomOriginal}
          sx={{ width: `${ZOOMS[zoom] * 100}%`, maxWidth: 'none', transform: `rotate(${rotation}deg)`, transition: 'transform 120ms', boxShadow: 2, bgcolor: 'common.white', verticalAlign: 'top' }}
        />
      </Box>
    </>
  );
}

/**
 * Keys typed while the viewer's frame has the focus go to the frame's document, not to the page:
 * the page's shortcuts (j / k, V / R / N, ?) stopped working there. The frame is same-origin, so
 * its keys are replayed on the page's document (capture phase, before the frame's viewer: a key
 * the page uses is not also a page turn). A browser's built-in PDF plugin (Chrome) keeps its keys
 * to itself and cannot be reached this way.
 */
const relayees = new WeakSet<Window>();
function relayerTouches(e: SyntheticEvent<HTMLIFrameElement>) {
  let fenetre: Window | null = null;
  try {
    fenetre = e.currentTarget.contentWindow;
    if (!fenetre?.document || relayees.has(fenetre)) return;
  } catch {
    return; // not same-origin after all
  }
  relayees.add(fenetre);
  fenetre.addEventListener(
    'keydown',
    (k: KeyboardEvent) => {
      if (saisieEnCours(k.target)) return;
      const copie = new KeyboardEvent('keydown', { key: k.key, code: k.code, altKey: k.altKey, ctrlKey: k.ctrlKey, metaKey: k.metaKey, shiftKey: k.shiftKey, bubbles: true, cancelable: true });
      document.dispatchEvent(copie);
      if (copie.defaultPrevented) {
        k.preventDefault();
        k.stopPropagation();
      }
    },
    true,
  );
}

export interface PieceViewerProps {
  /** The piece shown, or null (nothing chosen yet, or nothing uploaded for the chosen line). */
  piece: Justificatif | null;
  titre: ReactNode;
  /** Shown when `piece` is null. */
  vide: string;
  /** Valider / refuser buttons. */
  actions?: ReactNode;
}

/**
 * The inline viewer beside the checklist: a PDF in the browser's viewer (iframe, same origin),
 * an image with zoom and rotation. Every load of the file is audited by the server.
 */
export function PieceViewer({ piece, titre, vide, actions }: PieceViewerProps) {
  const translate = useTranslate();
  // Only what the role may open (issue #15): a manager reads the checklist, not the files — a frame
  // would show the file route's 403 (X-Frame-Options DENY) as a broken page.
  const consultable = useCan('telecharger', 'justificatifs');
  const [refusee, setRefusee] = useState<number | null>(null);
  const url = piece && consultable ? fichierUrl('justificatifs', piece.id) : null;
  /** A same-origin frame that loaded the API's problem+json (scope, session) instead of the file: say so in French. */
  const chargee = (e: SyntheticEvent<HTMLIFrameElement>) => {
    try {
      const type = e.currentTarget.contentDocument?.contentType ?? '';
      if (/json/.test(type)) {
        setRefusee(piece?.id ?? null);
        return;
      }
    } catch {
      // cross-origin: nothing to read
    }
    relayerTouches(e);
  };
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 480, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: 'background.paper', overflow: 'hidden' }}>
      <Stack direction="row" sx={{ alignItems: 'center', gap: 1, px: 1.5, py: 1, borderBottom: 1, borderColor: 'divider', flexWrap: 'wrap' }}>
        <Box sx={{ flex: 1, minWidth: 160 }}>{titre}</Box>
        {actions}
        {url && (
          <Tooltip title={translate('app.traitement.pieces.nouvelOnglet')}>
            <IconButton size="small" href={url} target="_blank" rel="noopener noreferrer" aria-label={translate('app.traitement.pieces.nouvelOnglet')}>
              <OpenIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        )}
      </Stack>
      {piece?.motifRefus && piece.statut === 'refuse' && (
        <Alert severity="error" sx={{ borderRadius: 0, py: 0 }}>
          {piece.motifRefus}
        </Alert>
      )}
      {piece && !consultable ? (
        <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 3, bgcolor: 'grey.100' }}>
          <Alert severity="info" variant="outlined" sx={{ maxWidth: 520 }}>
            {translate('app.traitement.pieces.nonConsultable')}
          </Alert>
        </Box>
      ) : piece && refusee === piece.id ? (
        <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 3, bgcolor: 'grey.100' }}>
          <Alert severity="warning" variant="outlined" sx={{ maxWidth: 520 }}>
            {translate('app.traitement.pieces.ouvertureRefusee')}
          </Alert>
        </Box>
      ) : !piece || !url ? (
        <Box sx={{ flex: 1, display: 'grid', placeItems: 'center', p: 3, bgcolor: 'grey.100' }}>
          <Typography variant="body2" color="text.secondary">
            {vide}
          </Typography>
        </Box>
      ) : piece.mime.startsWith('image/') ? (
        <Image piece={piece} />
      ) : (
        <Box key={piece.id} component="iframe" src={`${url}#navpanes=0&view=FitH`} title={piece.nomOriginal} onLoad={chargee} sx={{ flex: 1, width: '100%', border: 0, bgcolor: 'grey.200' }} />
      )}
    </Box>
  );
}
