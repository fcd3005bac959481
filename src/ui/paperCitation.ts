/** The review the lessons follow (a bibliographic reference: shown as published, in every language). */
export const PAPER = {
  authors: 'Mazurowski MA, Buda M, Saha A, Bashir MR.',
  title: 'Deep learning in radiology: an overview of the concepts and a survey of the state of the art',
  venue:
    'arXiv:1802.08717 (2018); published as “… with focus on MRI”, J Magn Reson Imaging 2019;49(4):939–954, doi:10.1002/jmri.26534.',
} as const;
