/**
 * The training worker (DESIGN.md: workers own all long-lived tfjs training state): everything is
 * in core/training/trainerHost.ts; this module only connects it to the worker's global scope.
 * Start it from the page as a module worker and talk to it with a TrainerClient:
 *
 * ```ts
 * const worker = new Worker(new URL('../workers/trainer.worker.ts', import.meta.url), { type: 'module' });
 * const client = new TrainerClient(worker);
 * ```
 */
import { createTrainerHost, type TrainerPort } from '../core/training/trainerHost';

createTrainerHost(self as unknown as TrainerPort);
