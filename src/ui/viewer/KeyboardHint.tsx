import { useViewerT } from './useViewerT';

const Keys = ({ keys }: { keys: string[] }) => (
  <>
    {keys.map((k, i) => (
      <span key={k}>
        {i > 0 && ' '}
        <kbd lang="en">{k}</kbd>
      </span>
    ))}
  </>
);

/**
 * The on-screen hint for mouse and keyboard (the canvas's aria-describedby). The keys listed here
 * are the ones `keyAction` (viewerKeys.ts) handles.
 */
export function KeyboardHint({ id, multiFrame }: { id: string; multiFrame: boolean }) {
  const t = useViewerT();
  const rows: [string[], string][] = [
    [['←', '→'], t('hint.width')],
    [['↑', '↓'], t('hint.level')],
    [['Shift'], t('hint.bigStep')],
    [['I', 'J', 'K', 'L'], t('hint.probe')],
    [['+', '−', '0'], t('hint.zoom')],
    [['P'], t('hint.pan')],
    [['R'], t('hint.reset')],
  ];
  if (multiFrame) rows.push([['PageUp', 'PageDown'], t('hint.frames')]);
  return (
    <details className="viewer__hint">
      <summary>{t('hint.heading')}</summary>
      <div id={id}>
        <p>{t('hint.drag')}</p>
        <p>{t('hint.panDrag')}</p>
        <dl className="viewer__keys">
          {rows.map(([keys, text]) => (
            <div key={keys.join()} className="viewer__fact">
              <dt>
                <Keys keys={keys} />
              </dt>
              <dd>{text}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}
