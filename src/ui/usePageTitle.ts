import { useEffect } from 'react';
import { useT } from '../i18n/useT';

/** Sets `document.title` to "<page> · Radiology CNN Lab". */
export function usePageTitle(title: string): void {
  const t = useT();
  const brand = t('app.brand');
  useEffect(() => {
    document.title = title === '' ? brand : `${title} · ${brand}`;
  }, [title, brand]);
}
