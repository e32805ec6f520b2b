import NextIcon from '@mui/icons-material/NavigateNext';
import PrevIcon from '@mui/icons-material/NavigateBefore';
import { IconButton, Stack, Tooltip, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router-dom';
import { usePrevNextController, useTranslate } from 'react-admin';
import type { CandidatureFile } from '@console/candidatures/types';
import { dialogueOuvert, saisieEnCours } from '@console/common/raccourcis';
import { FILE_FILTRE_DEFAUT, FILE_TRI_DEFAUT } from '@console/candidatures/file/fileStockee';

/** The API serves at most 100 rows per request: the neighbours are looked for in the list's first 100 (or the page in cache). */
const LIMITE = 100;

/**
 * Previous / next dossier of the queue as the agent left it (tab, filters, sort), without going
 * back to the list: arrows, and the keys j / k or Alt + ← / →. The last neighbours known are
 * kept when the dossier leaves the current tab after an action (e.g. once instructed).
 */
export function NavigationDossiers({ record }: { record: CandidatureFile }) {
  const translate = useTranslate();
  const navigate = useNavigate();
  const courant = usePrevNextController<CandidatureFile>({ linkType: 'show', limit: LIMITE, filterDefaultValues: FILE_FILTRE_DEFAUT, sort: FILE_TRI_DEFAUT });
  const memo = useRef<{ id: unknown; nav: typeof courant } | null>(null);
  if (courant.index != null) memo.current = { id: record.id, nav: courant };
  const nav = courant.index == null && memo.current?.id === record.id ? memo.current.nav : courant;
  const { prevPath, nextPath, index, total } = nav;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.ctrlKey || e.metaKey || saisieEnCours(e.target) || dialogueOuvert()) return;
      const suivant = (!e.altKey && e.key === 'j') || (e.altKey && e.key === 'ArrowRight');
      const precedent = (!e.altKey && e.key === 'k') || (e.altKey && e.key === 'ArrowLeft');
      const chemin = suivant ? nextPath : precedent ? prevPath : undefined;
      if (!chemin) return;
      e.preventDefault();
      navigate(chemin);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prevPath, nextPath, navigate]);

  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 0.5 }}>
      <Tooltip placement="top" title={`${translate('app.traitement.dossier.precedent')} (k)`}>
        <span>
          <IconButton size="small" aria-label={translate('app.traitement.dossier.precedent')} disabled={!prevPath} onClick={() => prevPath && navigate(prevPath)}>
            <PrevIcon />
          </IconButton>
        </span>
      </Tooltip>
      {index != null && total != null && (
        <Typography variant="caption" sx={{ whiteSpace: 'nowrap' }}>
          {translate('app.traitement.dossier.position', { index: index + 1, total })}
        </Typography>
      )}
      <Tooltip placement="top" title={`${translate('app.traitement.dossier.suivant')} (j)`}>
        <span>
          <IconButton size="small" aria-label={translate('app.traitement.dossier.suivant')} disabled={!nextPath} onClick={() => nextPath && navigate(nextPath)}>
            <NextIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Typography variant="caption" color="text.secondary" sx={{ whiteSpace: 'nowrap', display: { xs: 'none', md: 'inline' } }}>
        {translate('app.traitement.dossier.raccourcis')}
      </Typography>
    </Stack>
  );
}
