// Disbursement: budget lines (pagu) and their revisions, proposals (usulan) made from the pool
// of verified applications and their approval, decrees (SK) with their recipients, the requests
// to the finance office and their settlements. Pages by role: roles.ts follows the gateway.
import { lazy } from 'react';
import { AuditOutlined, BankOutlined, BarChartOutlined, FileDoneOutlined, WalletOutlined } from '@ant-design/icons';
import type { Feature } from '../../shared/routes';
import { DISB_STAFF, PROPOSERS } from './roles';

const BudgetLinesPage = lazy(() => import('./pages/BudgetLinesPage'));
const BudgetLinePage = lazy(() => import('./pages/BudgetLinePage'));
const ProposalsPage = lazy(() => import('./pages/ProposalsPage'));
const NewProposalPage = lazy(() => import('./pages/NewProposalPage'));
const ProposalPage = lazy(() => import('./pages/ProposalPage'));
const DecreesPage = lazy(() => import('./pages/DecreesPage'));
const DecreePage = lazy(() => import('./pages/DecreePage'));
const RealisationPage = lazy(() => import('./pages/RealisationPage'));

export const disbursement: Feature = {
  nav: {
    key: 'disbursement',
    path: '/disbursement',
    labelKey: 'nav.disbursement',
    icon: <BankOutlined aria-hidden />,
    roles: DISB_STAFF,
    children: [
      {
        key: 'disbursement.lines',
        path: '/disbursement/budget-lines',
        labelKey: 'nav.disbursement.lines',
        icon: <WalletOutlined aria-hidden />,
      },
      {
        key: 'disbursement.proposals',
        path: '/disbursement/proposals',
        labelKey: 'nav.disbursement.proposals',
        icon: <AuditOutlined aria-hidden />,
      },
      {
        key: 'disbursement.decrees',
        path: '/disbursement/decrees',
        labelKey: 'nav.disbursement.decrees',
        icon: <FileDoneOutlined aria-hidden />,
      },
      {
        key: 'disbursement.realisation',
        path: '/disbursement/realisation',
        labelKey: 'nav.disbursement.realisation',
        icon: <BarChartOutlined aria-hidden />,
      },
    ],
  },
  routes: [
    { path: '/disbursement', titleKey: 'nav.disbursement', redirect: '/disbursement/budget-lines', render: () => null },
    { path: '/disbursement/budget-lines', titleKey: 'nav.disbursement.lines', roles: DISB_STAFF, render: () => <BudgetLinesPage /> },
    {
      path: '/disbursement/budget-lines/:id',
      titleKey: 'disb.line.pageTitle',
      roles: DISB_STAFF,
      render: (p) => <BudgetLinePage id={p.id} />,
    },
    { path: '/disbursement/proposals', titleKey: 'nav.disbursement.proposals', roles: DISB_STAFF, render: () => <ProposalsPage /> },
    // before `:id`: the first matching route wins
    { path: '/disbursement/proposals/new', titleKey: 'disb.proposal.newTitle', roles: PROPOSERS, render: () => <NewProposalPage /> },
    { path: '/disbursement/proposals/:id', titleKey: 'disb.proposal.title', roles: DISB_STAFF, render: (p) => <ProposalPage id={p.id} /> },
    { path: '/disbursement/decrees', titleKey: 'nav.disbursement.decrees', roles: DISB_STAFF, render: () => <DecreesPage /> },
    { path: '/disbursement/decrees/:id', titleKey: 'disb.decree.pageTitle', roles: DISB_STAFF, render: (p) => <DecreePage id={p.id} /> },
    {
      path: '/disbursement/realisation',
      titleKey: 'nav.disbursement.realisation',
      roles: DISB_STAFF,
      render: () => <RealisationPage />,
    },
  ],
};
