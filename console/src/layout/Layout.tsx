import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, LoadingIndicator, TitlePortal } from 'react-admin';
import { Menu } from './Menu';
import { RechercheGlobale } from './RechercheGlobale';
import { UserMenu } from './UserMenu';

/**
 * The page's title, in the app bar, is its one h1 (RGAA 9.1): react-admin draws it as an h6,
 * the pages' own headings start at h2.
 */
const AppBarWithProfile = () => (
  <AppBar
    color="primary"
    userMenu={<UserMenu />}
    toolbar={
      <>
        <RechercheGlobale />
        <LoadingIndicator />
      </>
    }
  >
    <TitlePortal component="h1" />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={AppBarWithProfile}>
    {children}
  </RaLayout>
);
