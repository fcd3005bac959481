/**
 * English UI strings. `{name}` placeholders are filled by `t(key, { name })`.
 * Every key must exist in zh.ts too (the compiler and tests/unit/i18n/keys.test.ts enforce it).
 */
export const en = {
  'app.brand': 'Radiology CNN Lab',
  'app.skipLink': 'Skip to main content',

  'nav.label': 'Main',
  'nav.catalogue': 'Lessons',
  'nav.zoo': 'Model zoo',
  'nav.playground': 'Playground',
  'nav.about': 'About',

  'header.language': 'Language',
  'header.settings': 'Settings',
  'header.settingsOpen': 'Open settings',

  'sample.loading': 'Opening the sample…',
  'sample.failed': 'The sample could not be opened: {message}',
  'widget.loading': 'Loading the interactive part…',
  'widget.failed': 'This interactive part could not load: {message}',

  'backend.label': 'Compute: {name}',
  'backend.loading': 'Compute: starting…',
  'backend.error': 'Compute: unavailable',
  'backend.errorDetail': 'No compute backend could start: {message}',
  'backend.reasonLabel': 'Why: {reason}',
  'backend.reason.user-choice': 'you chose this backend in settings',
  'backend.reason.first-available': 'it is the fastest backend that works on this device',
  'backend.reason.software-gpu': 'the GPU here is emulated in software, so wasm is faster',
  'backend.reason.preferred-unavailable': 'the backend you chose could not start, so this one runs instead',
  'backend.reason.context-lost': 'the GPU context was lost, so this one runs instead',
  'backend.notice.contextLost': 'The GPU context was lost; now running on {to}.',
  'backend.notice.fallback': 'The {from} backend stopped working; now running on {to}.',
  'backend.notice.dismiss': 'Dismiss notice',

  'settings.title': 'Settings',
  'settings.close': 'Close settings',
  'settings.backend': 'Compute backend',
  'settings.backendHelp':
    'Automatic tries the fastest first: WebGPU, then WebGL, then wasm, then CPU. Changing it restarts the compute engine.',
  'settings.pref.auto': 'Automatic (recommended)',
  'settings.current': 'Now running: {name}',
  'settings.display': 'Display and teaching',
  'settings.presentation': 'Presentation mode (larger type, high contrast)',
  'settings.notes': 'Show instructor notes',
  'settings.progress': 'Your progress',
  'settings.resetProgress': 'Clear my progress',
  'settings.progressCleared': 'Progress cleared.',

  'catalogue.title': 'Lessons',
  'catalogue.intro':
    'Twelve short lessons, from pixels and Hounsfield units to training a classifier and its pitfalls. Each lesson has steps, live examples and a quiz. Everything runs on your computer.',
  'catalogue.listLabel': 'Lesson catalogue',
  'catalogue.lessonNumber': 'Lesson {n}',
  'catalogue.minutes': 'about {minutes} min',
  'catalogue.status.available': 'Available',
  'catalogue.status.coming': 'Coming soon',
  'catalogue.notStarted': 'Not started',
  'catalogue.progressSteps': '{visited} of {total} steps',
  'catalogue.progressQuiz': 'quiz {correct}/{total}',

  'lesson.backToCatalogue': 'All lessons',
  'lesson.stepsLabel': 'Steps of this lesson',
  'lesson.stepOf': 'Step {n} of {total}',
  'lesson.prev': 'Previous step',
  'lesson.next': 'Next step',
  'lesson.visited': '(visited)',
  'lesson.current': '(current step)',
  'lesson.keyboardHint': 'Tip: the ← and → keys move between steps.',
  'lesson.parameters': 'Parameters',
  'lesson.notes': 'Instructor notes',
  'lesson.end': 'You have reached the last step of this lesson.',
  'lesson.missingWidget': 'The interactive part of this step is not available.',
  'lesson.comingTitle': 'This lesson is coming soon',
  'lesson.comingBody':
    'The lesson “{title}” is planned but not built yet. Meanwhile, try a lesson that is available.',
  'lesson.loading': 'Loading the lesson…',
  'lesson.loadError': 'This lesson could not be loaded. Check your connection, then try again.',
  'lesson.retry': 'Try again',

  'quiz.title': 'Check your understanding',
  'quiz.question': 'Question {n}',
  'quiz.check': 'Check answer',
  'quiz.answerLabel': 'Your answer',
  'quiz.correct': 'Correct.',
  'quiz.incorrect': 'Not quite.',
  'quiz.invalidNumber': 'Please type a number, for example 12 or 3.5.',
  'quiz.invalidChoice': 'Please choose one option first.',
  'quiz.expected': 'Expected answer: {answer}',
  'quiz.tolerance': '(answers within ±{tolerance} count as correct)',
  'quiz.score': 'Score: {correct} of {total} correct',

  'notFound.title': 'Page not found',
  'notFound.body':
    'There is no page at this address. The link may be mistyped or come from an older version of the app.',
  'notFound.address': 'Address:',
  'notFound.lessonBody': 'There is no lesson with this id. Pick one from the catalogue.',
  'notFound.lessonId': 'Lesson id:',
  'notFound.home': 'Go to the lesson catalogue',
  'notFound.about': 'Read about this app',

  'zoo.title': 'Model zoo',
  'zoo.body':
    'Small CNNs trained on phantom radiology tasks, each with its architecture, the data it was trained on and how well it did on validation data. Run any of them on a slice or a phantom in your browser, and time it on this device.',
  'playground.title': 'Playground',
  'playground.body':
    'Here you will be able to load your own images or a phantom dataset, build a small network and train it in the browser, with ROC curves, sensitivity and specificity.',
  'playground.notBuilt': 'The playground is not built yet. Nothing on this page runs today.',

  'about.title': 'About this app',
  'about.what':
    'Radiology CNN Lab teaches how convolutional neural networks work, using radiology images. It is written for medical students, radiology residents and their teachers. Every lesson explains one concept at a time and lets you change the numbers and see what happens.',
  'about.paperHeading': 'The review it follows',
  'about.paperIntro': 'The lessons follow the structure of this review article:',
  'about.privacyHeading': 'Privacy',
  'about.privacy':
    'Your images never leave your computer. The app makes no request to any other host: there is no server, no upload, no analytics and no tracking. Progress and settings are stored only in this browser.',
  'about.backendHeading': 'Compute backend',
  'about.backendIntro':
    'Neural networks run on a compute backend chosen at start-up: WebGPU or WebGL use the graphics card, wasm and CPU use the processor.',
  'about.backendLoading': 'The compute backend is still starting.',
  'about.backendError': 'No compute backend could start.',
  'about.backend': 'Backend in use',
  'about.reason': 'Reason',
  'about.softwareGpu': 'GPU emulated in software',
  'about.wasmSimd': 'wasm SIMD',
  'about.wasmThreads': 'wasm threads',
  'about.attempts': 'Backends tried, in order',
  'about.attemptBackend': 'Backend',
  'about.attemptResult': 'Result',
  'about.attemptDetail': 'Detail',
  'about.worked': 'worked',
  'about.failed': 'failed',
  'about.simulateLoss': 'Simulate a lost GPU context',
  'about.simulateLossHint':
    'For instructors: shows how the app carries on when the graphics driver resets (it switches to the next backend and says so).',
  'about.yes': 'yes',
  'about.no': 'no',
} as const satisfies Record<string, string>;

/** A UI string key. */
export type MessageKey = keyof typeof en;
