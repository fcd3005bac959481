/** DESIGN.md's import boundaries are ESLint rules: each forbidden import fails, each allowed one passes. */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${source}\nexport const used = x;\n`, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

const cases: [file: string, source: string, allowed: boolean][] = [
  ['src/core/lessons/a.ts', "import x from 'react';", false],
  ['src/core/lessons/a.ts', "import x from '../../ui/App';", false],
  ['src/core/lessons/a.ts', "import x from '../../lessons/catalogue';", false],
  ['src/core/lessons/a.ts', "import x from '../tensor/initBackend';", true],
  ['src/core/lessons/a.ts', "import * as x from '@tensorflow/tfjs-core';", false],
  ['src/core/imaging/a.ts', "import * as x from '@tensorflow/tfjs-core';", false],
  ['src/core/imaging/a.ts', "import x from 'dicom-parser';", true],
  ['src/core/tensor/a.ts', "import * as x from '@tensorflow/tfjs-core';", true],
  ['src/core/tensor/a.ts', "import x from 'dicom-parser';", false],
  ['src/core/tensor/a.ts', "import x from 'react-dom';", false],
  ['src/core/models/a.ts', "import * as x from '@tensorflow/tfjs-layers';", true],
  ['src/core/training/a.ts', "import * as x from '@tensorflow/tfjs-core';", true],
  ['src/core/autodiff/a.ts', "import * as x from '@tensorflow/tfjs-core';", true],
  ['src/workers/train.worker.ts', "import * as x from '@tensorflow/tfjs-core';", true],
  ['src/ui/A.tsx', "import * as x from '@tensorflow/tfjs-core';", false],
  ['src/ui/A.tsx', "import x from 'dicom-parser';", false],
  ['src/ui/viewer/A.tsx', "import x from '@cornerstonejs/codec-charls';", false],
  ['src/lessons/radiology-images/a.ts', "import { inflateSync } from 'fflate';", false],
  ['src/core/datasets/a.ts', "import { decode } from 'fast-png';", false],
  ['src/core/datasets/a.ts', "import { unzipSync } from 'fflate';", true],
  ['src/core/datasets/a.ts', "import * as x from '@tensorflow/tfjs-core';", false],
  ['src/core/training/a.ts', "import { unzipSync } from 'fflate';", false],
  ['src/core/imaging/codecs/a.ts', "import { decode } from 'fast-png';", true],
  ['src/core/imaging/codecs/a.ts', "import x from 'react';", false],
  ['src/lessons/convolution/a.ts', "import * as x from '@tensorflow/tfjs-backend-webgl';", false],
  ['src/ui/A.tsx', "import x from 'react';", true],
];

describe('import boundaries (eslint no-restricted-imports)', () => {
  for (const [file, source, allowed] of cases) {
    it(`${allowed ? 'allows' : 'forbids'} ${source} in ${file}`, async () => {
      const messages = await restrictedImports(file, source);
      if (allowed) expect(messages).toEqual([]);
      else expect(messages.length).toBeGreaterThan(0);
    });
  }
});
