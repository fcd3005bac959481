/**
 * The trainer without a worker: a {@link TrainerClient} and a trainer host connected through a
 * `MessageChannel` in the same thread. Same messages, same structured cloning and transfers as
 * with the worker, so tests (Node) and environments without `Worker` (jsdom) exercise the real
 * protocol; only the training then shares the page's thread.
 */
import { TrainerClient, type TrainerClientPort } from './TrainerClient';
import { createTrainerHost, type TrainerHostOptions, type TrainerPort } from './trainerHost';

/** A client wired to an in-thread host. `dispose()` terminates the client and frees the host's tensors. */
export interface InProcessTrainer {
  client: TrainerClient;
  dispose(): void;
}

/** Connects a client and a host over a MessageChannel (see the module comment). */
export function createInProcessTrainer(options: TrainerHostOptions = {}): InProcessTrainer {
  const channel = new MessageChannel();
  const host = createTrainerHost(channel.port2 as unknown as TrainerPort, options);
  const client = new TrainerClient(channel.port1 as unknown as TrainerClientPort);
  return {
    client,
    dispose() {
      client.terminate();
      host.dispose();
      channel.port1.close();
      channel.port2.close();
    },
  };
}
