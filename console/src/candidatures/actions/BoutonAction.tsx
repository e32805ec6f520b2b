import { Button, CircularProgress, Tooltip, type ButtonProps } from '@mui/material';
import type { ReactNode } from 'react';
import { useTranslate } from 'react-admin';

export interface BoutonActionProps {
  label: string;
  icon: ReactNode;
  onClick: () => void;
  pending: boolean;
  /** Another agent holds the dossier: acting needs a takeover first. */
  bloque?: boolean;
  variant?: ButtonProps['variant'];
  color?: ButtonProps['color'];
  /** A precondition fails: disabled, its reason shown elsewhere on the page (element `decritPar`). */
  desactive?: boolean;
  decritPar?: string;
}

/** An action button of the candidature page: disabled while its request runs or while the dossier is held by someone else. */
export function BoutonAction({ label, icon, onClick, pending, bloque = false, variant = 'outlined', color = 'primary', desactive = false, decritPar }: BoutonActionProps) {
  const translate = useTranslate();
  const bouton = (
    <Button
      size="small"
      variant={variant}
      color={color}
      startIcon={pending ? <CircularProgress size={16} color="inherit" /> : icon}
      onClick={onClick}
      disabled={pending || bloque || desactive}
      aria-describedby={decritPar}
      sx={{ whiteSpace: 'nowrap' }}
    >
      {label}
    </Button>
  );
  if (!bloque) return bouton;
  return (
    <Tooltip title={translate('app.traitement.verrou.bloque')}>
      <span>{bouton}</span>
    </Tooltip>
  );
}
