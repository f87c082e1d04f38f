// Logging in, and the user's own password. The session itself (token, expiry, 401) is shared:
// shared/session.tsx. The shell (app/) opens the login page at /login and the password dialog
// from the header.
import LoginPage from './pages/LoginPage';
import ChangePasswordDialog from './components/ChangePasswordDialog';

export { LoginPage, ChangePasswordDialog };
