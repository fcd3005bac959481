/** The lesson engine: types, routes, URL state, progress and quiz grading. Framework-free. */
export * from './types';
export * from './lessonIds';
export * from './route';
export * from './lessonState';
export * from './progress';
export * from './gradeQuiz';
export * from './parseStrictNumber';
export * from './parseRichText';
