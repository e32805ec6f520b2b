import SearchIcon from '@mui/icons-material/Search';
import { InputAdornment, TextField } from '@mui/material';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { useTranslate } from 'react-admin';
import { useCan } from '@console/common/useAbility';

/**
 * The app bar's search (issue #15): a reference, a name, an e-mail or a phone, from any screen.
 * Enter opens « Toutes » the candidatures with that search (accent- and case-insensitive, anywhere
 * in the words: the server's trigram search), every other filter cleared.
 */
export function RechercheGlobale() {
  const translate = useTranslate();
  const navigate = useNavigate();
  const peut = useCan('read', 'candidatures');
  const [q, setQ] = useState('');
  if (!peut) return null;
  const chercher = () => {
    const texte = q.trim();
    if (!texte) return;
    navigate(`/candidatures?filter=${encodeURIComponent(JSON.stringify({ onglet: 'toutes', q: texte }))}`);
  };
  return (
    <form role="search" onSubmit={(e) => (e.preventDefault(), chercher())} style={{ marginRight: 8 }}>
      <TextField
        size="small"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder={translate('app.recherche.placeholder')}
        slotProps={{
          htmlInput: { 'aria-label': translate('app.recherche.label'), maxLength: 100 },
          input: { startAdornment: <InputAdornment position="start"><SearchIcon fontSize="small" /></InputAdornment> },
        }}
        sx={{ width: { xs: 160, md: 320 }, bgcolor: 'background.paper', borderRadius: 1 }}
      />
    </form>
  );
}
