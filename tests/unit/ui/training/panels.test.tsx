// @vitest-environment jsdom
/**
 * The training panels: controlled controls call onChange with the right values, keyboard use,
 * labels, numbers checked by hand, and Chinese pages without stray English.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Lang } from '../../../../src/core/lessons/types';
import type { ImageDataset } from '../../../../src/core/datasets/imageDataset';
import {
  DIFFICULTY_PRESETS,
  type PhantomDatasetSpec,
} from '../../../../src/core/datasets/phantomTrainingSet';
import {
  NO_AUGMENT,
  type TrainConfig,
  type TrainProgress,
} from '../../../../src/core/training/trainingTypes';
import { AugmentPreview, augmentPreview } from '../../../../src/ui/training/AugmentPreview';
import { DatasetPanel, DEFAULT_PHANTOM_SPEC } from '../../../../src/ui/training/DatasetPanel';
import { MedMnistPicker } from '../../../../src/ui/training/MedMnistPicker';
import {
  classCounts,
  droppedFiles,
  OwnImagesImport,
  pathBelowRoot,
} from '../../../../src/ui/training/OwnImagesImport';
import { PhantomControls } from '../../../../src/ui/training/PhantomControls';
import { SampleGrid, samplesPerClass } from '../../../../src/ui/training/SampleGrid';
import { DEFAULT_CUSTOM, SetupPanel } from '../../../../src/ui/training/SetupPanel';
import { SplitSummary } from '../../../../src/ui/training/SplitSummary';
import { etaMs, formatDuration, TrainControls } from '../../../../src/ui/training/TrainControls';
import { TrainingCurves, runBatchesPerEpoch } from '../../../../src/ui/training/TrainingCurves';
import { DEFAULT_CONFIG, DEFAULT_SPLIT, useTrainingStore } from '../../../../src/ui/training/trainingStore';
import * as texts from '../../../../src/ui/training/trainingTexts';
import { collectLocalized, expectGoodLocalized, strayLatinInPage } from '../../helpers/chineseText';
import { Controlled } from '../../helpers/Controlled';

afterEach(() => cleanup());

/** 6 images of 2 × 2 pixels: labels 0,1,0,1,1,0; patients 0,0,1,1,2,2. */
function dataset(): ImageDataset {
  return {
    size: 2,
    count: 6,
    images: Float32Array.from({ length: 24 }, (_, i) => (i % 4) / 4),
    labels: Int32Array.from([0, 1, 0, 1, 1, 0]),
    classNames: [
      { en: 'no nodule', zh: '无结节' },
      { en: 'nodule', zh: '有结节' },
    ],
    patientIds: Int32Array.from([0, 0, 1, 1, 2, 2]),
    presetSplit: null,
    spacingMm: 0.7,
    source: { kind: 'phantom', description: { en: 'test', zh: '测试' } },
  };
}

function progress(p: Partial<TrainProgress>): TrainProgress {
  return {
    state: 'running',
    epoch: 2,
    epochs: 4,
    batchInEpoch: 3,
    batchesPerEpoch: 10,
    stepsDone: 13,
    stepsTotal: 40,
    trainMs: 6500,
    examplesPerSec: 64,
    ...p,
  };
}

describe('texts', () => {
  it('every text has both languages, the same placeholders and clean Chinese', () => {
    const all = collectLocalized(texts, 'trainingTexts');
    expect(all.length).toBeGreaterThan(100);
    for (const [path, t] of all) expectGoodLocalized(path, t);
  });
  it('fill replaces placeholders', () => {
    expect(texts.fill('{a} of {b}, {a}', { a: 1, b: 'x' })).toBe('1 of x, 1');
  });
});

