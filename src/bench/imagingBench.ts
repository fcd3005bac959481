/**
 * Imaging benchmarks (bench field `imaging`): re-windowing a 512×512 slice, generating phantoms,
 * and decoding a gallery DICOM file, all in the page on the main thread.
 */
import { decodeImageFile } from '../core/imaging';
import { makeBrainMr } from '../core/imaging/phantoms/brainMr';
import { makeChestCt } from '../core/imaging/phantoms/chestCt';
import { makeChestCtPatch } from '../core/imaging/phantoms/chestCtPatch';
import { makeChestRadiograph } from '../core/imaging/phantoms/chestRadiograph';
import { makeHeadCt } from '../core/imaging/phantoms/headCt';
import { benchRewindow512 } from './displayBench';
import { median, round, timeRuns, timeSyncRuns } from './stats';

/** What the `imaging` bench call returns (bench/README.md). */
export interface ImagingBenchResult {
  /** Median ms to re-window a 512×512 CT slice into RGBA (viewer drag). */
  rewindow512Ms: number;
  phantoms: {
    /** Median ms of one 64×64 chest-CT lung patch with a nodule. */
    patch64Ms: number;
    /** Median ms of one 512×512 chest CT slice with a nodule. */
    slice512Ms: number;
    headCt512Ms: number;
    brainMr256Ms: number;
    radiograph512Ms: number;
  };
  /** Median ms to decode the 512×512 chest CT sample (explicit VR LE, 16-bit) and read its HU. */
  decodeCt512Ms: number;
  runs: Record<string, number>;
}

/** Median ms of a synchronous function over `runs` runs after `warmup` untimed ones. */
function timeSync(fn: (i: number) => void, warmup: number, runs: number): number {
  return round(median(timeSyncRuns(fn, warmup, runs)));
}

/** Runs every imaging benchmark once. */
export async function imagingBench(): Promise<ImagingBenchResult> {
  const runs = { rewindow: 50, patch: 50, slice: 7, decode: 10 };
  const nodule = { diameterMm: 8 };
  const rewindow512Ms = benchRewindow512(runs.rewindow).medianMs;
  const patch64Ms = timeSync((i) => makeChestCtPatch({ size: 64, seed: i, nodule }), 3, runs.patch);
  const slice512Ms = timeSync((i) => makeChestCt({ seed: i, nodules: [nodule] }), 1, runs.slice);
  const headCt512Ms = timeSync((i) => makeHeadCt({ seed: i }), 1, runs.slice);
  const brainMr256Ms = timeSync((i) => makeBrainMr({ seed: i }), 1, runs.slice);
  const radiograph512Ms = timeSync((i) => makeChestRadiograph({ seed: i }), 1, runs.slice);
  const res = await fetch(`${import.meta.env.BASE_URL}samples/chest-ct-nodule.dcm`);
  if (!res.ok) throw new Error(`sample chest-ct-nodule.dcm: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  const decodeTimes = await timeRuns(
    async () => {
      const image = await decodeImageFile(bytes, 'chest-ct-nodule.dcm');
      if (image.kind !== 'dicom' || image.frame(0).length !== 512 * 512) throw new Error('unexpected image');
    },
    2,
    runs.decode,
  );
  return {
    rewindow512Ms,
    phantoms: { patch64Ms, slice512Ms, headCt512Ms, brainMr256Ms, radiograph512Ms },
    decodeCt512Ms: round(median(decodeTimes)),
    runs,
  };
}
