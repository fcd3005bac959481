import { useEffect, useState } from 'react';
import { loadClassifierData, type ClassifierData } from './classifierData';

/** The phantom patches of the classifier step as React state. */
export type ClassifierDataState =
  { status: 'loading' } | { status: 'ready'; data: ClassifierData } | { status: 'error'; message: string };

/** Starts (or joins) the once-per-page build of the classifier's patches and features. */
export function useClassifierData(): ClassifierDataState {
  const [state, setState] = useState<ClassifierDataState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadClassifierData().then(
      (data) => live && setState({ status: 'ready', data }),
      (e: unknown) =>
        live && setState({ status: 'error', message: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
