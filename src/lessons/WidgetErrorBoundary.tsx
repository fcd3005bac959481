import { Component, type ReactNode } from 'react';
import type { Lang } from '../core/lessons/types';
import { translate } from '../i18n/translate';

/** Shown while a lazily loaded widget's code arrives. */
export function WidgetLoading({ lang }: { lang: Lang }) {
  return (
    <p className="widget-loading" role="status">
      {translate(lang, 'widget.loading')}
    </p>
  );
}

interface State {
  error: Error | null;
}

/**
 * Catches a widget that throws while rendering (or whose lazy chunk fails to load) and shows a
 * clear message instead of an empty page; the rest of the lesson keeps working.
 */
export class WidgetErrorBoundary extends Component<{ lang: Lang; children?: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render() {
    if (this.state.error) {
      return (
        <p className="widget-error" role="alert">
          {translate(this.props.lang, 'widget.failed', { message: this.state.error.message })}
        </p>
      );
    }
    return this.props.children;
  }
}
