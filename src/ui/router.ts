import { useSyncExternalStore } from 'react';
import { parseHash, type Route } from '../core/lessons/route';

const CHANGE = 'rcl:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGE, onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGE, onChange);
  };
}

const getHash = (): string => window.location.hash;

/** The raw `location.hash`; re-renders on every navigation. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, getHash, () => '');
}

/** The parsed route of the current hash. */
export function useRoute(): Route {
  return parseHash(useHash());
}

/**
 * Goes to `hash` (e.g. `#/lesson/ai-ml-dl?step=2`). `replace` rewrites the current history entry
 * (used for parameter changes and URL clean-up) instead of adding one.
 */
export function navigate(hash: string, options: { replace?: boolean } = {}): void {
  if (window.location.hash === hash) return;
  if (options.replace) window.history.replaceState(window.history.state, '', hash);
  else window.history.pushState(null, '', hash);
  window.dispatchEvent(new Event(CHANGE));
}
