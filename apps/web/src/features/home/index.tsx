// The staff's landing page.
import { lazy } from 'react';
import { HomeOutlined } from '@ant-design/icons';
import type { Feature } from '../../shared/routes';

const HomePage = lazy(() => import('./pages/HomePage'));

export const home: Feature = {
  nav: { key: 'home', path: '/', labelKey: 'nav.home', icon: <HomeOutlined aria-hidden /> },
  routes: [{ path: '/', titleKey: 'nav.home', render: () => <HomePage /> }],
};