describe('PhantomControls', () => {
  function Harness({ onSpec, lang = 'en' }: { onSpec(s: PhantomDatasetSpec): void; lang?: Lang }) {
    return (
      <Controlled initial={DEFAULT_PHANTOM_SPEC} spy={onSpec}>
        {(spec, onChange) => <PhantomControls spec={spec} lang={lang} onChange={onChange} />}
      </Controlled>
    );
  }

  it('changes task, preset, numbers; refuses an out-of-range count', async () => {
    const user = userEvent.setup();
    const onSpec = vi.fn();
    render(<Harness onSpec={onSpec} />);
    await user.selectOptions(screen.getByLabelText('Task'), 'haemorrhage');
    expect(onSpec).toHaveBeenLastCalledWith({ ...DEFAULT_PHANTOM_SPEC, task: 'haemorrhage' });
    await user.selectOptions(screen.getByLabelText('Difficulty'), 'hard');
    expect(onSpec.mock.lastCall?.[0].difficulty).toEqual(DIFFICULTY_PRESETS.hard);
    // A changed number makes the preset "custom".
    const noise = screen.getByLabelText('Noise (HU)');
    await user.clear(noise);
    await user.type(noise, '7');
    expect(onSpec.mock.lastCall?.[0].difficulty.noiseHu).toBe(7);
    expect((screen.getByLabelText('Difficulty') as HTMLSelectElement).value).toBe('custom');
    const count = screen.getByLabelText('Images');
    onSpec.mockClear();
    await user.clear(count);
    await user.type(count, '2');
    expect(onSpec).not.toHaveBeenCalled();
    expect(count.getAttribute('aria-invalid')).toBe('true');
    await user.type(count, '00');
    expect(onSpec).toHaveBeenLastCalledWith(expect.objectContaining({ count: 200 }));
    expect(count.getAttribute('aria-invalid')).toBeNull();
    await user.clear(screen.getByLabelText('Share with a lesion'));
    await user.type(screen.getByLabelText('Share with a lesion'), '0.2');
    expect(onSpec.mock.lastCall?.[0].positiveFraction).toBe(0.2);
  });
});

describe('SetupPanel', () => {
  function Harness({ onConfig }: { onConfig(c: TrainConfig): void }) {
    return (
      <Controlled initial={DEFAULT_CONFIG} spy={onConfig}>
        {(config, onChange) => <SetupPanel config={config} lang="en" onChange={onChange} />}
      </Controlled>
    );
  }

  it('model, optimizer, numbers and augmentation; checkboxes by keyboard', async () => {
    const user = userEvent.setup();
    const onConfig = vi.fn();
    render(<Harness onConfig={onConfig} />);
    await user.selectOptions(screen.getByLabelText('Model'), 'custom');
    expect(onConfig.mock.lastCall?.[0].model).toEqual(DEFAULT_CUSTOM);
    await user.selectOptions(screen.getByLabelText('Kernel size'), '5');
    expect(onConfig.mock.lastCall?.[0].model).toEqual({ ...DEFAULT_CUSTOM, kernel: 5 });
    await user.selectOptions(screen.getByLabelText('Model'), 'lenet5');
    expect(onConfig.mock.lastCall?.[0].model).toEqual({ kind: 'zoo', id: 'lenet5', pretrained: false });
    await user.selectOptions(screen.getByLabelText('Optimizer'), 'momentum');
    expect(onConfig.mock.lastCall?.[0].optimizer).toEqual({
      kind: 'momentum',
      learningRate: 0.001,
      momentum: 0.9,
    });
    const lr = screen.getByLabelText('Learning rate');
    await user.clear(lr);
    await user.type(lr, '0.05');
    expect(onConfig.mock.lastCall?.[0].optimizer.learningRate).toBe(0.05);
    await user.selectOptions(screen.getByLabelText('Class weights'), 'balanced');
    expect(onConfig.mock.lastCall?.[0].classWeights).toBe('balanced');
    // Keyboard: focus the mirror switch and press Space.
    const flip = screen.getByLabelText('Mirror left–right');
    flip.focus();
    await user.keyboard(' ');
    expect(onConfig.mock.lastCall?.[0].augment).toEqual({ ...NO_AUGMENT, flip: true });
    const pre = screen.getByLabelText(/zoo’s trained weights/);
    pre.focus();
    await user.keyboard(' ');
    expect(onConfig.mock.lastCall?.[0].model).toEqual({ kind: 'zoo', id: 'lenet5', pretrained: true });
    await user.clear(screen.getByLabelText('Shift up to ± pixels'));
    await user.type(screen.getByLabelText('Shift up to ± pixels'), '3');
    expect(onConfig.mock.lastCall?.[0].augment.shiftPx).toBe(3);
  });
});

