import { useEffect, useRef } from 'react';
import type { ViewHandle } from '../core/viz/ViewHandle';

/**
 * Binds a framework-free d3 engine to a React element: creates the view when the element mounts
 * or `key` changes (e.g. the language of its title), destroys it on unmount, and calls `update`
 * whenever `state` changes. A state object is drawn once: the first draw after creation is not
 * repeated by the state effect. Returns the ref to put on the container element.
 */
export function useD3View<S, E extends HTMLElement = HTMLDivElement>(
  create: (el: E) => ViewHandle<S>,
  state: S,
  key: string,
) {
  const ref = useRef<E>(null);
  const view = useRef<ViewHandle<S> | null>(null);
  /** The state the current view last drew. */
  const applied = useRef<{ state: S } | null>(null);
  const latest = useRef({ create, state });
  useEffect(() => {
    latest.current = { create, state };
  });
  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const v = latest.current.create(el);
    const s = latest.current.state;
    v.update(s);
    view.current = v;
    applied.current = { state: s };
    return () => {
      v.destroy();
      view.current = null;
      applied.current = null;
    };
  }, [key]);
  useEffect(() => {
    const v = view.current;
    if (!v || (applied.current && applied.current.state === state)) return;
    v.update(state);
    applied.current = { state };
  }, [state]);
  return ref;
}
