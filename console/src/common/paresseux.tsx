import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from 'react-admin';

/**
 * A screen loaded when first shown (issue #19: initial JS ≤ 350 KB gzip): its code is a chunk of
 * its own, fetched by the route that needs it, so an advisor never downloads the admin's screens
 * and the first page only loads its own.
 */
export function paresseux<P extends object>(charger: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Ecran = lazy(() => charger().then((c) => ({ default: c })));
  const Paresseux = (props: P) => (
    <Suspense fallback={<Loading />}>
      <Ecran {...props} />
    </Suspense>
  );
  return Paresseux;
}
