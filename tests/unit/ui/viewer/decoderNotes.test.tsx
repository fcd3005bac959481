// @vitest-environment jsdom
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLanguageStore } from '../../../../src/i18n/languageStore';
import { Viewer } from '../../../../src/ui/viewer/Viewer';
import { strayLatinInPage } from '../../helpers/chineseText';
import { makeCt, setUpViewerTests } from './viewerFixtures';

setUpViewerTests();

const NOTE = 'The data set is encoded as 1.2.840.10008.1.2, not as the declared Explicit VR Little Endian.';

describe('Viewer: the decoder’s repair notes', () => {
  it('shows header.DecoderNotes in the metadata, marked as English', () => {
    render(<Viewer image={makeCt({ header: { DecoderNotes: NOTE } })} showLoader={false} />);
    const meta = screen.getByTestId('viewer-metadata');
    const label = within(meta).getByText('Repaired while reading');
    expect(label.tagName).toBe('DT');
    const note = within(meta).getByText(NOTE);
    expect(note.getAttribute('lang')).toBe('en');
    expect(label.parentElement?.contains(note)).toBe(true);
  });

  it('has no row when the header has no notes', () => {
    render(<Viewer image={makeCt()} showLoader={false} />);
    expect(within(screen.getByTestId('viewer-metadata')).queryByText('Repaired while reading')).toBeNull();
  });

  it('labels the notes in Chinese and keeps the English note out of the stray-Latin check', () => {
    useLanguageStore.getState().setLang('zh');
    render(<Viewer image={makeCt({ header: { DecoderNotes: NOTE } })} showLoader={false} />);
    const meta = screen.getByTestId('viewer-metadata');
    expect(within(meta).getByText('读取时的修复说明')).toBeTruthy();
    expect(within(meta).getByText(NOTE)).toBeTruthy();
    expect(strayLatinInPage(meta)).toEqual([]);
  });
});
