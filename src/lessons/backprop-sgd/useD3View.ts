import { useEffect, useRef } from 'react';
import type { ViewHandle } from '../../core/viz/createGraphView';

/**
 * Binds a framework-free d3 engine to a React element: creates the view when the element mounts
 * or `key` changes (e.g. the language of its title), destroys it on unmount, and calls `update`
 * whenever `state` changes. Returns the ref to put on the container element.
 */
export function useD3View<S, E extends HTMLElement = HTMLDivElement>(
  create: (el: E) => ViewHandle<S>,
  state: S,
  key: string,
) {
  const ref = useRef<E>(null);
  const view = useRef<ViewHandle<S> | null>(null);
  const latest = useRef({ create, state });
  useEffect(() => {
    latest.current = { create, state };
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const v = latest.current.create(el);
    v.update(latest.current.state);
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
  }, [key]);
  useEffect(() => {
    view.current?.update(state);
  }, [state]);
  return ref;
}
