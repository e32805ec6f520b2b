import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout, TitlePortal } from 'react-admin';
import { Menu } from './Menu';
import { UserMenu } from './UserMenu';

const AppBarWithProfile = () => (
  <AppBar userMenu={<UserMenu />}>
    <TitlePortal />
  </AppBar>
);

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={AppBarWithProfile}>
    {children}
  </RaLayout>
);
