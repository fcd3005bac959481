// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/** DESIGN.md boundaries, enforced. Each entry: files it applies to, and what they may not import. */
const tf = {
  group: ['@tensorflow/*'],
  message:
    'Only core/tensor, core/models, core/training, core/autodiff and workers/ may import tfjs (DESIGN.md).',
};
const dicom = {
  group: [
    'dicom-parser',
    'dicom-parser/*',
    '@cornerstonejs/*',
    'cornerstone-jpeg12',
    'fast-png',
    'jpeg-js',
    'jpeg-js/*',
    'jpeg-lossless-decoder-js',
  ],
  message: 'Only core/imaging may import dicom-parser and codecs (DESIGN.md).',
};
/** Archives (.zip, .npz): the image and dataset readers unzip; nothing else needs to. */
const archive = {
  group: ['fflate'],
  message: 'Only core/imaging and core/datasets may import fflate (DESIGN.md).',
};
const noReact = [
  {
    group: ['react', 'react/*', 'react-dom', 'react-dom/*'],
    message: 'core/** is framework-free: no React (DESIGN.md).',
  },
  { regex: '^(\\.\\./)+ui(/|$)', message: 'core/** may not import ui/** (DESIGN.md).' },
  {
    regex: '^\\.\\./\\.\\./(\\.\\./)*lessons(/|$)',
    message: 'core/** may not import src/lessons/** (DESIGN.md).',
  },
];
const tfAllowed = [
  'src/core/tensor/**',
  'src/core/models/**',
  'src/core/training/**',
  'src/core/autodiff/**',
  'src/workers/**',
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'public', 'bench/results.json', 'test-results'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'tests/e2e/**', '*.config.*', 'bench/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Everywhere in src/ except the tfjs owners and the imaging module.
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...tfAllowed, 'src/core/imaging/**', 'src/core/datasets/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tf, dicom, archive] }] },
  },
  {
    files: tfAllowed,
    ignores: ['src/workers/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dicom, archive, ...noReact] }] },
  },
  {
    files: ['src/core/imaging/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tf, ...noReact] }] },
  },
  {
    files: ['src/core/**/*.ts'],
    ignores: [...tfAllowed, 'src/core/imaging/**', 'src/core/datasets/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [tf, dicom, archive, ...noReact] }],
    },
  },
  {
    files: ['src/core/datasets/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [tf, dicom, ...noReact] }] },
  },
  {
    files: ['src/workers/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [dicom, archive, ...noReact] }] },
  },
  { files: ['src/core/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'error' } },
);
