/** The handle that every d3 engine of this folder returns: redraw with a new state, or remove. */
export interface ViewHandle<S> {
  update(state: S): void;
  destroy(): void;
}
