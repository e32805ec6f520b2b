import type { ReactNode } from 'react';
import { AppBar, Layout as RaLayout } from 'react-admin';
import { Menu } from './Menu';
import { UserMenu } from './UserMenu';

const AppBarWithProfile = () => <AppBar color="primary" userMenu={<UserMenu />} />;

export const Layout = ({ children }: { children: ReactNode }) => (
  <RaLayout menu={Menu} appBar={AppBarWithProfile}>
    {children}
  </RaLayout>
);
