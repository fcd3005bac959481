/**
 * A harness for a controlled component in a test: it keeps the value in React state, so the
 * component re-renders with what it last reported, and passes every reported value to `spy` too.
 */
import { useState, type ReactNode } from 'react';

/** Renders `children(value, onChange)`; `onChange` records the value in `spy` and stores it. */
export function Controlled<T>({
  initial,
  spy,
  children,
}: {
  initial: T;
  spy(value: T): void;
  children(value: T, onChange: (value: T) => void): ReactNode;
}) {
  const [value, setValue] = useState(initial);
  return children(value, (next) => {
    spy(next);
    setValue(next);
  });
}
