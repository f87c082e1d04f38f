import { Component, type ReactNode } from 'react';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/I18n';

interface State {
  error: Error | null;
}

/**
 * Shows a page that failed to render or load (e.g. a chunk of an older build after the
 * gateway was updated) with a reload button, instead of a blank screen.
 */
class Boundary extends Component<{ children: ReactNode; title: string; detail: string; reload: string }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Result
        status="error"
        title={this.props.title}
        // the browser's own message is English and technical: the officer reads the page's sentence, the console the cause
        subTitle={this.props.detail}
        extra={<Button onClick={() => window.location.reload()}>{this.props.reload}</Button>}
      />
    );
  }
}

export default function ErrorBoundary({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Boundary title={t('error.page')} detail={t('error.generic')} reload={t('action.reload')}>
      {children}
    </Boundary>
  );
}