describe('TrainControls', () => {
  const handlers = () => ({
    onTrain: vi.fn(),
    onPlay: vi.fn(),
    onPause: vi.fn(),
    onStep: vi.fn(),
    onStop: vi.fn(),
  });
  type Props = ComponentProps<typeof TrainControls>;
  /** The controls with an idle trainer, in English, calling `h`. */
  const controls = (
    h: ReturnType<typeof handlers>,
    p: Props['progress'],
    backend: Props['backend'] = null,
  ) => (
    <TrainControls progress={p} backend={backend} trainer={{ status: 'idle' }} canTrain lang="en" {...h} />
  );

  it('ETA = remaining steps × time per step so far, formatted', () => {
    // 27 steps left × 6500/13 = 500 ms each.
    expect(etaMs(progress({}))).toBe(13_500);
    expect(etaMs(progress({ stepsDone: 0, trainMs: 0 }))).toBeNull();
    expect(formatDuration(13_500, 'en')).toBe('14 s');
    expect(formatDuration(185_000, 'en')).toBe('3 min 05 s');
    expect(formatDuration(185_000, 'zh')).toBe('3 分 05 秒');
  });

  it('buttons by state, keyboard, progress with counters, speed, ETA and backend', async () => {
    const user = userEvent.setup();
    const h = handlers();
    const { rerender } = render(controls(h, null));
    expect(screen.getByRole('button', { name: 'Play' })).toHaveProperty('disabled', true);
    expect(screen.getByRole('button', { name: 'Stop' })).toHaveProperty('disabled', true);
    await user.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Train a new model' }));
    await user.keyboard('{Enter}');
    expect(h.onTrain).toHaveBeenCalledTimes(1);

    rerender(
      controls(h, progress({}), { backend: 'wasm', reason: 'software-gpu', softwareGpu: true, attempts: [] }),
    );
    const bar = screen.getByRole('progressbar', { name: 'Training progress' }) as HTMLProgressElement;
    expect(bar.max).toBe(40);
    expect(bar.value).toBe(13);
    expect(screen.getByTestId('train-counters').textContent).toBe('Training: Epoch 2 of 4, batch 3 of 10');
    expect(screen.getByTestId('train-speed').textContent).toContain('64 images/s');
    expect(screen.getByTestId('train-speed').textContent).toContain('about 14 s left');
    expect(screen.getByTestId('train-backend').textContent).toBe('Running on wasm');
    expect(screen.getByRole('button', { name: 'Train a new model' })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    expect(h.onPause).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('train-live').getAttribute('aria-live')).toBe('polite');

    rerender(controls(h, progress({ state: 'paused' })));
    screen.getByRole('button', { name: 'One batch' }).focus();
    await user.keyboard('{Enter}');
    expect(h.onStep).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Play' }));
    expect(h.onPlay).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Stop' }));
    expect(h.onStop).toHaveBeenCalledTimes(1);
  });

  it('announces politely, at most every few seconds', () => {
    vi.useFakeTimers();
    try {
      const h = handlers();
      const { rerender } = render(controls(h, progress({ stepsDone: 1, batchInEpoch: 1, epoch: 1 })));
      const live = screen.getByTestId('train-live');
      const first = live.textContent;
      rerender(controls(h, progress({ stepsDone: 2, batchInEpoch: 2, epoch: 1 })));
      act(() => void vi.advanceTimersByTime(1000));
      expect(live.textContent).not.toBe(first);
      rerender(controls(h, progress({ stepsDone: 3, batchInEpoch: 3, epoch: 1 })));
      act(() => void vi.advanceTimersByTime(1000));
      expect(live.textContent).toContain('batch 2 of 10');
      act(() => void vi.advanceTimersByTime(5000));
      expect(live.textContent).toContain('batch 3 of 10');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('SplitSummary', () => {
  it('counts per class per split by hand; fractions keep the sum 1', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    const split = {
      train: Int32Array.from([0, 1, 2, 3]),
      validation: Int32Array.from([4]),
      test: Int32Array.from([5]),
    };
    render(
      <SplitSummary
        dataset={dataset()}
        split={split}
        options={DEFAULT_SPLIT}
        onChange={onChange}
        trainLimit={null}
        onTrainLimit={() => {}}
        lang="en"
      />,
    );
    const table = screen.getByRole('table', { name: 'Images per class in each split' });
    const rows = within(table)
      .getAllByRole('row')
      .map((r) => r.textContent);
    // labels 0,1,0,1 | 1 | 0
    expect(rows).toEqual(['ClassTrainingValidationTest', 'no nodule201', 'nodule210', 'Total411']);
    const train = screen.getByLabelText('Training share');
    fireEvent.change(train, { target: { value: '0.6' } });
    expect(onChange).toHaveBeenLastCalledWith({ fractions: { train: 0.6, validation: 0.15, test: 0.25 } });
    expect(screen.getByLabelText(/Keep each patient/)).toHaveProperty('checked', true);
    await user.click(screen.getByLabelText(/Keep each patient/));
    expect(onChange).toHaveBeenLastCalledWith({ byPatient: false });
  });
});

describe('dataset parts', () => {
  it('paths below the root, counts, samples per class', () => {
    expect(pathBelowRoot('root/normal/a.png')).toBe('normal/a.png');
    expect(pathBelowRoot('a.png')).toBe('a.png');
    expect(classCounts(dataset())).toEqual([3, 3]);
    expect(samplesPerClass(dataset().labels, 2, 2)).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });

  it('walks a dropped folder with webkitGetAsEntry (one root stripped, chunks read until empty)', async () => {
    const file = (name: string) => ({
      isFile: true,
      isDirectory: false,
      name,
      file: (ok: (f: File) => void) => ok(new File([name], name)),
    });
    const dir = (name: string, children: unknown[]) => ({
      isFile: false,
      isDirectory: true,
      name,
      createReader: () => {
        let done = false;
        return {
          readEntries: (ok: (e: unknown[]) => void) => {
            ok(done ? [] : children);
            done = true;
          },
        };
      },
    });
    const root = dir('data', [dir('normal', [file('a.png')]), dir('nodule', [file('b.png'), file('c.png')])]);
    const items = [{ kind: 'file', webkitGetAsEntry: () => root }] as unknown as DataTransferItemList;
    const got = await droppedFiles(items, null);
    expect(got.zip).toBeNull();
    expect(got.entries.map((e) => e.path)).toEqual(['normal/a.png', 'nodule/b.png', 'nodule/c.png']);
    expect(new TextDecoder().decode(got.entries[1]!.bytes)).toBe('b.png');
    // Two dropped class folders keep their names.
    const two = [
      { kind: 'file', webkitGetAsEntry: () => dir('x', [file('1.png')]) },
      { kind: 'file', webkitGetAsEntry: () => dir('y', [file('2.png')]) },
    ] as unknown as DataTransferItemList;
    expect((await droppedFiles(two, null)).entries.map((e) => e.path)).toEqual(['x/1.png', 'y/2.png']);
  });

  it('the import lists counts and skipped files', () => {
    const d = { ...dataset(), source: { kind: 'folder' as const, name: 'data' } };
    render(
      <OwnImagesImport
        dataset={d}
        skipped={[{ path: 'x/readme.txt', reason: { en: 'not an image', zh: '不是图像' } }]}
        onFiles={() => {}}
        onZip={() => {}}
        lang="en"
      />,
    );
    expect(screen.getByTestId('import-counts').textContent).toContain('no nodule3');
    expect(screen.getByTestId('import-skipped').textContent).toContain('Skipped files (1)');
    expect(screen.getByTestId('import-skipped').textContent).toContain('x/readme.txt: not an image');
    expect(screen.getByLabelText('Choose a folder').hasAttribute('webkitdirectory')).toBe(true);
  });

  it('augmentation preview: off = copies; same seed = same images; re-roll draws new ones', async () => {
    const d = dataset();
    const off = augmentPreview(d, [1], NO_AUGMENT, 3, 2);
    expect([...off[0]![0]!]).toEqual([...d.images.subarray(4, 8)]);
    const spec = { ...NO_AUGMENT, noise: 0.1 };
    expect(augmentPreview(d, [0, 1], spec, 7)).toEqual(augmentPreview(d, [0, 1], spec, 7));
    expect(augmentPreview(d, [0], spec, 7)[0]![0]).not.toEqual(augmentPreview(d, [0], spec, 8)[0]![0]);
    const user = userEvent.setup();
    render(<AugmentPreview dataset={d} spec={spec} lang="en" />);
    // 2 classes × (original + 8 versions).
    expect(screen.getAllByRole('img')).toHaveLength(18);
    expect(screen.getByTestId('augment-preview').getAttribute('data-seed')).toBe('1');
    await user.click(screen.getByRole('button', { name: 'New random draws' }));
    expect(screen.getByTestId('augment-preview').getAttribute('data-seed')).toBe('2');
  });

  it('curves: batches per epoch of a run, chart counts', () => {
    const run = {
      id: 1,
      label: { en: 'Run 1', zh: '第 1 次训练' },
      config: { ...DEFAULT_CONFIG, batchSize: 8 },
      trainCount: 20,
      epochs: [],
      batches: [{ step: 1, epoch: 1, loss: 1, accuracy: 0 }],
    };
    expect(runBatchesPerEpoch(run)).toBe(3);
    render(
      <TrainingCurves
        batches={[{ step: 1, epoch: 1, loss: 0.7, accuracy: 0.5 }]}
        epochs={[]}
        batchesPerEpoch={3}
        plannedEpochs={2}
        runs={[run]}
        lang="en"
      />,
    );
    const svg = screen.getByTestId('training-curves');
    expect(svg.getAttribute('data-batches')).toBe('1');
    expect(svg.getAttribute('data-epochs')).toBe('0');
  });
});

describe('Chinese pages', () => {
  it('no stray English in any panel', () => {
    const d = dataset();
    useTrainingStore.setState({
      dataset: d,
      split: {
        train: Int32Array.from([0, 1, 2, 3]),
        validation: Int32Array.from([4]),
        test: Int32Array.from([5]),
      },
      dataStatus: { status: 'ready' },
    });
    const { container } = render(
      <div>
        <DatasetPanel lang="zh" />
        <PhantomControls spec={DEFAULT_PHANTOM_SPEC} onChange={() => {}} lang="zh" />
        <SetupPanel config={{ ...DEFAULT_CONFIG, model: DEFAULT_CUSTOM }} onChange={() => {}} lang="zh" />
        <SetupPanel config={DEFAULT_CONFIG} onChange={() => {}} lang="zh" />
        <MedMnistPicker
          status={{ status: 'loading', what: { en: 'x', zh: '下载' }, progress: 0.5 }}
          onFile={() => {}}
          onDownload={() => {}}
          lang="zh"
        />
        <OwnImagesImport dataset={d} skipped={[]} onFiles={() => {}} onZip={() => {}} lang="zh" />
        <AugmentPreview dataset={d} spec={NO_AUGMENT} lang="zh" />
        <SampleGrid dataset={d} lang="zh" />
        <TrainControls
          progress={progress({})}
          backend={{ backend: 'webgl', reason: 'first-available', softwareGpu: false, attempts: [] }}
          trainer={{ status: 'error', message: { en: 'x', zh: '出错了。' } }}
          canTrain
          onTrain={() => {}}
          onPlay={() => {}}
          onPause={() => {}}
          onStep={() => {}}
          onStop={() => {}}
          lang="zh"
        />
        <TrainingCurves batches={[]} epochs={[]} batchesPerEpoch={1} plannedEpochs={1} lang="zh" />
      </div>,
    );
    expect(strayLatinInPage(container)).toEqual([]);
    useTrainingStore.getState().reset();
  });
});
