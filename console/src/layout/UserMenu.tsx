import { Box, Typography } from '@mui/material';
import { Logout, UserMenu as RaUserMenu, useGetIdentity, useTranslate } from 'react-admin';
import { enumLabelKey } from '@console/common/enums';

/** The user menu: who is signed in, with which role and territories, then « Déconnexion ». */
export function UserMenu() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  return (
    // The button shows the agent's name: its accessible name starts with it (WCAG 2.5.3).
    <RaUserMenu label={identity?.fullName ? `${identity.fullName} — ${translate('ra.auth.user_menu')}` : undefined}>
      {identity && (
        <Box sx={{ px: 2, py: 1, minWidth: 220 }} aria-label="profil">
          <Typography variant="subtitle2">{identity.fullName}</Typography>
          <Typography variant="body2" color="text.secondary">
            {translate(enumLabelKey('role', String(identity.role)))}
          </Typography>
          {Array.isArray(identity.territoires) && identity.territoires.length > 0 && (
            <Typography variant="caption" color="text.secondary">
              {translate('resources.agents.fields.territoires')} : {identity.territoires.join(', ')}
            </Typography>
          )}
        </Box>
      )}
      <Logout />
    </RaUserMenu>
  );
}
