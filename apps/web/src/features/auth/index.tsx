// Logging in, and the user's own password. The session itself (token, expiry, 401) is shared:
// shared/session.tsx. The shell (app/) opens the login page at /login and the password dialog
// from the header; a session with a temporary password sees only ChangePasswordPage.
import LoginPage from './pages/LoginPage';
import ChangePasswordPage from './pages/ChangePasswordPage';
import ChangePasswordDialog from './components/ChangePasswordDialog';

export { LoginPage, ChangePasswordPage, ChangePasswordDialog };
