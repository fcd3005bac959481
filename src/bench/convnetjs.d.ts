/** The small part of ConvNetJS 0.3 (npm `convnetjs`, a CommonJS script) the bench page uses. */
declare module 'convnetjs' {
  /** A 3-D volume: `w` holds values at ((sx·y)+x)·depth+d. */
  export class Vol {
    constructor(sx: number, sy: number, depth: number, c?: number);
    sx: number;
    sy: number;
    depth: number;
    w: Float64Array | number[];
    dw: Float64Array | number[];
  }
  /** A layer definition for `Net.makeLayers`, e.g. `{ type: 'conv', sx: 3, filters: 10 }`. */
  export type LayerDef = Record<string, string | number>;
  export class Net {
    constructor();
    makeLayers(defs: LayerDef[]): void;
    forward(v: Vol, isTraining?: boolean): Vol;
    getParamsAndGrads(): Array<{ params: ArrayLike<number>; grads: ArrayLike<number> }>;
  }
  export interface TrainerOptions {
    method?: string;
    batch_size?: number;
    learning_rate?: number;
    momentum?: number;
    l2_decay?: number;
  }
  export interface TrainStats {
    fwd_time: number;
    bwd_time: number;
    loss: number;
    cost_loss: number;
  }
  export class Trainer {
    constructor(net: Net, options?: TrainerOptions);
    /** Forward + backward for one example; updates the weights every `batch_size` calls. */
    train(x: Vol, y: number): TrainStats;
    method: string;
    batch_size: number;
  }
  const convnetjs: { Vol: typeof Vol; Net: typeof Net; Trainer: typeof Trainer; REVISION: string };
  export default convnetjs;
}
